import { MemoryStore } from "../../src/store/memory-store";
import type { StoreTx } from "../../src/lobby/store";

/**
 * The memory store, with a gate a test closes to hold every transaction and
 * the deadline sweep's read, as a stalled Redis would.
 */
export class GatedStore extends MemoryStore {
  private gate: Promise<void> | null = null;
  private release = () => undefined as void;

  hold(): void {
    this.gate = new Promise((resolve) => {
      this.release = resolve;
    });
  }

  open(): void {
    this.gate = null;
    this.release();
  }

  override async transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    await this.passed();
    return super.transaction(work);
  }

  override async dueDeadlines(time: number, limit: number): Promise<string[]> {
    await this.passed();
    return super.dueDeadlines(time, limit);
  }

  private async passed() {
    while (this.gate) await this.gate;
  }
}
