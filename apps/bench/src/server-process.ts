import type { ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import getPort from "get-port";
import { SERVER_ROOT, type Programs } from "./compile";
import { spawnPinned } from "./pinning";

/** Which server a run is against: one Lobby process, the bare baseline, or `--cluster N` Lobby nodes over Redis. */
export type ServerKind = "lobby" | "baseline" | "cluster";

/** `GET /debug/stats` as Lobby (and the baseline) answer it. */
export interface ServerStats {
  memory: { rssBytes: number; heapUsedBytes: number; collected: boolean };
  cpu: { userMicros: number; systemMicros: number };
  /** Garbage-collection pauses of the main thread since the server started (absent from a server older than this field). */
  gc?: { pauses: number; pauseMs: number };
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  /** Lobby's settings a run must know (absent from the baseline, and from a Lobby older than this field). */
  settings?: { reconnectGraceMs: number; nodeId: string };
  /**
   * Only for a cluster (see `cluster-process.ts`): the figures above are then
   * summed over the nodes and redis-server (CPU, memory) or the worst node's
   * (event-loop delay); this keeps redis-server's own share.
   */
  cluster?: {
    nodes: number;
    redisCpuMicros: number | null;
    redisRssBytes: number | null;
    /** Commands redis-server has run so far (`INFO commandstats`), null when it did not answer. */
    redisCommands?: number | null;
  };
  /** Only when asked for with `lobby: true`: Lobby scans its whole store for these. */
  lobby?: {
    players: number;
    away: number;
    rooms: Record<string, number>;
    queues: Record<string, number>;
    violations: number;
    firstViolations: string[];
  };
}

/** A server the bench talks to: one it started, or a `--target`. */
export interface ServerHandle {
  kind: ServerKind;
  /** The server's address (a cluster's first node). */
  url: string;
  /** Where bots connect: bot i to `urls[i mod urls.length]` (one entry but for a cluster, one per node). */
  urls: string[];
  /** True when this process started it (and must stop it). */
  managed: boolean;
  /** The server's process ids when it runs on this machine (a cluster: every node and redis-server); empty for a target. */
  pids: number[];
  /** The stats endpoint, or null when it is off or unreachable. */
  stats(query?: StatsQuery): Promise<ServerStats | null>;
  /** The last lines the server printed, for error reports. */
  logTail(): string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;
/** A server that cannot answer its stats endpoint this fast is stalled; the window is reported without server figures. */
export const STATS_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 12_000;

/** `reset` restarts the event-loop histogram, `gc` collects first, `lobby` adds the (costly) scan of the lobby's state. */
export interface StatsQuery {
  reset?: boolean;
  gc?: boolean;
  lobby?: boolean;
}

export async function fetchStats(url: string, query: StatsQuery): Promise<ServerStats | null> {
  const params = [query.reset ? "reset=1" : "", query.gc ? "gc=1" : "", query.lobby ? "lobby=1" : ""]
    .filter(Boolean)
    .join("&");
  try {
    const response = await fetch(`${url}/debug/stats${params ? `?${params}` : ""}`, {
      signal: AbortSignal.timeout(STATS_TIMEOUT_MS),
    });
    return response.ok ? ((await response.json()) as ServerStats) : null;
  } catch {
    return null;
  }
}

/** A running server the bench did not start. */
export function attachServer(kind: ServerKind, url: string): ServerHandle {
  const base = url.replace(/\/+$/, "");
  return {
    kind,
    url: base,
    urls: [base],
    managed: false,
    pids: [],
    stats: (query = {}) => fetchStats(base, query),
    logTail: () => "",
    stop: () => Promise.resolve(),
  };
}

export interface StartOptions {
  /** A scenario's settings over the bench's; null leaves the variable unset (the server's own default). */
  env: ServerEnv;
  cpus: string | null;
  programs: Programs;
  /** `--cpu-prof`: Lobby processes write a V8 CPU profile here; null = off. */
  cpuProfDir?: string | null;
  /** `--node-flags`: more flags for node, for every server process (Lobby's and the baseline's). */
  nodeFlags?: readonly string[];
}

/** Environment a scenario asks for: a value, or null to leave the variable unset so the server's default applies. */
export type ServerEnv = Record<string, string | null>;

/**
 * What the bench turns off unless a scenario asks otherwise: the bots all come
 * from one address and send as fast as the scenario says, which limits meant
 * for the open internet would refuse (the abuse scenario turns them on).
 */
export const BENCH_DEFAULTS: Readonly<Record<string, string>> = {
  RATE_LIMITS: "off",
  MAX_CONNECTIONS_PER_ADDRESS: "0",
};

/**
 * A server's environment: the bench's own, then the bench's defaults, then the
 * scenario's settings (null deletes), then `fixed` (where it listens and what it
 * serves), which nothing overrides.
 */
export function serverEnv(
  base: NodeJS.ProcessEnv,
  scenario: ServerEnv,
  fixed: Record<string, string>,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, ...BENCH_DEFAULTS };
  for (const [name, value] of Object.entries(scenario)) {
    if (value === null) delete env[name];
    else env[name] = value;
  }
  return { ...env, ...fixed };
}

/** Start a server on a free loopback port and wait until it answers `/healthz`. */
export async function startServer(kind: "lobby" | "baseline", options: StartOptions): Promise<ServerHandle> {
  const program = kind === "lobby" ? options.programs.lobby : options.programs.baseline;
  return spawnServer(kind, kind, program, options, await getPort({ host: "127.0.0.1" }));
}

/**
 * Start one server process (`program` on plain node, pinned to `options.cpus`)
 * on `port` with the bench's settings over `options.env`; resolves once it
 * answers `/healthz`. `name` labels its errors (e.g. "cluster node-2").
 */
export async function spawnServer(
  kind: ServerKind,
  name: string,
  program: readonly string[],
  options: StartOptions,
  port: number,
): Promise<ServerHandle> {
  const url = `http://127.0.0.1:${port}`;
  const env = serverEnv(process.env, options.env, {
    PORT: String(port),
    HOST: "127.0.0.1",
    STATS_ENDPOINT: "on",
    WEB_DIST: "",
  });
  const profile =
    kind !== "baseline" && options.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${resolve(options.cpuProfDir)}`] : [];
  const child = spawnPinned(
    options.cpus,
    process.execPath,
    ["--expose-gc", ...(options.nodeFlags ?? []), ...profile, ...program],
    {
      cwd: SERVER_ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (tail.length > 60) tail.splice(0, tail.length - 60);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} server exited with ${child.exitCode}:\n${tail.join("\n")}`);
    try {
      if ((await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) })).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${name} server did not answer /healthz within ${READY_TIMEOUT_MS} ms:\n${tail.join("\n")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    kind,
    url,
    urls: [url],
    managed: true,
    pids: child.pid === undefined ? [] : [child.pid],
    stats: (query = {}) => fetchStats(url, query),
    logTail: () => tail.join("\n"),
    stop: () => stopChild(child, exited),
  };
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
