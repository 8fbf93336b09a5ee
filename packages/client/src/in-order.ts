/**
 * Hands answers (`isAnswer`) and pushed events to the caller in the order
 * the server sent them. The server sends an answer before every push its
 * operation caused and before anything later; but a resolved promise
 * resumes its awaiting code only after the listeners of packets read in
 * the same chunk, so a "queued" answer would land after the "matched" push
 * that followed it. Hence after each answer, what arrives next waits for
 * the next macrotask, when the answer's awaiting code has run.
 */
export class InOrder {
  /** Events read after an answer, waiting for its awaiting code to run first (null: deliver at once). */
  private inbox: { isAnswer: boolean; run: () => void }[] | null = null;

  receive(isAnswer: boolean, run: () => void): void {
    if (this.inbox) {
      this.inbox.push({ isAnswer, run });
      return;
    }
    run();
    if (isAnswer) {
      this.inbox = [];
      nextTask(() => this.drain());
    }
  }

  private drain(): void {
    const inbox = this.inbox ?? [];
    for (let item = inbox.shift(); item; item = inbox.shift()) {
      try {
        item.run();
      } catch (error) {
        // A listener's error is the listener's; the rest still get their events.
        queueMicrotask(() => {
          throw error;
        });
      }
      if (item.isAnswer) {
        nextTask(() => this.drain());
        return;
      }
    }
    this.inbox = null;
  }
}

/** Run `fn` in a later macrotask: after every microtask queued so far. */
function nextTask(fn: () => void): void {
  // Node's setImmediate when there is one (no 1 ms timer floor); a 0 ms timeout in browsers.
  const immediate = (globalThis as { setImmediate?: (fn: () => void) => unknown }).setImmediate;
  if (immediate) immediate(fn);
  else setTimeout(fn, 0);
}
