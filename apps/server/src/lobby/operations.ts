import { ErrorCode } from "@lobby/contracts";
import { InFlight } from "../core/in-flight";
import type { Lanes } from "../core/lanes";
import { LobbyContext } from "./context";
import type { LobbyRuntime } from "./runtime";
import type { LaneName, Scope } from "./lane-names";
import { LobbyError } from "./lobby-error";
import { findReceipt, RECEIPT_WINDOW_MS, receiptFor, withReceipt, type RequestKey } from "./receipts";
import type { RoomHints } from "./room-hints";
import type { RecordIds, StoreTx } from "./store";

/** Called with an operation's result once it has committed, before anything it pushes. */
export type Settle<T> = (result: T) => void;

/** An operation's work, inside its transaction. */
export type Work<T> = (ctx: LobbyContext) => Promise<T>;

/**
 * The request (by id) each answer is for. The transport hands the lobby's
 * API a request's `settle`, which the API passes to the operation that
 * answers it: so the key rides with the answer, and the API needs no extra
 * parameter (an `AsyncLocalStorage` did this at a measurable cost per seated
 * player on Node 20, whose async hooks tax every promise: docs/performance.md).
 * `taken` makes it the first such operation's only.
 */
const requests = new WeakMap<object, { key: RequestKey; taken: boolean }>();

/**
 * Mark `settle` as the answer to a request with an id, so that the
 * operation it is passed to is applied once per `key` (see `RequestMeta`): a
 * second try with the same id, on this process or another, gets the first
 * one's answer and changes nothing.
 */
export function asRequest<T>(key: RequestKey | null, settle: Settle<T>): Settle<T> {
  if (key) requests.set(settle, { key, taken: false });
  return settle;
}

function takeRequest(settle: object | undefined): RequestKey | null {
  const current = settle ? requests.get(settle) : undefined;
  if (!current || current.taken) return null;
  current.taken = true;
  return current.key;
}

export function busyError(): LobbyError {
  return new LobbyError(ErrorCode.ServerBusy, "The server is busy — try again in a moment.");
}

/**
 * Runs this process's lobby operations: each in its lanes, as one store
 * transaction, its effects carried out only once it committed; and refuses
 * new work while operations wait too long (`busy`).
 */
export class Operations {
  /** Operations from being queued until done, and store calls made outside any (`watch`). */
  private readonly inFlight: InFlight;

  constructor(
    private readonly runtime: LobbyRuntime,
    private readonly lanes: Lanes,
    private readonly hints: RoomHints,
    /** Called after every operation, whether it succeeded or not. */
    private readonly settled: () => void,
  ) {
    this.inFlight = new InFlight(runtime.deps.clock);
  }

  /**
   * Whether this process is too far behind to take on more: an operation
   * queued `busyQueueMs` ago is not done yet — still waiting for its turn,
   * or running and stuck on the store — or a store call made outside any
   * (`watch`: a sweep, a heartbeat) has gone unanswered that long. Counting
   * the running ones is what shows a stalled store (Redis stopped,
   * restarting, or behind a half-open connection): each lane's one operation
   * hangs with nothing queued behind it, and an idle process notices through
   * its own sweeps and heartbeats. New players and requests that add work
   * are then refused with SERVER_BUSY; departures, resumes and timers still
   * run, so the queue drains and nobody's seat or session is dropped.
   */
  get busy(): boolean {
    const { settings, clock } = this.runtime.deps;
    const limit = settings.busyQueueMs;
    if (limit <= 0) return false;
    const oldest = Math.min(this.lanes.oldestWaiting() ?? Infinity, this.inFlight.oldest() ?? Infinity);
    return clock.now() - oldest >= limit;
  }

  /** A store call made outside any operation (a sweep, a heartbeat): counted toward `busy` until it answers. */
  watch<T>(call: Promise<T>): Promise<T> {
    return this.inFlight.track(call);
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
  async run<T>(scope: Scope, work: Work<T>, settle?: Settle<T>): Promise<T> {
    // Counted from the moment it is queued until it is done, however long the store takes to answer.
    const counted = this.inFlight.begin();
    try {
      return await this.operate(scope, work, settle);
    } finally {
      this.inFlight.end(counted);
      this.settled();
    }
  }

  /**
   * One lobby operation: a store transaction (run again if it lost a race
   * to another process), then — only once it committed — its answer
   * (`settle`) and what it decided to send and to time, in that order:
   * the requester hears the answer before any push the operation caused,
   * and before anything a later operation pushes.
   */
  private operate<T>(scope: Scope, work: Work<T>, settle?: Settle<T>): Promise<T> {
    const { store, clock } = this.runtime.deps;
    const request = takeRequest(settle);
    return this.lanes.run(scope.lanes, async () => {
      let ctx: LobbyContext | null = null;
      let room: string | null | undefined;
      const transaction = async (tx: StoreTx) => {
        ctx = null;
        // A request with an id that was applied already: its answer again, and nothing else. Read in the
        // transaction, so that of two tries racing on two nodes, the one that commits second runs again
        // and finds the first's receipt.
        const receipts = request ? await tx.getReceipts(request.playerId) : [];
        const applied = request ? findReceipt(receipts, request, clock.now()) : undefined;
        if (applied) return applied.answer as T;
        ctx = new LobbyContext(this.runtime, tx);
        const done = await work(ctx);
        await ctx.flushParties();
        room = await this.hints.roomAfter(tx, scope.player);
        // A player whose session the operation ended has nothing left to retry (and no record to go with).
        if (request && (await tx.getPlayer(request.playerId))) {
          const kept = withReceipt(receipts, receiptFor(request, done, clock.now()));
          tx.putReceipts(request.playerId, kept, RECEIPT_WINDOW_MS);
        }
        return done;
      };
      // The acting player's record and their room's, in one read where the store can (the room's id
      // would otherwise be known only once the player's record is in); and their receipts, for a request.
      const { parallel } = store;
      const prefetch = parallel && this.prefetchFor(scope.player, request);
      const result = await (parallel && prefetch
        ? parallel.transactionReading(prefetch, transaction)
        : store.transaction(transaction));
      settle?.(result);
      (ctx as LobbyContext | null)?.commit();
      this.hints.note(scope.player, room);
      return result;
    });
  }

  private prefetchFor(playerId: string | undefined, request: RequestKey | null): RecordIds | undefined {
    const hinted = playerId === undefined ? undefined : this.hints.hinted(playerId);
    if (playerId === undefined || hinted === undefined) return undefined;
    return { players: [playerId], rooms: [hinted], receipts: request ? [request.playerId] : [] };
  }
}
