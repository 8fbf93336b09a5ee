import type { Cancel, Clock } from "../core/clock";
import type { Logger } from "../core/logger";

/** Connections one address may have logged at once… */
const BURST = 20;
/** …and the time to earn one back (20 a minute). */
const REFILL_MS = 3000;
/** How often the connections not logged one by one are summed up. */
export const CONNECTION_SUMMARY_INTERVAL_MS = 10_000;
/** Past this many tracked addresses, those whose allowance is full again are forgotten. */
const SWEEP_AT = 10_000;
/** Addresses counted apart in a summary; past this, the rest are counted together. */
const MAX_SUMMED_ADDRESSES = 1000;

/** What to call when a connection closes, with Socket.IO's reason ("transport close", "ping timeout", …). */
export type Closed = (reason: string) => void;

/**
 * Who connects to this node and who leaves: an `info` line for each,
 * "player connected" (with `resumed`) and "player disconnected" (with the
 * reason), carrying the player's id — the logger adds the node — and never a
 * name, a token or an address.
 *
 * Accepted connections are few per address (the connection cap, the budget
 * for new sessions), but resuming a session by token is not limited, so an
 * address that connects and leaves in a loop would write a line per try.
 * Each address may therefore have `BURST` connections logged at once and one
 * more every `REFILL_MS`; past that its connections are only counted, and
 * summed up in one line per interval. A disconnect is logged exactly when its
 * connect was. Memory is bounded: addresses whose allowance is full again are
 * forgotten once `SWEEP_AT` are tracked.
 */
export class ConnectionLog {
  private readonly allowance = new Map<string, { tokens: number; at: number }>();
  private sweptAt = 0;
  private held = { connected: 0, disconnected: 0 };
  private heldAddresses = new Set<string>();
  private otherAddresses = false;
  private pending: Cancel | null = null;
  private closed = false;

  constructor(
    private readonly logger: Logger,
    private readonly clock: Clock,
    private readonly intervalMs = CONNECTION_SUMMARY_INTERVAL_MS,
  ) {}

  /** A connection's session is ready: log it (or count it); call what this returns when it closes. */
  connected(addressKey: string, playerId: string, resumed: boolean): Closed {
    if (this.take(addressKey)) {
      this.logger.info("player connected", { playerId, resumed });
      return (reason) => this.logger.info("player disconnected", { playerId, reason });
    }
    this.hold("connected", addressKey);
    return () => this.hold("disconnected", addressKey);
  }

  /** Write the summary of the connections held back since the last one (nothing when none were). */
  flush(): void {
    this.pending?.();
    this.pending = null;
    if (this.held.connected + this.held.disconnected === 0) return;
    this.logger.info("connections not logged one by one", {
      intervalMs: this.intervalMs,
      ...this.held,
      addresses: this.heldAddresses.size + (this.otherAddresses ? 1 : 0),
    });
    this.held = { connected: 0, disconnected: 0 };
    this.heldAddresses = new Set();
    this.otherAddresses = false;
  }

  /** Write what is left and stop. */
  close(): void {
    this.closed = true;
    this.flush();
  }

  private take(addressKey: string): boolean {
    const now = this.clock.now();
    const meter = this.allowance.get(addressKey) ?? { tokens: BURST, at: now };
    const tokens = Math.min(BURST, meter.tokens + (now - meter.at) / REFILL_MS);
    const allowed = tokens >= 1;
    this.allowance.set(addressKey, { tokens: allowed ? tokens - 1 : tokens, at: now });
    // At most once a second, however many addresses come and go.
    if (this.allowance.size > SWEEP_AT && now - this.sweptAt >= 1000) this.sweep(now);
    return allowed;
  }

  private hold(kind: "connected" | "disconnected", addressKey: string) {
    this.held[kind]++;
    if (this.heldAddresses.size < MAX_SUMMED_ADDRESSES) this.heldAddresses.add(addressKey);
    else if (!this.heldAddresses.has(addressKey)) this.otherAddresses = true;
    if (!this.pending && !this.closed) this.pending = this.clock.setTimeout(() => this.flush(), this.intervalMs);
  }

  private sweep(now: number) {
    this.sweptAt = now;
    for (const [key, meter] of this.allowance) {
      if (meter.tokens + (now - meter.at) / REFILL_MS >= BURST) this.allowance.delete(key);
    }
  }
}
