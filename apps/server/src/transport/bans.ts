import type { Cancel, Clock } from "../core/clock";
import type { RedisClient } from "../store/redis-client";

/**
 * Bans an admin set: keys (an address's keyed hash, a device identity) refused
 * in the handshake until a time. In this process, or in Redis so that every
 * node of a cluster refuses them.
 */
export interface Bans {
  /** Refuse these keys for `ms` from now. */
  ban(keys: readonly string[], ms: number): Promise<void>;
  /** How long the last ban on any of `keys` still holds, in ms; null when none does. */
  remainingMs(keys: readonly string[]): Promise<number | null>;
}

/** What a ban is kept under: an address's key, or a device identity's id. */
export const banKey = {
  address: (addressKey: string) => `address:${addressKey}`,
  identity: (identityId: string) => `identity:${identityId}`,
} as const;

/** How long a handshake waits for Redis to say whether a ban holds (as the address budgets do). */
const REDIS_TIMEOUT_MS = 500;

/** At most this many bans are kept in memory; past it the soonest to end go first. */
const MAX_BANS = 10_000;

/** Bans in this process's memory: the embedded default. */
export function memoryBans(clock: Clock, max = MAX_BANS): Bans {
  const until = new Map<string, number>();
  return {
    ban(keys, ms) {
      const end = clock.now() + ms;
      for (const key of keys) until.set(key, Math.max(end, until.get(key) ?? 0));
      if (until.size > max) {
        const soonest = [...until].sort((a, b) => a[1] - b[1]).slice(0, until.size - max);
        for (const [key] of soonest) until.delete(key);
      }
      return Promise.resolve();
    },
    remainingMs(keys) {
      const now = clock.now();
      let last: number | null = null;
      for (const key of keys) {
        const end = until.get(key);
        if (end === undefined) continue;
        if (end <= now) until.delete(key);
        else last = Math.max(last ?? 0, end);
      }
      return Promise.resolve(last === null ? null : last - now);
    },
  };
}

/**
 * Bans in Redis (`<prefix>ban:<key>`, expiring with the ban), shared by the
 * cluster. While Redis does not answer (within half a second), nobody is
 * refused for a ban: an outage must not lock everyone out, nor hold their
 * handshakes.
 */
export function redisBans(client: RedisClient, prefix: string, clock: Clock): Bans {
  const key = (k: string) => `${prefix}ban:${k}`;
  return {
    async ban(keys, ms) {
      const end = String(clock.now() + ms);
      await Promise.all(keys.map((k) => client.set(key(k), end, { PX: Math.max(1, Math.round(ms)) })));
    },
    async remainingMs(keys) {
      if (keys.length === 0) return null;
      // A Redis that stalls (the connection open, no answer) must not hold every handshake: after a
      // short wait, nobody is refused for a ban.
      let giveUp: Cancel = () => undefined;
      const timeout = new Promise<null>(
        (resolve) => (giveUp = clock.setTimeout(() => resolve(null), REDIS_TIMEOUT_MS)),
      );
      const lookup = (async () => {
        const now = clock.now();
        const ends = (await client.mGet(keys.map(key))).flatMap((v) => (v == null ? [] : [Number(v)]));
        const live = ends.filter((end) => end > now);
        return live.length === 0 ? null : Math.max(...live) - now;
      })().catch(() => null);
      try {
        return await Promise.race([lookup, timeout]);
      } finally {
        giveUp();
      }
    },
  };
}
