import type { Clock } from "./clock";

/**
 * Classic token bucket: `capacity` tokens, refilled continuously at one
 * token per `refillMs`. Used for per-player send limits.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly clock: Clock,
    private readonly capacity: number,
    private readonly refillMs: number,
  ) {
    this.tokens = capacity;
    this.updatedAt = clock.now();
  }

  /** Take one token; false if none is left. */
  take(): boolean {
    const now = this.clock.now();
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.updatedAt) / this.refillMs);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
