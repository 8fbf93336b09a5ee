import type { Clock } from "./clock";

/**
 * Calls that have started and not yet settled, and when the oldest of them
 * started: the measure of work stuck somewhere (a stalled store answers
 * nothing, so what waits on it only grows older).
 */
export class InFlight {
  /** When each unsettled call started, oldest first (a Map keeps insertion order). */
  private readonly started = new Map<number, number>();
  private nextId = 0;

  constructor(private readonly clock: Clock) {}

  /** Count `call` from now until it settles; resolves or rejects as it does. */
  async track<T>(call: Promise<T>): Promise<T> {
    const id = this.begin();
    try {
      return await call;
    } finally {
      this.end(id);
    }
  }

  /** Count a call from now until `end` is given the id this returns (for callers that await it themselves). */
  begin(): number {
    const id = this.nextId++;
    this.started.set(id, this.clock.now());
    return id;
  }

  end(id: number): void {
    this.started.delete(id);
  }

  /** When the oldest call still unsettled started; undefined when none is. */
  oldest(): number | undefined {
    return this.started.values().next().value;
  }
}
