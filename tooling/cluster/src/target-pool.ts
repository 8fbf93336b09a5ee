/**
 * Round-robin over a fixed list of targets, passing over the ones that recently refused a
 * connection. A down mark only reorders: once every live target has failed, the ones marked down
 * are tried too, so a whole cluster that restarts is reachable again at once rather than after
 * the marks expire.
 */
export class TargetPool {
  private next = 0;
  private readonly downUntil = new Map<string, number>();

  constructor(
    readonly targets: readonly string[],
    private readonly downForMs: number,
    private readonly now: () => number = Date.now,
  ) {
    if (targets.length === 0) throw new Error("a balancer needs at least one target");
  }

  /** The order in which to try targets for one new connection; advances the round-robin cursor. */
  candidates(): string[] {
    const start = this.next;
    this.next = (this.next + 1) % this.targets.length;
    const rotated = [...this.targets.slice(start), ...this.targets.slice(0, start)];
    const now = this.now();
    const isUp = (target: string) => (this.downUntil.get(target) ?? 0) <= now;
    return [...rotated.filter(isUp), ...rotated.filter((target) => !isUp(target))];
  }

  markDown(target: string): void {
    this.downUntil.set(target, this.now() + this.downForMs);
  }

  markUp(target: string): void {
    this.downUntil.delete(target);
  }

  isDown(target: string): boolean {
    return (this.downUntil.get(target) ?? 0) > this.now();
  }
}
