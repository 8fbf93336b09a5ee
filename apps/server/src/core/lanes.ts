import type { Clock } from "./clock";

const ignore = () => undefined;

/**
 * Runs asynchronous operations in named lanes. Operations that share a lane
 * run one after another in the order they were queued; operations with no
 * lane in common run side by side, at most `concurrency` at a time (the
 * rest wait for a slot in the order they became ready). An operation may
 * name several lanes: it waits for each, and the next operation of each
 * waits for it. With a concurrency of 1 every operation shares one lane, so
 * everything runs strictly in the order it was queued.
 */
export class Lanes {
  private readonly tails = new Map<string, Promise<void>>();
  /** When each operation that has not started yet was queued, oldest first. */
  private readonly waiting = new Map<number, number>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly slotWaiters: (() => void)[] = [];
  private active = 0;
  private nextId = 0;

  constructor(
    private readonly clock: Clock,
    readonly concurrency: number,
  ) {}

  run<T>(lanes: readonly string[], operation: () => Promise<T>): Promise<T> {
    const keys = this.concurrency <= 1 ? [""] : lanes;
    const id = this.nextId++;
    this.waiting.set(id, this.clock.now());
    const before: Promise<void>[] = [];
    for (const key of keys) {
      const tail = this.tails.get(key);
      if (tail) before.push(tail);
    }
    const ready = before.length === 0 ? Promise.resolve() : before.length === 1 ? before[0] : Promise.all(before);
    const result = (ready as Promise<unknown>)
      .then(() => this.slot())
      .then(async () => {
        this.waiting.delete(id);
        try {
          return await operation();
        } finally {
          this.release();
        }
      });
    const tail = result.then(ignore, ignore);
    for (const key of keys) this.tails.set(key, tail);
    this.inFlight.add(tail);
    void tail.then(() => {
      this.inFlight.delete(tail);
      for (const key of keys) if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** When the longest-waiting operation that has not started was queued; undefined when none waits. */
  oldestWaiting(): number | undefined {
    return this.waiting.values().next().value;
  }

  /** Resolves once every operation queued so far has finished (whether it succeeded or not). */
  async idle(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  private slot(): Promise<void> | void {
    if (this.active < this.concurrency) {
      this.active++;
      return;
    }
    // The slot passes straight from the operation that releases it.
    return new Promise<void>((resolve) => this.slotWaiters.push(resolve));
  }

  private release(): void {
    const next = this.slotWaiters.shift();
    if (next) next();
    else this.active--;
  }
}
