import type { ClientEventName } from "@lobby/contracts";
import type { Clock } from "../core/clock";
import { TokenBucket } from "../core/token-bucket";
import type { AddressAbuse } from "./address-abuse";

/** Per-connection budgets by event class: a burst, and the time to earn one event back. */
export const EVENT_LIMITS = {
  move: { burst: 30, refillMs: 40 },
  action: { burst: 10, refillMs: 250 },
  chat: { burst: 10, refillMs: 1000 },
  ping: { burst: 5, refillMs: 1000 },
} as const;

type EventClass = keyof typeof EVENT_LIMITS;

const CLASS_OF: Record<ClientEventName, EventClass> = {
  "game:move": "move",
  "chat:send": "chat",
  "session:ping": "ping",
  "queue:join": "action",
  "queue:leave": "action",
  "room:create": "action",
  "room:join": "action",
  "room:watch": "action",
  "room:sync": "action",
  "room:leave": "action",
  "room:ready": "action",
  "room:start": "action",
  "room:settings": "action",
  "room:kick": "action",
  "party:create": "action",
  "party:join": "action",
  "party:leave": "action",
  "party:kick": "action",
  "rooms:subscribe": "action",
  "rooms:unsubscribe": "action",
  "game:rematch": "action",
  "profile:get": "action",
  "leaderboard:get": "action",
};

/** Refusals (rate-limited, malformed or unknown events) a connection may rack up before it is closed. */
const ABUSE_LIMIT = { burst: 60, refillMs: 250 };

/** Token buckets for one connection, plus a meter of refusals that closes the connection on persistent abuse. */
export interface EdgeLimits {
  allow(event: ClientEventName): boolean;
  refused(): boolean;
}

/** No limits at all: for load tests and fuzzing against a trusted client. */
export const unlimited: EdgeLimits = { allow: () => true, refused: () => true };

export class ConnectionLimits implements EdgeLimits {
  private readonly buckets: Record<EventClass, TokenBucket>;
  private readonly abuse: TokenBucket;

  /** `address`: the meter of the connection's address and its key, counted alongside the connection's own. */
  constructor(
    clock: Clock,
    private readonly address?: { abuse: AddressAbuse; key: string },
  ) {
    this.buckets = {
      move: new TokenBucket(clock, EVENT_LIMITS.move.burst, EVENT_LIMITS.move.refillMs),
      action: new TokenBucket(clock, EVENT_LIMITS.action.burst, EVENT_LIMITS.action.refillMs),
      chat: new TokenBucket(clock, EVENT_LIMITS.chat.burst, EVENT_LIMITS.chat.refillMs),
      ping: new TokenBucket(clock, EVENT_LIMITS.ping.burst, EVENT_LIMITS.ping.refillMs),
    };
    this.abuse = new TokenBucket(clock, ABUSE_LIMIT.burst, ABUSE_LIMIT.refillMs);
  }

  /** Take a token for `event`; false if its class is over budget. */
  allow(event: ClientEventName): boolean {
    return this.buckets[CLASS_OF[event]].take();
  }

  /** Count one refusal; false once the connection (or its address) has been refused too often to keep. */
  refused(): boolean {
    const connection = this.abuse.take();
    const address = this.address ? this.address.abuse.refused(this.address.key) : true;
    return connection && address;
  }
}
