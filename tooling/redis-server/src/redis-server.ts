import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import getPort from "get-port";
import { createClient } from "redis";
import { findExecutable, isRunning, spawnOwned, terminate } from "./owned-process";

/** Options for {@link startRedis}. */
export interface StartRedisOptions {
  /** The port to bind on 127.0.0.1. Default: a free port the OS picks. */
  port?: number;
  /** The redis-server executable. Default: `$REDIS_SERVER_BIN`, then `redis-server` on PATH. */
  bin?: string;
  /** Receives every line redis-server prints, e.g. for a launcher that prefixes child output. */
  onLog?: (line: string) => void;
  /** How long redis-server may take to say it is ready before the start fails. Default 10 s. */
  readyTimeoutMs?: number;
  /**
   * Keep the data across `restart()` and `kill()` with an append-only file
   * synced on every write, as production should. Default false: every
   * (re)start is empty.
   */
  persistent?: boolean;
}

/** A throwaway redis-server on 127.0.0.1 with its own temporary directory; persistent only when asked. */
export interface RedisServer {
  /** `redis://127.0.0.1:<port>`, the form `REDIS_URL` and node-redis take. */
  readonly url: string;
  readonly port: number;
  /** The current process id; null once stopped or killed. */
  readonly pid: number | null;
  /** Shut down gracefully, wait for the exit (the port is free afterwards) and remove the temporary directory. Idempotent. */
  stop(): Promise<void>;
  /** SIGKILL, as a crash would; `restart()` brings it back on the same port. */
  kill(): Promise<void>;
  /** Stop (if running) and start again on the same port, empty, and wait until it is ready. */
  restart(): Promise<void>;
  /** Delete every key, so one server can serve many tests. */
  flushAll(): Promise<void>;
}

/** redis-server is not installed, or `$REDIS_SERVER_BIN` / `bin` cannot be run. The message says what to install. */
export class RedisServerNotFoundError extends Error {
  constructor(bin: string, from: BinSource) {
    const problem =
      from === "path"
        ? "redis-server was not found on PATH."
        : `${bin} (from ${from === "env" ? "REDIS_SERVER_BIN" : "the bin option"}) is not an executable file.`;
    super(
      `${problem} Lobby's Redis tests and the local cluster start their own redis-server. Install it:\n` +
        "  - Debian/Ubuntu: sudo apt-get install -y redis-server\n" +
        "  - elsewhere: install Redis 6 or newer and set REDIS_SERVER_BIN=/path/to/redis-server",
    );
    this.name = "RedisServerNotFoundError";
  }
}

type BinSource = "option" | "env" | "path";

const DEFAULT_READY_TIMEOUT_MS = 10_000;
/** Temporary directories are named `lobby-redis-<owner pid>-<random>`. */
const DIR_PREFIX = "lobby-redis-";
/** Lines kept from redis-server's output for error messages. */
const TAIL_LINES = 30;
/** Attempts to find a port nobody grabbed between the OS offering it and redis-server binding it. */
const PORT_ATTEMPTS = 3;

/**
 * Start redis-server on 127.0.0.1 and resolve once it reports "Ready to accept connections".
 * Throws {@link RedisServerNotFoundError} when redis-server is not installed.
 */
