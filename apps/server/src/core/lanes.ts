import type { Clock } from "./clock";

/** With a concurrency of 1, the one lane every operation shares. */
const ONE_LANE: readonly string[] = [""];

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
    const keys = this.concurrency <= 1 ? ONE_LANE : lanes;
    const id = this.nextId++;
    this.waiting.set(id, this.clock.now());
    const before: Promise<void>[] = [];
    for (const key of keys) {
      const tail = this.tails.get(key);
      if (tail) before.push(tail);
    }
    // One async function, not a chain of callbacks: every operation runs through here. It starts no
    // sooner than the next microtask even with nothing to wait for, so never inside `run`.
    const result = (async () => {
      await (before.length > 1 ? Promise.all(before) : before[0]);
      const slot = this.slot();
      if (slot) await slot;
      this.waiting.delete(id);
      try {
        return await operation();
      } finally {
        this.release();
      }
    })();
    const done = () => {
      this.inFlight.delete(tail);
      for (const key of keys) if (this.tails.get(key) === tail) this.tails.delete(key);
    };
    const tail: Promise<void> = result.then(done, done);
    for (const key of keys) this.tails.set(key, tail);
    this.inFlight.add(tail);
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
