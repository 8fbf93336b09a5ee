import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  RLWrapperTimeouts,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import type { RedisClient } from "../store/redis-client";

/**
 * What one address may do per minute, whatever identities it goes by:
 * start new sessions, create rooms, try invite codes that lead nowhere, and
 * chat in the lobby. A client can mint a new player at every connection, so
 * per-player and per-connection limits alone reset with each one; these do
 * not. 0 means no limit.
 */
export interface AddressLimits {
  sessionsPerMinute: number;
  roomsPerMinute: number;
  codeMissesPerMinute: number;
  lobbyChatPerMinute: number;
}

export type BudgetKind = "session" | "room" | "codeMiss" | "lobbyChat";

/** Per-address budgets, spent at the edge (never inside a store transaction, which may run twice). */
export interface AddressBudgets {
  /** Spend one of the address's `kind` budget; false when it is spent for now. */
  take(kind: BudgetKind, addressKey: string): Promise<boolean>;
  /** Give one back (an invite code that led to its room was no guess). */
  refund(kind: BudgetKind, addressKey: string): Promise<void>;
}

export const unlimitedBudgets: AddressBudgets = {
  take: () => Promise.resolve(true),
  refund: () => Promise.resolve(),
};

const PER_MINUTE: Record<BudgetKind, keyof AddressLimits> = {
  session: "sessionsPerMinute",
  room: "roomsPerMinute",
  codeMiss: "codeMissesPerMinute",
  lobbyChat: "lobbyChatPerMinute",
};

/** How long a node waits for Redis before it judges by its own counts alone. */
const REDIS_TIMEOUT_MS = 500;

/**
 * Budgets kept by `rate-limiter-flexible`: in this process, or with `redis`
 * in Redis, so every node of a cluster spends from the same budget and
 * another node is no way around it. An address whose budget is spent is
 * then refused by each node from memory until its window ends, without a
 * round trip; while Redis is unreachable or slow, each node keeps its own
 * counts (the same limits, per node) rather than refusing or waiting.
 */
export function addressBudgets(limits: AddressLimits, redis?: { client: RedisClient; prefix: string }): AddressBudgets {
  const limiters = new Map<BudgetKind, RateLimiterAbstract | RLWrapperTimeouts>();
  for (const kind of Object.keys(PER_MINUTE) as BudgetKind[]) {
    const points = limits[PER_MINUTE[kind]];
    if (points <= 0) continue;
    const options = { points, duration: 60, keyPrefix: `${redis?.prefix ?? ""}budget:${kind}` };
    const memory = new RateLimiterMemory(options);
    if (!redis) {
      limiters.set(kind, memory);
      continue;
    }
    const shared = new RateLimiterRedis({
      ...options,
      storeClient: redis.client,
      useRedisPackage: true,
      rejectIfRedisNotReady: true,
      inMemoryBlockOnConsumed: points,
    });
    limiters.set(
      kind,
      new RLWrapperTimeouts({ limiter: shared, timeoutMs: REDIS_TIMEOUT_MS, insuranceLimiter: memory }),
    );
  }
  return {
    async take(kind, addressKey) {
      const limiter = limiters.get(kind);
      if (!limiter) return true;
      try {
        await limiter.consume(addressKey);
        return true;
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes) return false;
        // Neither Redis nor the insurance could answer: let the player in rather than lock everyone out.
        return true;
      }
    },
    async refund(kind, addressKey) {
      await limiters
        .get(kind)
        ?.reward(addressKey)
        .catch(() => undefined);
    },
  };
}
