import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { isRunning, spawnOwned, startRedis, terminate, type RedisServer } from "@lobby/redis-server";
import getPort from "get-port";
import { startHaproxy, type Balancer } from "./haproxy";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
/** The bundled server that `pnpm build` writes and every node runs. */
export const SERVER_ENTRY = join(REPO_ROOT, "apps/server/dist/main.js");
/** The built web app every node serves, when it exists. */
export const WEB_DIST = join(REPO_ROOT, "apps/web/dist");

const DEFAULT_READY_TIMEOUT_MS = 30_000;
/** Longer than the server's own 10 s bound on a graceful shutdown. */
const NODE_STOP_TIMEOUT_MS = 12_000;
const HEALTH_POLL_MS = 50;
const TAIL_LINES = 40;

/** Options for {@link startCluster}. */
export interface ClusterOptions {
  /** How many server nodes to run. */
  nodes: number;
  /** Use this Redis. Default: start a throwaway redis-server, stopped with the cluster. */
  redisUrl?: string;
  /**
   * Extra environment for every node, e.g. `{ RATE_LIMITS: "off", MAX_CONNECTIONS_PER_ADDRESS: "0" }`.
   * It overrides the inherited environment but never PORT, HOST, REDIS_URL or NODE_ID; ALLOWED_ORIGINS
   * is extended with the balancer's origins.
   */
  env?: Record<string, string>;
  /** The balancer's port. Default 0: one the OS picks. */
  port?: number;
  /** The balancer's interface. Default `127.0.0.1`; `0.0.0.0` to let other machines in. */
  host?: string;
  /** What each node runs, as `[executable, ...args]`. Default: this Node on {@link SERVER_ENTRY}. */
  command?: readonly [string, ...string[]];
  /**
   * Every line printed by a node (source `node-<i>`) or redis-server (`redis`), and the cluster's own
   * notes: `balancer` for HAProxy's own lines (until the cluster stops), `cluster` when a node exits
   * unasked. Default: dropped (a node that fails to start still has its last lines in the error).
   */
  onOutput?: (source: string, line: string) => void;
  /**
   * A node exited while the cluster was not stopping (a crash, or a `kill` by hand or by a test); it stays
   * down. Called after the `cluster` line that says so.
   */
  onNodeExit?: (id: string, how: string) => void;
  /** How long a node may take to answer `GET /healthz`. Default 30 s. */
  readyTimeoutMs?: number;
}

