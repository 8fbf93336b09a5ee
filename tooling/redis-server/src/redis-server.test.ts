import { createServer } from "node:net";
import { createClient } from "redis";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RedisServerNotFoundError, startRedis, type RedisServer } from "./index";

const started: RedisServer[] = [];

async function start(options: Parameters<typeof startRedis>[0] = {}): Promise<RedisServer> {
  const redis = await startRedis(options);
  started.push(redis);
  return redis;
}

afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(started.splice(0).map((redis) => redis.stop()));
});

/** A client that gives up instead of reconnecting, so a dead server fails the call at once. */
const newClient = (url: string) => createClient({ url, socket: { reconnectStrategy: false } });

async function withClient<T>(url: string, use: (client: ReturnType<typeof newClient>) => Promise<T>): Promise<T> {
  const client = newClient(url);
  client.on("error", () => undefined);
  await client.connect();
  try {
    return await use(client);
  } finally {
    client.destroy();
  }
}

const ping = (url: string) => withClient(url, (client) => client.ping());

/** Resolves true when nothing listens on the port any more. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

describe("startRedis", () => {
  it("starts redis-server on a loopback port that answers PING", async () => {
    const redis = await start();
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    expect(redis.pid).toBeTypeOf("number");
    expect(await ping(redis.url)).toBe("PONG");
  });

  it("restarts on the same port, answering again and empty (nothing is persisted)", async () => {
    const redis = await start();
    await withClient(redis.url, (client) => client.set("survives", "no"));
    const pidBefore = redis.pid;

    await redis.restart();

    expect(redis.pid).not.toBe(pidBefore);
    expect(await ping(redis.url)).toBe("PONG");
    expect(await withClient(redis.url, (client) => client.get("survives"))).toBeNull();
  });

  it("keeps its data across a restart and a crash when persistent", async () => {
    const redis = await start({ persistent: true });
    await withClient(redis.url, (client) => client.set("kept", "yes"));
    await redis.restart();
    expect(await withClient(redis.url, (client) => client.get("kept"))).toBe("yes");
    await withClient(redis.url, (client) => client.set("after", "crash"));
    await redis.kill();
    await redis.restart();
    expect(await withClient(redis.url, (client) => client.mGet(["kept", "after"]))).toEqual(["yes", "crash"]);
  });

  it("comes back with restart() after kill()", async () => {
    const redis = await start();
    await redis.kill();
    expect(redis.pid).toBeNull();
    await expect(ping(redis.url)).rejects.toThrow();

    await redis.restart();
    expect(await ping(redis.url)).toBe("PONG");
  });

  it("frees the port on stop()", async () => {
    const redis = await start();
    await redis.stop();
    expect(redis.pid).toBeNull();
    expect(await portIsFree(redis.port)).toBe(true);
    await redis.stop();
  });

  it("gives two instances different ports", async () => {
    const [a, b] = await Promise.all([start(), start()]);
    expect(a.port).not.toBe(b.port);
    expect(await Promise.all([ping(a.url), ping(b.url)])).toEqual(["PONG", "PONG"]);
  });

  it("empties every key with flushAll()", async () => {
    const redis = await start();
    await withClient(redis.url, (client) => client.mSet({ a: "1", b: "2" }));
    await redis.flushAll();
    expect(await withClient(redis.url, (client) => client.dbSize())).toBe(0);
  });

  it("says what to install when redis-server cannot be found", async () => {
    const error: unknown = await startRedis({ bin: "/nonexistent/redis-server" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisServerNotFoundError);
    expect((error as Error).message).toContain("sudo apt-get install -y redis-server");
    expect((error as Error).message).toContain("REDIS_SERVER_BIN");
  });

  it("names REDIS_SERVER_BIN when that is what cannot be run", async () => {
    vi.stubEnv("REDIS_SERVER_BIN", "/nonexistent/redis-server");
    await expect(startRedis()).rejects.toThrow(
      "/nonexistent/redis-server (from REDIS_SERVER_BIN) is not an executable file",
    );
  });
});
