import type { Cancel } from "../core/clock";
import { Timers } from "../core/timers";
import type { LobbyContext } from "./context";
import type { LobbyDeps } from "./runtime";
import { deadlineKey, type DeadlineKey } from "./deadline-key";
import { laneNames, type Scope } from "./lane-names";
import * as matchmaker from "./matchmaker";
import type { Operations } from "./operations";
import * as play from "./play";
import * as sessions from "./sessions";

/**
 * This process's side of the stored deadlines: a timer for each one its
 * operations set, and a sweep for those another process set and died
 * before doing. Firing one runs the work that is due, which re-checks the
 * state first, so a deadline fired twice does the work once.
 */
export class DeadlineSweep {
  /** Timers by encoded deadline key, so a sweep can tell which ones this process holds. */
  private readonly timers: Timers;
  private sweepPending: Cancel | null = null;
  private closed = false;

  constructor(
    private readonly deps: LobbyDeps,
    private readonly operations: Operations,
    /** A session ended: drop what this process kept for it. */
    private readonly forget: (playerId: string) => void,
  ) {
    this.timers = new Timers(deps.clock);
  }

  /** Start sweeping every `deadlineSweepMs`. */
  start(): void {
    this.scheduleSweep();
  }

  /** Arm (or with null, disarm) this process's timer for a deadline. */
  arm(key: DeadlineKey, dueAt: number | null): void {
    if (this.closed) return;
    const text = deadlineKey.encode(key);
    if (dueAt === null) this.timers.clear(text);
    else this.timers.ensure(text, dueAt, () => this.fire(key));
  }

  close(): void {
    this.closed = true;
    this.timers.clearAll();
    this.sweepPending?.();
    this.sweepPending = null;
  }

  /** A deadline came (or was found overdue): do what is due, if it still is. */
  private fire(key: DeadlineKey): void {
    this.operations
      .run(this.scopeOf(key), (ctx) => this.due(ctx, key))
      .catch((error: unknown) => {
        this.deps.logger.error("deadline failed", { key: deadlineKey.encode(key), error: String(error) });
      });
  }

  private scopeOf(key: DeadlineKey): Scope {
    switch (key.kind) {
      case "room":
        return { lanes: [laneNames.room(key.roomId)] };
      case "player":
        return this.operations.scopeOf(key.playerId);
      case "queue":
        return { lanes: [laneNames.matchmaking] };
    }
  }

  private async due(ctx: LobbyContext, key: DeadlineKey): Promise<void> {
    switch (key.kind) {
      case "room":
        return play.roomDue(ctx, key.roomId);
      case "player":
        if (await sessions.expire(ctx, key.playerId)) ctx.afterCommit(() => this.forget(key.playerId));
        return;
      case "queue":
        await matchmaker.matchWaitingPlayers(ctx, key.mode);
        return;
    }
  }

  /** A stored key this version cannot act on: nothing will ever be due for it, so it goes. */
  private clearStray(text: string): void {
    this.operations
      .run({ lanes: [laneNames.stray(text)] }, (ctx) => {
        ctx.store.setDeadline(text, null);
        return Promise.resolve();
      })
      .catch((error: unknown) => {
        this.deps.logger.error("deadline failed", { key: text, error: String(error) });
      });
  }

  /**
   * Look for deadlines overdue by more than a sweep interval: work another
   * process armed a timer for, then died before doing. (This process's own
   * timers fire long before a deadline is that late.)
   */
  private scheduleSweep() {
    const every = this.deps.settings.deadlineSweepMs;
    if (this.closed || every <= 0) return;
    this.sweepPending = this.deps.clock.setTimeout(() => {
      this.sweepPending = null;
      // Watched: on an idle process, a sweep that Redis never answers is what shows the stall (`busy`).
      this.operations
        .watch(this.deps.store.dueDeadlines(this.deps.clock.now() - every, 100))
        .then((keys) => {
          for (const text of keys) {
            if (this.timers.has(text)) continue;
            const key = deadlineKey.decode(text);
            if (key) this.fire(key);
            else this.clearStray(text);
          }
        })
        .catch((error: unknown) => {
          this.deps.logger.error("deadline sweep failed", { error: String(error) });
        })
        .finally(() => this.scheduleSweep());
    }, every);
  }
}