/** One server process of the cluster, addressable on its own. */
export interface ClusterNode {
  /** Its NODE_ID: `node-1`, `node-2`, … */
  readonly id: string;
  /** The node's own address, bypassing the balancer: pin a client to this node with it. */
  readonly url: string;
  readonly pid: number;
  /** False once the process has exited. */
  readonly running: boolean;
  /** Send `signal` (default SIGTERM) and resolve once the process has exited. SIGKILL plays a crash. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** A running local cluster. */
export interface Cluster {
  /** The balancer's URL: the one address players open. */
  readonly url: string;
  /** The REDIS_URL every node was given. */
  readonly redisUrl: string;
  /** The redis-server the cluster started (restart it to play "Redis restarts mid-game"); null with `redisUrl`. */
  readonly redis: RedisServer | null;
  readonly nodes: readonly ClusterNode[];
  readonly balancer: Balancer;
  /** Stop the nodes (SIGTERM, all at once, SIGKILL after 12 s), then HAProxy, then its redis-server. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Start a local Lobby cluster: redis-server (unless `redisUrl` is given), `nodes` server processes on
 * free loopback ports and HAProxy in front of them, with the repository's configuration
 * (`deploy/haproxy.cfg`). Resolves once every node answers `/healthz` and HAProxy sees them all up;
 * if anything fails to start, whatever did start is stopped again.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  if (!Number.isInteger(options.nodes) || options.nodes < 1) {
    throw new Error(`nodes must be a whole number of at least 1, got ${options.nodes}`);
  }
  if (!options.command && !existsSync(SERVER_ENTRY)) {
    throw new Error(`${SERVER_ENTRY} does not exist: run pnpm build first`);
  }
  const command = options.command ?? [process.execPath, SERVER_ENTRY];
  const output = options.onOutput ?? (() => undefined);
  const stack: (() => Promise<void>)[] = [];
  let stopping = false;

  try {
    const redis = options.redisUrl ? null : await startRedis({ onLog: (line) => output("redis", line) });
    if (redis) stack.push(() => redis.stop());
    const redisUrl = redis ? redis.url : (options.redisUrl ?? "");

    // The nodes bind their ports only later, so a balancer on "any port" could be handed one of
    // them; picking all the ports first keeps them distinct (get-port gives no port twice within
    // 15 s in one process).
    const host = options.host ?? "127.0.0.1";
    const balancerPort = options.port || (await getPort({ host }));
    const taken = [balancerPort];
    const freePort = async () => {
      const port = await getPort({ host: "127.0.0.1", exclude: taken });
      taken.push(port);
      return port;
    };
    const members: { id: string; url: string; agentPort: number }[] = [];
    for (let i = 0; i < options.nodes; i++) {
      members.push({ id: `node-${i + 1}`, url: `http://127.0.0.1:${await freePort()}`, agentPort: await freePort() });
    }

    // The balancer's port has to be in every node's ALLOWED_ORIGINS; HAProxy starts once the nodes answer.
    const env = nodeEnvironment(options.env ?? {}, redisUrl, balancerPort);
    const nodes = await Promise.all(
      members.map(({ id, url, agentPort }) =>
        launchNode({
          id,
          url,
          command,
          env: { ...env, HAPROXY_AGENT_PORT: String(agentPort) },
          output,
          readyTimeoutMs: options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS,
          onExit: (how) => {
            if (stopping) return;
            output("cluster", `${id} exited (${how})`);
            options.onNodeExit?.(id, how);
          },
          started: (node) => stack.push(() => node.kill("SIGTERM")),
        }),
      ),
    );
    const balancer = await startHaproxy({
      port: balancerPort,
      host,
      servers: members,
      // Once the cluster stops, HAProxy only reports the nodes going down, as they are told to: not worth a line.
      onOutput: (line) => {
        if (!stopping) output("balancer", line);
      },
    });
    stack.push(() => balancer.close());

    let stopped: Promise<void> | null = null;
    return {
      url: balancer.url,
      redisUrl,
      redis,
      nodes,
      balancer,
      stop() {
        stopping = true;
        stopped ??= (async () => {
          await Promise.all(nodes.map((node) => node.kill("SIGTERM")));
          await balancer.close();
          await redis?.stop();
        })();
        return stopped;
      },
    };
  } catch (error) {
    stopping = true;
    for (const undo of stack.reverse()) await undo().catch(() => undefined);
    throw error;
  }
}

/** The environment every node shares: the caller's, plus what makes the nodes one cluster. */
function nodeEnvironment(extra: Record<string, string>, redisUrl: string, balancerPort: number): NodeJS.ProcessEnv {
  const inherited = { ...process.env, ...extra };
  const origins = [inherited.ALLOWED_ORIGINS, `http://localhost:${balancerPort}`, `http://127.0.0.1:${balancerPort}`];
  return {
    WEB_DIST: existsSync(WEB_DIST) ? WEB_DIST : "",
    // One secret for all nodes: a session token signed by one node must verify on the node a
    // reconnecting player lands on next.
    SESSION_SECRET: randomBytes(32).toString("hex"),
    // Players arrive through the balancer, which names them in X-Forwarded-For.
    TRUST_PROXY: "on",
    ...inherited,
    ALLOWED_ORIGINS: origins.filter(Boolean).join(","),
    HOST: "127.0.0.1",
    REDIS_URL: redisUrl,
  };
}

interface LaunchNodeOptions {
  id: string;
  url: string;
  command: readonly [string, ...string[]];
  env: NodeJS.ProcessEnv;
  output: (source: string, line: string) => void;
  readyTimeoutMs: number;
  onExit: (how: string) => void;
  /** Called as soon as the process exists, so a failed start can still stop it. */
  started: (node: ClusterNode) => void;
}

async function launchNode(options: LaunchNodeOptions): Promise<ClusterNode> {
  const { id, url, command, output } = options;
  const [executable, ...args] = command;
  const env = { ...options.env, PORT: new URL(url).port, NODE_ID: id };
  const child = spawnOwned(executable, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  const failed: { error?: Error } = {};
  child.once("error", (error) => (failed.error = error));
  const closed = new Promise<void>((resolve) => child.once("close", () => resolve()));
  child.once("exit", (code, signal) => options.onExit(signal ?? `code ${code}`));

  const tail: string[] = [];
  const onLine = (line: string) => {
    output(id, line);
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
  };
  forEachLine(child.stdout, onLine);
  forEachLine(child.stderr, onLine);

  const node: ClusterNode = {
    id,
    url,
    pid: child.pid ?? -1,
    get running() {
      return !failed.error && isRunning(child);
    },
    kill: (signal = "SIGTERM") => (failed.error ? Promise.resolve() : terminate(child, signal, NODE_STOP_TIMEOUT_MS)),
  };
  options.started(node);

  const deadline = Date.now() + options.readyTimeoutMs;
  for (;;) {
    if (failed.error) throw new Error(`${id} could not start ${executable}: ${failed.error.message}`);
    if (!isRunning(child)) {
      await closed;
      throw new Error(`${id} exited (${describeExit(child)}) before answering /healthz:\n${tail.join("\n")}`);
    }
    if (await answersHealthz(url)) return node;
    if (Date.now() > deadline) {
      throw new Error(`${id} did not answer ${url}/healthz within ${options.readyTimeoutMs} ms:\n${tail.join("\n")}`);
    }
    await delay(HEALTH_POLL_MS);
  }
}

async function answersHealthz(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

function describeExit(child: ChildProcess): string {
  return child.signalCode ?? `code ${child.exitCode}`;
}

function forEachLine(stream: Readable | null, onLine: (line: string) => void): void {
  if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on("line", onLine);
}
