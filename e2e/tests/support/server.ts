import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { SERVER_ENTRY, WEB_DIST } from "@lobby/cluster";
import { expect } from "@playwright/test";
import getPort from "get-port";

/*
 * A Lobby server of a journey's own, for what the shared one (playwright.config.ts) cannot do:
 * settings of its own (a long countdown), or stopping and starting again mid-game. It is the built
 * server, in memory, on a port of its own that it keeps across restarts, serving the built web app.
 */

export interface OwnServer {
  /** Its address: open `${url}/` in a browser. */
  readonly url: string;
  /** Start it (again); resolves once it answers `/healthz`. */
  start(): Promise<void>;
  /** Kill it the hard way (SIGKILL, a crash): everything it held in memory is gone. */
  crash(): Promise<void>;
  /** Stop it if it runs. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** A server with `env` on top of the shared server's settings; not started yet. */
export async function ownServer(env: Record<string, string> = {}): Promise<OwnServer> {
  const port = await getPort({ host: "127.0.0.1" });
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let stderr = "";

  async function kill(signal: NodeJS.Signals): Promise<void> {
    const current = child;
    child = null;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    const exited = once(current, "exit");
    current.kill(signal);
    await exited;
  }

  return {
    url,
    async start() {
      stderr = "";
      const started = spawn(process.execPath, [SERVER_ENTRY], {
        stdio: ["ignore", "ignore", "pipe"],
        env: {
          ...process.env,
          PORT: String(port),
          HOST: "127.0.0.1",
          WEB_DIST,
          ALLOWED_ORIGINS: url,
          NEW_SESSIONS_PER_MINUTE: "600",
          RECONNECT_GRACE_MS: "5000",
          LOG_LEVEL: "warn",
          ...env,
        },
      });
      child = started;
      running.add(started);
      started.once("exit", () => running.delete(started));
      started.stderr?.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      await expect
        .poll(
          async () => {
            if (started.exitCode !== null) throw new Error(`The server exited at start: ${stderr}`);
            return fetch(`${url}/healthz`).then(
              (response) => response.ok,
              () => false,
            );
          },
          { timeout: 30_000, message: "the server answers /healthz" },
        )
        .toBe(true);
    },
    crash: () => kill("SIGKILL"),
    stop: () => kill("SIGTERM"),
  };
}
