import type { Clock } from "../core/clock";

/** Refusals one address may rack up at once, over all its connections and identities… */
const BURST = 300;
/** …and the time to earn one back (10 a second). */
const REFILL_MS = 100;
/** Once dry, an address stays shut out this long (it may not trickle back in at the refill rate). */
const SHUT_OUT_MS = 5000;
/** Past this many tracked addresses, the ones whose meter is full again are forgotten. */
const SWEEP_AT = 10_000;

/**
 * A meter of refusals (rate-limited, malformed, unknown or ack-less events)
 * per address, on this node. Each connection has its own meter and is
 * closed when it runs dry; this one spans every connection and identity of
 * an address, so closing a connection and coming back — with a new session
 * or by resuming an old one — buys no fresh allowance. While an address's
 * meter runs dry, the address is shut out for `SHUT_OUT_MS`: its refusals
 * close the connection at once and its handshakes are refused (`RATE_LIMITED`).
 */
export class AddressAbuse {
  private readonly meters = new Map<string, { tokens: number; at: number; shutUntil: number }>();
  private sweptAt = 0;

  constructor(private readonly clock: Clock) {}

  /** Count one refusal; false once the address has been refused too often to keep its connections. */
  refused(addressKey: string): boolean {
    const now = this.clock.now();
    const meter = this.meters.get(addressKey) ?? { tokens: BURST, at: now, shutUntil: 0 };
    const tokens = Math.min(BURST, meter.tokens + (now - meter.at) / REFILL_MS);
    const allowed = tokens >= 1 && now >= meter.shutUntil;
    const shutUntil = tokens < 1 ? now + SHUT_OUT_MS : meter.shutUntil;
    this.meters.set(addressKey, { tokens: allowed ? tokens - 1 : tokens, at: now, shutUntil });
    // At most once a second, however many addresses are being refused at once.
    if (this.meters.size > SWEEP_AT && now - this.sweptAt >= 1000) this.sweep(now);
    return allowed;
  }

  /** Whether the address is shut out (its handshakes are then refused). */
  exhausted(addressKey: string): boolean {
    const meter = this.meters.get(addressKey);
    return meter !== undefined && this.clock.now() < meter.shutUntil;
  }

  private sweep(now: number) {
    this.sweptAt = now;
    for (const [key, meter] of this.meters) {
      if (now >= meter.shutUntil && meter.tokens + (now - meter.at) / REFILL_MS >= BURST) this.meters.delete(key);
    }
  }
}
