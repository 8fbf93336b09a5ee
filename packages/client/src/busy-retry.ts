/** Handshake retries after SERVER_BUSY: about 1 s, doubling to about 16 s, each ±50 %. */
const FIRST_MS = 1000;
const MAX_MS = 16_000;

/**
 * Trying a handshake again after a busy server refused it: after a
 * randomized delay that doubles with each refusal in a row, so a crowd of
 * clients refused together does not come back together.
 */
export class BusyRetry {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private refusals = 0;

  /** Whether a retry is scheduled. */
  get pending(): boolean {
    return this.timer !== null;
  }

  /** Another refusal: run `retry` after the next delay (replacing one already scheduled). */
  schedule(retry: () => void): void {
    this.cancel();
    const base = Math.min(MAX_MS, FIRST_MS * 2 ** this.refusals);
    this.refusals++;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        retry();
      },
      base * (0.5 + Math.random()),
    );
  }

  /** A handshake succeeded: the next refusal starts from the first delay again. */
  reset(): void {
    this.refusals = 0;
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
