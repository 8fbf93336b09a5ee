import { MemoryStore } from "../../src/store/memory-store";
import type { StoreTx } from "../../src/lobby/store";

/** The memory store, with a gate a test closes to hold every transaction, as a stalled Redis would. */
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
    while (this.gate) await this.gate;
    return super.transaction(work);
  }
}
