import { ErrorCode } from "@lobby/contracts";
import type { Lanes } from "../core/lanes";
import { LobbyContext, type LobbyRuntime } from "./context";
import type { LaneName, Scope } from "./lane-names";
import { LobbyError } from "./lobby-error";
import type { RoomHints } from "./room-hints";
import type { RecordIds, StoreTx } from "./store";

/** Called with an operation's result once it has committed, before anything it pushes. */
export type Settle<T> = (result: T) => void;

/** An operation's work, inside its transaction. */
export type Work<T> = (ctx: LobbyContext) => Promise<T>;

export function busyError(): LobbyError {
  return new LobbyError(ErrorCode.ServerBusy, "The server is busy — try again in a moment.");
}

/**
 * Runs this process's lobby operations: each in its lanes, as one store
 * transaction, its effects carried out only once it committed; and refuses
 * new work while operations wait too long (`busy`).
 */
export class Operations {
  constructor(
    private readonly runtime: LobbyRuntime,
    private readonly lanes: Lanes,
    private readonly hints: RoomHints,
    /** Called after every operation, whether it succeeded or not. */
    private readonly settled: () => void,
  ) {}

  /**
   * Whether this process is too far behind to take on more: its oldest
   * operation still waiting to run has waited `busyQueueMs`. New players and
   * requests that add work are then refused with SERVER_BUSY; departures,
   * resumes and timers still run, so the queue drains and nobody's seat or
   * session is dropped.
   */
  get busy(): boolean {
    const { settings, clock } = this.runtime.deps;
    const limit = settings.busyQueueMs;
    const oldest = this.lanes.oldestWaiting();
    return limit > 0 && oldest !== undefined && clock.now() - oldest >= limit;
  }

  /** An operation on behalf of a player (see `RoomHints.scopeOf`). */
  scopeOf(playerId: string, ...extra: LaneName[]): Scope {
    return this.hints.scopeOf(playerId, ...extra);
  }

  /** A player's request that adds work: refused while the process is `busy`, else `run`. */
  request<T>(scope: Scope, work: Work<T>, settle?: Settle<T>): Promise<T> {
    if (this.busy) return Promise.reject(busyError());
    return this.run(scope, work, settle);
  }

  /** Run one operation after every earlier one in its lanes, then schedule a presence update. */
  run<T>(scope: Scope, work: Work<T>, settle?: Settle<T>): Promise<T> {
    return this.operate(scope, work, settle).finally(() => this.settled());
  }

  /**
   * One lobby operation: a store transaction (run again if it lost a race
   * to another process), then — only once it committed — its answer
   * (`settle`) and what it decided to send and to time, in that order:
   * the requester hears the answer before any push the operation caused,
   * and before anything a later operation pushes.
   */
  private operate<T>(scope: Scope, work: Work<T>, settle?: Settle<T>): Promise<T> {
    const { store } = this.runtime.deps;
    return this.lanes.run(scope.lanes, async () => {
      let ctx: LobbyContext | null = null;
      let room: string | null | undefined;
      const transaction = async (tx: StoreTx) => {
        ctx = new LobbyContext(this.runtime, tx);
        const done = await work(ctx);
        await ctx.flushParties();
        room = await this.hints.roomAfter(tx, scope.player);
        return done;
      };
      // The acting player's record and their room's, in one read where the store can (the room's id
      // would otherwise be known only once the player's record is in).
      const prefetch = this.prefetchFor(scope.player);
      const result = await (prefetch && store.parallel
        ? store.parallel.transactionReading(prefetch, transaction)
        : store.transaction(transaction));
      settle?.(result);
      (ctx as LobbyContext | null)?.commit();
      this.hints.note(scope.player, room);
      return result;
    });
  }

  private prefetchFor(playerId: string | undefined): RecordIds | undefined {
    const hinted = playerId === undefined ? undefined : this.hints.hinted(playerId);
    return playerId === undefined || hinted === undefined ? undefined : { players: [playerId], rooms: [hinted] };
  }
}
