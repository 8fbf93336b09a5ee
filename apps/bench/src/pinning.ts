import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";

/**
 * Where the server under test and the bots run. With `taskset` and at
 * least two cores the server gets core 0 to itself and the bots (and this
 * coordinator) the rest, so neither steals the other's CPU and a saturated
 * generator shows up as bot CPU near 100 % rather than as server latency.
 */
export interface Pinning {
  /** `taskset -c` list for servers, or null when not pinning. */
  serverCpus: string | null;
  /** `taskset -c` list for the bot workers and the coordinator. */
  botCpus: string | null;
  /** Cores the bots may use (for the default worker count and the CPU share). */
  botCores: number;
  /** Open files each child may hold after raising the soft limit to the hard one. */
  fileLimit: number | null;
  note: string;
}

/** The shell prelude every child starts with: raise the open-file limit as far as allowed. */
const RAISE_FILE_LIMIT = 'ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$@"';

function hasTaskset(): boolean {
  return spawnSync("taskset", ["-p", String(process.pid)], { stdio: "ignore" }).status === 0;
}

function childFileLimit(): number | null {
  const out = spawnSync("sh", ["-c", RAISE_FILE_LIMIT.replace('exec "$@"', "ulimit -n")], { encoding: "utf8" });
  const value = Number.parseInt(out.stdout.trim(), 10);
  return Number.isFinite(value) ? value : null;
}

/** Decide the pinning for this machine. `pin: false` turns it off. */
export function planPinning(pin: boolean): Pinning {
  const cores = availableParallelism();
  const fileLimit = childFileLimit();
  if (!pin || cores < 2 || !hasTaskset()) {
    const why = !pin ? "off (--no-pin)" : cores < 2 ? "off (one core)" : "off (no taskset)";
    return { serverCpus: null, botCpus: null, botCores: cores, fileLimit, note: `pinning ${why}` };
  }
  const botCpus = cores === 2 ? "1" : `1-${cores - 1}`;
  return { serverCpus: "0", botCpus, botCores: cores - 1, fileLimit, note: `server on CPU 0, bots on CPU ${botCpus}` };
}

/** Move this coordinator process (all its threads) onto the bots' cores. */
export function pinSelf(pinning: Pinning): void {
  if (!pinning.botCpus) return;
  spawnSync("taskset", ["-a", "-cp", pinning.botCpus, String(process.pid)], { stdio: "ignore" });
}

const children = new Set<ChildProcess>();

/** Start a child with the raised file limit, on `cpus` when given. Tracked so `killChildren` can stop it. */
export function spawnPinned(cpus: string | null, command: string, args: string[], options: SpawnOptions): ChildProcess {
  const argv = cpus ? ["taskset", "-c", cpus, command, ...args] : [command, ...args];
  const child = spawn("sh", ["-c", RAISE_FILE_LIMIT, "sh", ...argv], options);
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

/** Last resort on an abort: stop every child this process started (by pid, nothing else). */
export function killChildren(): void {
  for (const child of children) child.kill("SIGKILL");
}

/**
 * Time a process's main thread spent running and waiting for a CPU (ns),
 * from /proc (Linux only; null elsewhere). A large wait means other work on
 * the machine took the core: the figures of that window are not the
 * server's own.
 */
export function schedstat(pid: number | null): { runNs: number; waitNs: number } | null {
  if (pid === null) return null;
  try {
    const [run, wait] = readFileSync(`/proc/${pid}/schedstat`, "utf8").trim().split(/\s+/).map(Number);
    return run === undefined || wait === undefined ? null : { runNs: run, waitNs: wait };
  } catch {
    return null;
  }
}

/**
 * Where the servers run, for the report's header. A `--target` is not
 * started here: nothing pins it, and its figures (`/debug/stats`) are those
 * of whichever process answers — behind a balancer one node, not the cluster.
 */
export function placementNote(pinned: string, options: { target: string | null; baseline: boolean }): string {
  if (options.target === null) return pinned;
  const figures =
    "server figures from the target's /debug/stats: behind a balancer, whichever node answers (one node, not the sum)";
  const target = `target ${options.target} (not started or pinned here; ${figures})`;
  return options.baseline
    ? `${target}; baseline ${pinned.replace(/^server /, "")}`
    : `${target}; ${pinned.replace(/^server on CPU \S+, /, "")}`;
}
