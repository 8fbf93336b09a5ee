import type { Cancel, Clock } from "./clock";

/**
 * Named one-shot timers on an injected clock. `ensure` is idempotent for the
 * same due time, so callers can reconcile timers from state after every
 * change instead of tracking them by hand.
 */
export class Timers {
  private readonly timers = new Map<string, { dueAt: number; cancel: Cancel }>();

  constructor(private readonly clock: Clock) {}

  ensure(key: string, dueAt: number, fn: () => void): void {
    const existing = this.timers.get(key);
    if (existing?.dueAt === dueAt) return;
    existing?.cancel();
    const cancel = this.clock.setTimeout(
      () => {
        this.timers.delete(key);
        fn();
      },
      Math.max(0, dueAt - this.clock.now()),
    );
    this.timers.set(key, { dueAt, cancel });
  }

  has(key: string): boolean {
    return this.timers.has(key);
  }

  clear(key: string): void {
    this.timers.get(key)?.cancel();
    this.timers.delete(key);
  }

  clearAll(): void {
    for (const key of [...this.timers.keys()]) this.clear(key);
  }
}
