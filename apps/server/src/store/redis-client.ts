import { createClient } from "redis";

/**
 * A node-redis client with the default modules and protocol, and no
 * per-command timeout: while Redis is unreachable, commands wait for the
 * reconnection instead of failing halfway through a transaction (the lobby
 * sheds new work meanwhile; see `Lobby.busy`). node-redis arms an
 * AbortSignal timer for every command otherwise, which cost a node about
 * 8 % of its CPU under load.
 */
export function redisClient(url: string, options: { disableOfflineQueue?: boolean } = {}) {
  const client = createClient({ url, commandOptions: { timeout: 0 }, ...options });
  // node-redis reconnects by itself; an error event without a listener would crash the process.
  client.on("error", () => undefined);
  return client;
}
export type RedisClient = ReturnType<typeof redisClient>;

/** Names Redis keys under a prefix: `key("player", id)` is `<prefix>player:<id>`. */
export type RedisKeys = (...parts: string[]) => string;

/** The lobby's key names under `prefix` (see `RedisStore` for what each key holds). */
export function redisKeys(prefix: string): RedisKeys {
  return (...parts) => prefix + parts.join(":");
}
