import { startRedis, type RedisServer } from "@lobby/redis-server";
import { afterAll, beforeAll } from "vitest";
import { MemoryStore } from "../../src/store/memory-store";
import { RedisStore } from "../../src/store/redis-store";
import type { LobbyStore } from "../../src/lobby/store";

/** A way to make lobby stores for a test suite that runs against every kind of store. */
export interface StoreKind {
  name: "memory" | "redis";
  /** A fresh, empty store. */
  create(): Promise<LobbyStore>;
  /**
   * `count` stores over the same state, as `count` server processes would
   * have. The memory store has one process by nature, so it hands out the
   * same store, with its transactions run one at a time as its lobby would.
   */
  nodes(count: number): Promise<LobbyStore[]>;
}

let prefixes = 0;

/**
 * The store kinds for `describe.each`: the in-memory store, and a Redis
 * store on a redis-server this suite starts on a free port (and stops).
 * Each `create()` gets its own key prefix, so tests never see each other's data.
 */
export function storeKinds(): StoreKind[] {
  let redis: RedisServer | null = null;
  const open: LobbyStore[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
    await redis?.stop();
  });
  const redisStores = async (count: number) => {
    if (!redis) throw new Error("redis-server did not start");
    const prefix = `test${++prefixes}:`;
    const url = redis.url;
    const stores = await Promise.all(Array.from({ length: count }, () => RedisStore.connect(url, prefix)));
    open.push(...stores);
    return stores;
  };
  return [
    {
      name: "memory",
      create: () => Promise.resolve(new MemoryStore()),
      nodes: (count) => {
        const store = serialized(new MemoryStore());
        return Promise.resolve(Array.from({ length: count }, () => store));
      },
    },
    {
      name: "redis",
      create: async () => (await redisStores(1))[0] as LobbyStore,
      nodes: redisStores,
    },
  ];
}

/** A memory store whose transactions queue up instead of overlapping. */
function serialized(store: MemoryStore): LobbyStore {
  let tail: Promise<unknown> = Promise.resolve();
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== "transaction") return Reflect.get(target, property, receiver) as unknown;
      return <T>(work: Parameters<LobbyStore["transaction"]>[0]) => {
        const result = tail.then(() => target.transaction(work)) as Promise<T>;
        tail = result.catch(() => undefined);
        return result;
      };
    },
  });
}
