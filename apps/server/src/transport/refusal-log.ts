import type { Cancel, Clock } from "../core/clock";
import type { Logger } from "../core/logger";

/** How often refusals are summed up in the log. */
export const REFUSAL_LOG_INTERVAL_MS = 10_000;
/** Addresses tracked per interval; past this, the rest are counted together. */
const MAX_ADDRESSES = 1000;
/** Addresses named in a summary line. */
const TOP_ADDRESSES = 5;

/**
 * Refused handshakes and events, logged as one summary line per interval
 * (counts per reason, and the addresses — as their keyed hashes — that
 * caused the most), never one line per refusal: a flood of junk must not
 * become a flood of log. Memory is bounded by the reasons (a fixed set) and
 * `MAX_ADDRESSES`.
 */
export class RefusalLog {
  private byReason = new Map<string, number>();
  private byAddress = new Map<string, number>();
  private otherAddresses = 0;
  private pending: Cancel | null = null;
  private closed = false;

  constructor(
    private readonly logger: Logger,
    private readonly clock: Clock,
    private readonly intervalMs = REFUSAL_LOG_INTERVAL_MS,
  ) {}

  /** Count one refusal for `reason` (an error code, or what was dropped) from `addressKey`. */
  note(reason: string, addressKey: string): void {
    this.byReason.set(reason, (this.byReason.get(reason) ?? 0) + 1);
    const known = this.byAddress.get(addressKey);
    if (known !== undefined) this.byAddress.set(addressKey, known + 1);
    else if (this.byAddress.size < MAX_ADDRESSES) this.byAddress.set(addressKey, 1);
    else this.otherAddresses++;
    if (!this.pending && !this.closed) this.pending = this.clock.setTimeout(() => this.flush(), this.intervalMs);
  }

  /** Write the summary of everything counted since the last one (nothing when nothing was refused). */
  flush(): void {
    this.pending?.();
    this.pending = null;
    if (this.byReason.size === 0) return;
    const top = [...this.byAddress].sort((a, b) => b[1] - a[1]).slice(0, TOP_ADDRESSES);
    this.logger.warn("refused", {
      intervalMs: this.intervalMs,
      total: [...this.byReason.values()].reduce((a, b) => a + b, 0),
      reasons: Object.fromEntries(this.byReason),
      addresses: this.byAddress.size + (this.otherAddresses > 0 ? 1 : 0),
      top: Object.fromEntries(top),
    });
    this.byReason = new Map();
    this.byAddress = new Map();
    this.otherAddresses = 0;
  }

  /** Write what is left and stop. */
  close(): void {
    this.closed = true;
    this.flush();
  }
}
