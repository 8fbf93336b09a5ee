import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { once } from "node:events";
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";

/** The absolute path of `command` (a path, or a name looked up on PATH), or null when there is nothing to run. */
export function findExecutable(command: string): string | null {
  const candidates = command.includes("/")
    ? [command]
    : (process.env.PATH ?? "")
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, command));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not here; try the next directory.
    }
  }
  return null;
}

// util-linux's setpriv (every Debian/Ubuntu has it) sets the parent-death signal and then execs the
// command in place, so the child keeps its pid and our signals reach it directly.
const setpriv = process.platform === "linux" ? findExecutable("setpriv") : null;
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/**
 * Spawn a child process that cannot outlive this one. Vitest ends its workers with SIGTERM and then
 * SIGKILL, and neither runs `exit` handlers, so on Linux the kernel is asked to SIGKILL the child when
 * its parent dies (`setpriv --pdeathsig`). Everywhere, children still running at a normal exit
 * (`process.exit()`, an empty event loop) are killed by an `exit` handler. Elsewhere than Linux a
 * parent killed by a signal it does not handle leaves its children running.
 */
export function spawnOwned(command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  // With the kernel's guarantee the child also gets its own process group, so a Ctrl-C in the
  // terminal reaches only this process, which then stops its children in the order it chooses.
  // Without it, leaving the child in the terminal's group is the better fallback.
  const child = setpriv
    ? spawn(setpriv, ["--pdeathsig", "KILL", command, ...args], { detached: true, ...options })
    : spawn(command, args, options);
  running.add(child);
  const forget = () => running.delete(child);
  child.once("exit", forget);
  child.once("error", forget);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once("exit", () => {
      for (const each of running) each.kill("SIGKILL");
    });
  }
  return child;
}

/** True until the child has exited. */
export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/**
 * Send `signal` and resolve once the child has exited. A child that ignores a graceful signal for
 * `killAfterMs` is sent SIGKILL, so a stop never hangs.
 */
export async function terminate(
  child: ChildProcess,
  signal: NodeJS.Signals = "SIGTERM",
  killAfterMs = 5_000,
): Promise<void> {
  if (!isRunning(child)) return;
  const exited = once(child, "exit");
  child.kill(signal);
  const escalate = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
  await exited;
  clearTimeout(escalate);
}