export async function startRedis(options: StartRedisOptions = {}): Promise<RedisServer> {
  const [wanted, from] = resolveBin(options.bin);
  const bin = findExecutable(wanted);
  if (!bin) throw new RedisServerNotFoundError(wanted, from);
  const readyTimeoutMs = options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  await sweepStaleDirs();
  const dir = await mkdtemp(join(tmpdir(), `${DIR_PREFIX}${process.pid}-`));
  tempDirs.add(dir);
  cleanUpDirsOnExit();
  const persistent = options.persistent ?? false;
  const launchOn = (port: number) => launch({ bin, port, dir, readyTimeoutMs, onLog: options.onLog, persistent });

  let port = options.port ?? 0;
  let child: ChildProcess | null = null;
  try {
    for (let attempt = 1; child === null; attempt++) {
      const candidate = options.port ?? (await getPort({ host: "127.0.0.1" }));
      try {
        child = await launchOn(candidate);
        port = candidate;
      } catch (error) {
        const retry = options.port === undefined && error instanceof PortInUseError && attempt < PORT_ATTEMPTS;
        if (!retry) throw error;
      }
    }
  } catch (error) {
    await removeDir(dir);
    throw error;
  }

  let stopped = false;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return child && isRunning(child) ? (child.pid ?? null) : null;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (child) await terminate(child, "SIGTERM");
      child = null;
      await removeDir(dir);
    },
    async kill() {
      if (child) await terminate(child, "SIGKILL");
    },
    async restart() {
      if (stopped) throw new Error("restart() after stop(): start a new server instead");
      if (child) await terminate(child, "SIGTERM");
      child = null;
      child = await launchOn(port);
    },
    async flushAll() {
      const client = createClient({ url: `redis://127.0.0.1:${port}`, socket: { reconnectStrategy: false } });
      // connect() and flushAll() reject with the same error; without a listener node-redis would throw it again.
      client.on("error", () => undefined);
      await client.connect();
      try {
        await client.flushAll();
      } finally {
        client.destroy();
      }
    },
  };
}

function resolveBin(option: string | undefined): [string, BinSource] {
  if (option) return [option, "option"];
  const fromEnv = process.env.REDIS_SERVER_BIN;
  if (fromEnv) return [fromEnv, "env"];
  return ["redis-server", "path"];
}

class PortInUseError extends Error {}

interface LaunchOptions {
  bin: string;
  port: number;
  dir: string;
  readyTimeoutMs: number;
  onLog: ((line: string) => void) | undefined;
  persistent: boolean;
}

/** Spawn redis-server and wait for its ready line; fail with its last lines if it exits or stalls first. */
function launch({ bin, port, dir, readyTimeoutMs, onLog, persistent }: LaunchOptions): Promise<ChildProcess> {
  const durability = persistent ? ["--appendonly", "yes", "--appendfsync", "always"] : ["--appendonly", "no"];
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", ...durability, "--dir", dir];
  const child = spawnOwned(bin, args, { stdio: ["ignore", "pipe", "pipe"] });
  const tail: string[] = [];

  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        child.kill("SIGKILL");
        reject(error);
      } else {
        resolve(child);
      }
    };
    const timer = setTimeout(() => {
      settle(new Error(`redis-server did not report ready within ${readyTimeoutMs} ms:\n${tail.join("\n")}`));
    }, readyTimeoutMs);

    const onLine = (line: string) => {
      onLog?.(line);
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
      if (line.includes("Ready to accept connections")) settle(null);
    };
    forEachLine(child.stdout, onLine);
    forEachLine(child.stderr, onLine);

    child.once("error", settle);
    // "close", not "exit": the last lines (the reason) may still be in the pipe when it exits.
    child.once("close", (code, signal) => {
      const log = tail.join("\n");
      const message = `redis-server exited (${signal ?? `code ${code}`}) before it was ready:\n${log}`;
      settle(/address already in use/i.test(log) ? new PortInUseError(message) : new Error(message));
    });
  });
}

function forEachLine(stream: Readable | null, onLine: (line: string) => void): void {
  if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on("line", onLine);
}

async function removeDir(dir: string): Promise<void> {
  tempDirs.delete(dir);
  await rm(dir, { recursive: true, force: true });
}

const tempDirs = new Set<string>();
let dirHookInstalled = false;

/** A test that throws or calls process.exit() never reaches stop(); its directories go at exit instead. */
function cleanUpDirsOnExit(): void {
  if (dirHookInstalled) return;
  dirHookInstalled = true;
  process.once("exit", () => {
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });
}

let swept = false;

/**
 * A process that was SIGKILLed (as Vitest does to a worker that ignores SIGTERM) never ran its exit
 * handler; the next start removes the directories whose owner is gone.
 */
async function sweepStaleDirs(): Promise<void> {
  if (swept) return;
  swept = true;
  const names = await readdir(tmpdir()).catch(() => []);
  for (const name of names) {
    const owner = Number(/^lobby-redis-(\d+)-/.exec(name)?.[1]);
    if (owner && owner !== process.pid && !processExists(owner)) {
      await rm(join(tmpdir(), name), { recursive: true, force: true });
    }
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
