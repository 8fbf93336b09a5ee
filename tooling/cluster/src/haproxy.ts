import type { ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { findExecutable, isRunning, spawnOwned, terminate } from "@lobby/redis-server";

/** The HAProxy configuration in the repository: the local cluster runs it, and deployments start from it. */
export const HAPROXY_CONFIG = fileURLToPath(new URL("../../../deploy/haproxy.cfg", import.meta.url));

/** One node behind the balancer. */
export interface HaproxyServer {
  /** Its name in HAProxy (`node-1`, …). */
  id: string;
  /** Its own address, `http://127.0.0.1:<port>`. */
  url: string;
  /** Where it answers HAProxy's agent check (its HAPROXY_AGENT_PORT). */
  agentPort: number;
}

export interface HaproxyOptions {
  port: number;
  host: string;
  servers: readonly HaproxyServer[];
  /** Every line HAProxy prints. */
  onOutput?: (line: string) => void;
  /** How long HAProxy may take to listen and to see every node up. Default 15 s. */
  readyTimeoutMs?: number;
}

/** The running balancer. */
export interface Balancer {
  /** Where clients connect: `http://<host>:<port>`, with 127.0.0.1 for a wildcard host. */
  readonly url: string;
  readonly port: number;
  /** HAProxy's runtime API (`show stat`, `set server …`): send one command, get its answer. */
  command(line: string): Promise<string>;
  /** Stop HAProxy (its connections close) and remove its files. */
  close(): Promise<void>;
}

export class HaproxyNotFoundError extends Error {
  constructor(bin: string) {
    super(
      `${bin} was not found. Lobby's local cluster and its cluster tests run behind HAProxy. Install it:\n` +
        "  - Debian/Ubuntu: sudo apt-get install -y haproxy (bash scripts/test.sh does it for you)\n" +
        "  - elsewhere: install HAProxy 2.4 or newer and set HAPROXY_BIN=/path/to/haproxy",
    );
    this.name = "HaproxyNotFoundError";
  }
}

const POLL_MS = 50;
const TAIL_LINES = 30;

/**
 * Start HAProxy in the foreground with the repository's configuration
 * (`deploy/haproxy.cfg`), bound to `host:port`, with a `server` line per
 * node, and resolve once it listens and sees every node up. The nodes must
 * be answering already.
 */
export async function startHaproxy(options: HaproxyOptions): Promise<Balancer> {
  const wanted = process.env.HAPROXY_BIN ?? "haproxy";
  // Debian installs it in /usr/sbin, which is not on every user's PATH.
  const bin = findExecutable(wanted) ?? (wanted === "haproxy" ? findExecutable("/usr/sbin/haproxy") : null);
  if (!bin) throw new HaproxyNotFoundError(wanted);

  const dir = await mkdtemp(join(tmpdir(), `lobby-haproxy-${process.pid}-`));
  const socket = join(dir, "admin.sock");
  const config = (await readFile(HAPROXY_CONFIG, "utf8"))
    .replace("{{BIND}}", `${options.host}:${options.port}`)
    .replace("{{SOCKET}}", socket)
    .replace(
      "{{SERVERS}}",
      options.servers
        .map(({ id, url, agentPort }) => `server ${id} ${new URL(url).host} agent-port ${agentPort}`)
        .join("\n    "),
    );
  const file = join(dir, "haproxy.cfg");
  await writeFile(file, config);

  const child = spawnOwned(bin, ["-f", file, "-db"], { stdio: ["ignore", "pipe", "pipe"] });
  const tail: string[] = [];
  const onLine = (line: string) => {
    options.onOutput?.(line);
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
  };
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on("line", onLine);
  }
  const failed: { error?: Error } = {};
  child.once("error", (error) => (failed.error = error));

  const command = (line: string) => runtimeCommand(socket, line);
  const stop = async () => {
    await terminate(child, "SIGTERM", 5_000).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await untilReady(child, failed, command, options, tail);
  } catch (error) {
    await stop();
    throw error;
  }
  const urlHost =
    options.host === "0.0.0.0" || options.host === "::"
      ? "127.0.0.1"
      : options.host.includes(":")
        ? `[${options.host}]`
        : options.host;
  return { url: `http://${urlHost}:${options.port}`, port: options.port, command, close: stop };
}

/** Wait until HAProxy answers on its runtime API and reports every server UP. */
async function untilReady(
  child: ChildProcess,
  failed: { error?: Error },
  command: (line: string) => Promise<string>,
  options: HaproxyOptions,
  tail: readonly string[],
): Promise<void> {
  const deadline = Date.now() + (options.readyTimeoutMs ?? 15_000);
  let last = "";
  for (;;) {
    if (failed.error) throw new Error(`HAProxy could not start: ${failed.error.message}`);
    if (!isRunning(child)) throw new Error(`HAProxy exited before it was ready:\n${tail.join("\n")}`);
    last = await command("show stat").catch((error: Error) => error.message);
    const up = serverStates(last);
    if (options.servers.every(({ id }) => up.get(id)?.startsWith("UP"))) return;
    if (Date.now() > deadline) {
      throw new Error(`HAProxy did not see every node up in time:\n${last}\n${tail.join("\n")}`);
    }
    await delay(POLL_MS);
  }
}

/** Each server's status (`UP`, `DOWN`, `DRAIN`, …) in `show stat` CSV. */
export function serverStates(csv: string): Map<string, string> {
  const [header, ...rows] = csv.split("\n").filter((line) => line.trim() !== "");
  const columns = (header ?? "").replace(/^# /, "").split(",");
  const [proxy, name, status] = ["pxname", "svname", "status"].map((c) => columns.indexOf(c));
  const states = new Map<string, string>();
  for (const row of rows) {
    const cells = row.split(",");
    if (cells[proxy!] === "nodes" && cells[name!] !== "BACKEND") states.set(cells[name!]!, cells[status!] ?? "");
  }
  return states;
}

/** One command on HAProxy's runtime API socket, and its whole answer. */
function runtimeCommand(path: string, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(path);
    let answer = "";
    socket.setTimeout(2_000, () => socket.destroy(new Error("HAProxy's runtime API did not answer")));
    socket.on("connect", () => socket.write(`${line}\n`));
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
    socket.on("error", reject);
    socket.on("close", () => resolve(answer));
  });
}
