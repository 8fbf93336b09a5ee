import {
  ErrorCode,
  MODE_IDS,
  type ChatMessage,
  type ChatScope,
  type GameMove,
  type LobbyStats,
  type ModeId,
  type QueueStatus,
  type RoomSummary,
  type RoomView,
  type Visibility,
} from "@lobby/contracts";
import type { Cancel } from "../core/clock";
import { Lanes } from "../core/lanes";
import { Timers } from "../core/timers";
import { TokenBucket } from "../core/token-bucket";
import { channels } from "./channels";
import { LobbyContext, presenceOf, roomOf, type LobbyDeps, type LobbyRuntime } from "./context";
import { LobbyError } from "./lobby-error";
import * as matchmaker from "./matchmaker";
import * as play from "./play";
import * as rooms from "./rooms";
import * as sessions from "./sessions";
import { toSummary } from "./room-view";
import type { StoreTx } from "./store";

export type { LobbyDeps, LobbyEffects, LobbySettings } from "./context";

const LOBBY_CHAT_HISTORY = 50;

/** The most rooms one `rooms:subscribe` answer lists, however many exist. */
export const ROOM_LIST_LIMIT = 100;

/** Called with an operation's result once it has committed, before anything it pushes. */
export type Settle<T> = (result: T) => void;

interface RoomList {
  rooms: RoomSummary[];
  total: number;
}

function busyError(): LobbyError {
  return new LobbyError(ErrorCode.ServerBusy, "The server is busy — try again in a moment.");
}

/** Rooms with a free seat first (fullest, then newest), then games to watch (newest first). */
function byInterest(a: RoomSummary, b: RoomSummary): number {
  const open = (r: RoomSummary) => (r.phase === "waiting" && r.players < r.maxPlayers ? 0 : 1);
  return open(a) - open(b) || (open(a) === 0 ? b.players / b.maxPlayers - a.players / a.maxPlayers : 0) || b.createdAt - a.createdAt;
}

/** The lane of everything that changes a matchmaking queue (they all race for the queues' keys). */
const MATCHMAKING = "matchmaking";
/** The lane of the presence pushes, which read the store outside transactions. */
const PRESENCE = "presence";

/** Where an operation runs: its lanes, and the player it acts for (whose room this process notes). */
interface Scope {
  lanes: readonly string[];
  player?: string;
}

/** A round trip is worth re-sending when it moved by 10 ms and by a fifth. */
function changedNoticeably(before: number, now: number): boolean {
  const delta = Math.abs(now - before);
  return delta >= 10 && delta >= before / 5;
}

/**
 * The lobby's domain core: players, quick match, rooms, games and chat. It
 * knows nothing about sockets; it reads and writes the store and tells the
 * transport what to send through `effects`.
 *
 * Every operation is one store transaction, so a multi-step change such as
 * "take a group off the queue and seat it" is never interleaved with another
 * change to the same players or rooms. Operations run in lanes (see
 * `scopeOf`): one player's requests in the order they came, side by side
 * with other players' as far as the store allows (one at a time in memory,
 * several over Redis). When operations wait too long, requests that add work
 * are refused rather than queued without bound (see `busy`).
 */
export class Lobby implements LobbyRuntime {
  private readonly lanes: Lanes;
  /** The connection each player connected to this process holds. */
  private readonly connections = new Map<string, string>();
  /**
   * The room each player connected to this process is in, as of their last
   * operation here: a hint for choosing lanes (see `scopeOf`). Only for this
   * process's own players, so it never outgrows its connections.
   */
  private readonly roomOf = new Map<string, string>();
  private readonly timers: Timers;
  private readonly chatLimits = new Map<string, TokenBucket>();
  /** Round trips measured by this process's players. */
  private readonly latency = new Map<string, number>();
  /** What each player's room was last told about them, so unchanged figures are not sent again. */
  private readonly latencySent = new Map<string, { roomId: string; rttMs: number; roster: string }>();
  private statsPending: Cancel | null = null;
  private lastStatsKey = "";
  lastStats: LobbyStats | null = null;
  private presencePending: Cancel | null = null;
  private sweepPending: Cancel | null = null;
  private heartbeatPending: Cancel | null = null;
  /** Whether this process has said it is alive at least once. */
  private beaten = false;
  /** Taking back our players or another node's is under way (it can outlast a beat). */
  private lookingAfterNodes = false;
  /** A beat found our word had run out; our players are to be taken back. */
  private reclaimDue = false;
  private closed = false;

  constructor(readonly deps: LobbyDeps) {
    this.lanes = new Lanes(deps.clock, deps.store.concurrency);
    this.timers = new Timers(deps.clock);
    this.schedulePresence();
    this.scheduleSweep();
    this.scheduleHeartbeat();
  }

  /**
   * A connection was accepted for a player: start their session, or resume
   * the kept one (same queue place and seat). `greet` runs before any state
   * is pushed. Resolves with whether the session was resumed.
   */
  connect(arrival: sessions.Arrival, greet: sessions.Greet = () => undefined): Promise<boolean> {
    this.connections.set(arrival.id, arrival.connectionId);
    return this.run(this.scopeOf(arrival.id), (ctx) => sessions.arrive(ctx, arrival, greet));
  }

  /**
   * A connection closed. The player stays "away" for the reconnect grace
   * period, keeping their queue place and seat; ignored if another
   * connection has already taken the session over.
   */
  disconnect(playerId: string, connectionId: string): Promise<boolean> {
    // Figures are per connection: a player who comes back (maybe to another process) measures again.
    this.latency.delete(playerId);
    this.latencySent.delete(playerId);
    const scope = this.scopeOf(playerId);
    // Unless a newer connection of theirs took over here, they may come back through another process;
    // this one learns their room again if they return here.
    if (this.connections.get(playerId) === connectionId) {
      this.connections.delete(playerId);
      this.roomOf.delete(playerId);
    }
    return this.run(scope, async (ctx) => {
      const ended = await sessions.depart(ctx, playerId, connectionId);
      if (ended) ctx.afterCommit(() => this.forget(playerId));
      return ended;
    });
  }

  joinQueue(playerId: string, mode: ModeId, settle?: Settle<QueueStatus>): Promise<QueueStatus> {
    return this.request(this.scopeOf(playerId, MATCHMAKING), (ctx) => matchmaker.joinQueue(ctx, playerId, mode), settle);
  }

  leaveQueue(playerId: string, settle?: Settle<QueueStatus>): Promise<QueueStatus> {
    return this.run(this.scopeOf(playerId, MATCHMAKING), (ctx) => matchmaker.leaveQueue(ctx, playerId), settle);
  }

  createRoom(
    playerId: string,
    mode: ModeId,
    settings: { maxPlayers: number; visibility: Visibility },
    settle?: Settle<RoomView>,
  ): Promise<RoomView> {
    return this.request(this.scopeOf(playerId), (ctx) => rooms.createRoom(ctx, playerId, mode, settings), settle);
  }

  joinRoom(playerId: string, code: string, settle?: Settle<RoomView>): Promise<RoomView> {
    return this.request(this.scopeOf(playerId), (ctx) => rooms.joinByCode(ctx, playerId, code), settle);
  }

  watchRoom(playerId: string, code: string, settle?: Settle<RoomView>): Promise<RoomView> {
    return this.request(this.scopeOf(playerId), (ctx) => rooms.watch(ctx, playerId, code), settle);
  }

  leaveRoom(playerId: string, settle?: Settle<null>): Promise<null> {
    return this.run(this.scopeOf(playerId), (ctx) => rooms.leave(ctx, playerId), settle);
  }

  setReady(playerId: string, ready: boolean, settle?: Settle<null>): Promise<null> {
    return this.request(this.scopeOf(playerId), (ctx) => rooms.setReady(ctx, playerId, ready), settle);
  }

  startGame(playerId: string, settle?: Settle<null>): Promise<null> {
    return this.request(this.scopeOf(playerId), (ctx) => rooms.start(ctx, playerId), settle);
  }

  updateSettings(
    playerId: string,
    settings: { maxPlayers?: number | undefined; visibility?: Visibility | undefined },
    settle?: Settle<null>,
  ): Promise<null> {
    return this.request(this.scopeOf(playerId), (ctx) => rooms.updateSettings(ctx, playerId, settings), settle);
  }

  kick(playerId: string, targetId: string, settle?: Settle<null>): Promise<null> {
    return this.request(this.scopeOf(playerId), (ctx) => rooms.kick(ctx, playerId, targetId), settle);
  }

  move(playerId: string, move: GameMove, settle?: Settle<{ version: number }>): Promise<{ version: number }> {
    return this.request(this.scopeOf(playerId), (ctx) => play.move(ctx, playerId, move), settle);
  }

  rematch(playerId: string, settle?: Settle<null>): Promise<null> {
    return this.request(this.scopeOf(playerId), (ctx) => play.rematch(ctx, playerId), settle);
  }

  /**
   * The public rooms worth showing — at most `ROOM_LIST_LIMIT`, however many
   * exist: rooms with a free seat first (the fullest, then the newest),
   * then games to watch (the newest first) — and from now on
   * `rooms:upsert` / `rooms:remove` as they change.
   */
  subscribeRooms(playerId: string, settle?: Settle<RoomList>): Promise<RoomList> {
    return this.request(
      this.scopeOf(playerId),
      async () => {
        // Joined before the read, so no change between the read and the answer goes unheard.
        this.deps.effects.join(playerId, channels.directory);
        const listed: RoomSummary[] = [];
        for (const id of await this.deps.store.listRoomIds()) {
          const room = await this.deps.store.getRoom(id);
          const summary = room && toSummary(room);
          if (summary) listed.push(summary);
        }
        return { rooms: listed.sort(byInterest).slice(0, ROOM_LIST_LIMIT), total: listed.length };
      },
      settle,
    );
  }

  unsubscribeRooms(playerId: string): Promise<null> {
    this.deps.effects.leave(playerId, channels.directory);
    return Promise.resolve(null);
  }

  /**
   * Chat in the player's room or in the lobby. The per-player budget is
   * spent here, outside the store transaction, so an operation that runs
   * again (a Redis race) does not spend it twice.
   */
  async sendChat(playerId: string, scope: ChatScope, text: string, settle?: Settle<{ id: string }>): Promise<{ id: string }> {
    if (this.busy) throw busyError();
    this.takeChatToken(playerId);
    return this.request(
      this.scopeOf(playerId),
      async (ctx) => {
        const player = await ctx.requirePlayer(playerId);
        if (scope === "room") {
          const { room } = await ctx.requireSeat(playerId);
          const from = { id: player.id, name: player.name };
          const next = ctx.appendChat(room, { kind: "user", from, text });
          await ctx.postChat(next);
          return { id: next.chat[next.chat.length - 1]?.id ?? "" };
        }
        if (player.location.kind === "seated" || player.location.kind === "watching") {
          throw new LobbyError(ErrorCode.AlreadySeated, "Leave your room to chat in the lobby.");
        }
        const message: ChatMessage = {
          id: ctx.id(),
          scope: "lobby",
          roomId: null,
          kind: "user",
          from: { id: player.id, name: player.name },
          text,
          at: ctx.now(),
        };
        ctx.store.appendLobbyChat(message, LOBBY_CHAT_HISTORY);
        ctx.effects.toChannel(channels.lobby, "chat:message", message);
        return { id: message.id };
      },
      settle,
    );
  }

  /** Remember the round trip a player measured; rooms are told every `presenceIntervalMs`. */
  reportLatency(playerId: string, rttMs: number | null): { serverTime: number } {
    if (rttMs !== null) this.latency.set(playerId, Math.round(rttMs));
    return { serverTime: this.deps.clock.now() };
  }

  /** Players online and waiting per queue. */
  stats(): Promise<LobbyStats> {
    return presenceOf(this.deps.store);
  }

  /** Resolves once every operation queued so far (including timer work) has finished. */
  idle(): Promise<void> {
    return this.lanes.idle();
  }

  /** Stop every timer. Pending operations still finish. */
  close(): Promise<void> {
    this.closed = true;
    this.timers.clearAll();
    this.sweepPending?.();
    this.sweepPending = null;
    this.heartbeatPending?.();
    this.heartbeatPending = null;
    this.statsPending?.();
    this.statsPending = null;
    this.presencePending?.();
    this.presencePending = null;
    return this.lanes.idle();
  }

  /**
   * Whether this process is too far behind to take on more: its oldest
   * operation still waiting to run has waited `busyQueueMs`. New players and
   * requests that add work are then refused with SERVER_BUSY; departures,
   * resumes and timers still run, so the queue drains and nobody's seat or
   * session is dropped.
   */
  get busy(): boolean {
    const limit = this.deps.settings.busyQueueMs;
    const oldest = this.lanes.oldestWaiting();
    return limit > 0 && oldest !== undefined && this.deps.clock.now() - oldest >= limit;
  }

  /** A player's request that adds work: refused while the process is `busy`, else `run`. */
  private request<T>(scope: Scope, work: (ctx: LobbyContext) => Promise<T>, settle?: Settle<T>): Promise<T> {
    if (this.busy) return Promise.reject(busyError());
    return this.run(scope, work, settle);
  }

  /** Run one operation after every earlier one in its lanes, then schedule a presence update. */
  private run<T>(scope: Scope, work: (ctx: LobbyContext) => Promise<T>, settle?: Settle<T>): Promise<T> {
    return this.operate(scope, work, settle).finally(() => this.scheduleStats());
  }

  /**
   * One lobby operation: a store transaction (run again if it lost a race
   * to another process), then — only once it committed — its answer
   * (`settle`) and what it decided to send and to time, in that order:
   * the requester hears the answer before any push the operation caused,
   * and before anything a later operation pushes.
   */
  private operate<T>(scope: Scope, work: (ctx: LobbyContext) => Promise<T>, settle?: Settle<T>): Promise<T> {
    return this.lanes.run(scope.lanes, async () => {
      let ctx: LobbyContext | null = null;
      let room: string | null | undefined;
      const hinted = scope.player === undefined ? undefined : this.roomOf.get(scope.player);
      const result = await this.deps.store.transaction(async (tx) => {
        // The acting player's record and their room's, in one read where the store can (the room's id
        // would otherwise be known only once the player's record is in).
        if (hinted !== undefined && tx.prefetch) await tx.prefetch({ players: [scope.player!], rooms: [hinted] });
        ctx = new LobbyContext(this, tx);
        const done = await work(ctx);
        room = await this.roomAfter(tx, scope.player);
        return done;
      });
      settle?.(result);
      (ctx as LobbyContext | null)?.commit();
      if (room !== undefined && scope.player !== undefined && this.connections.has(scope.player)) {
        if (room === null) this.roomOf.delete(scope.player);
        else this.roomOf.set(scope.player, room);
      }
      return result;
    });
  }

  /**
   * The room the player an operation acted for is in once it commits (read
   * in its transaction, where the operation has almost always read the
   * record already), or undefined when no hint is kept: not this process's
   * player, or operations never run side by side anyway.
   */
  private async roomAfter(tx: StoreTx, playerId: string | undefined): Promise<string | null | undefined> {
    if (playerId === undefined || this.lanes.concurrency <= 1 || !this.connections.has(playerId)) return undefined;
    const player = await tx.getPlayer(playerId);
    return player ? roomOf(player.location) : null;
  }

  /**
   * An operation on behalf of a player: in their lane, the lane of the room
   * they are in (so a room's moves and ticks queue here rather than race in
   * the store), and any `extra`.
   */
  private scopeOf(playerId: string, ...extra: string[]): Scope {
    const roomId = this.roomOf.get(playerId);
    const lanes = roomId === undefined ? [`player:${playerId}`, ...extra] : [`player:${playerId}`, `room:${roomId}`, ...extra];
    return { lanes, player: playerId };
  }

  /** Part of LobbyRuntime: this process's timer for a deadline. */
  armDeadline(key: string, dueAt: number | null): void {
    if (this.closed) return;
    if (dueAt === null) this.timers.clear(key);
    else this.timers.ensure(key, dueAt, () => this.fire(key));
  }

  /** A deadline came (or was found overdue): do what is due, if it still is. */
  private fire(key: string): void {
    const split = key.indexOf(":");
    const kind = key.slice(0, split);
    const id = key.slice(split + 1);
    const scope = kind === "player" ? this.scopeOf(id) : { lanes: [kind === "queue" ? MATCHMAKING : key] };
    this.operate(scope, async (ctx) => {
      if (kind === "room") return play.roomDue(ctx, id);
      if (kind === "player") {
        if (await sessions.expire(ctx, id)) ctx.afterCommit(() => this.forget(id));
        return;
      }
      const mode = MODE_IDS.find((m) => m === id);
      if (kind === "queue" && mode) {
        await matchmaker.matchWaitingPlayers(ctx, mode);
        return;
      }
      ctx.store.setDeadline(key, null);
    })
      .finally(() => this.scheduleStats())
      .catch((error: unknown) => {
        this.deps.logger.error("deadline failed", { key, error: String(error) });
      });
  }

  /**
   * This process stopped for good (its connections are closed and their
   * departures committed): other nodes need not look after its players.
   */
  async leaveCluster(): Promise<void> {
    await this.idle();
    await this.deps.store.forgetNode(this.deps.settings.nodeId);
  }

  /**
   * Say this process is alive, and find nodes that stopped saying so: their
   * players' connections died with them, so those players are away — kept
   * for the grace period, like any dropped connection — until they come
   * back through another node.
   */
  private scheduleHeartbeat() {
    const every = this.deps.settings.nodeHeartbeatMs;
    if (this.closed || every <= 0) return;
    const { logger } = this.deps;
    this.heartbeatPending = this.deps.clock.setTimeout(() => {
      this.heartbeatPending = null;
      // The next beat comes on time whatever this one finds to do: taking over a big dead node's
      // players must never make this node miss its own beats and look dead in turn.
      this.scheduleHeartbeat();
      this.beat(every).catch((error: unknown) => logger.error("node heartbeat failed", { error: String(error) }));
    }, every);
  }

  private async beat(every: number) {
    const { store, settings, logger } = this.deps;
    const known = await store.heartbeat(settings.nodeId, every * 5);
    // Our word ran out (a stall): others may have marked our players away. Take back the ones still here.
    if (!known && this.beaten) this.reclaimDue = true;
    this.beaten = true;
    if (this.lookingAfterNodes) return;
    this.lookingAfterNodes = true;
    try {
      if (this.reclaimDue) {
        this.reclaimDue = false;
        const connections = this.deps.localConnections?.() ?? [];
        logger.warn("this node was silent too long; taking its players back", { connections: connections.length });
        for (const { playerId, connectionId } of connections) {
          await this.run(this.scopeOf(playerId), (ctx) => sessions.reclaim(ctx, playerId, connectionId));
        }
      }
      for (const node of await store.deadNodes()) {
        if (node === settings.nodeId) continue;
        const players = await store.playersOnNode(node);
        logger.warn("node stopped answering; its players are away", { node, players: players.length });
        for (const playerId of players) {
          await this.run(this.scopeOf(playerId), async (ctx) => {
            if (await sessions.nodeLost(ctx, playerId, node)) ctx.afterCommit(() => this.forget(playerId));
          });
        }
        if ((await store.playersOnNode(node)).length === 0) await store.forgetNode(node);
      }
    } finally {
      this.lookingAfterNodes = false;
    }
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
      this.deps.store
        .dueDeadlines(this.deps.clock.now() - every, 100)
        .then((keys) => {
          for (const key of keys) if (!this.timers.has(key)) this.fire(key);
        })
        .catch((error: unknown) => {
          this.deps.logger.error("deadline sweep failed", { error: String(error) });
        })
        .finally(() => this.scheduleSweep());
    }, every);
  }

  /** A session ended: drop what this process kept for it. */
  private forget(playerId: string) {
    this.chatLimits.delete(playerId);
    this.latency.delete(playerId);
    this.latencySent.delete(playerId);
    this.roomOf.delete(playerId);
  }

  private takeChatToken(playerId: string) {
    const { clock, settings } = this.deps;
    let bucket = this.chatLimits.get(playerId);
    if (!bucket) {
      bucket = new TokenBucket(clock, settings.chatBurst, settings.chatRefillMs);
      this.chatLimits.set(playerId, bucket);
    }
    if (!bucket.take()) {
      throw new LobbyError(ErrorCode.RateLimited, "You're sending messages too fast — wait a moment.");
    }
  }

  private scheduleStats() {
    if (this.statsPending || this.closed) return;
    this.statsPending = this.deps.clock.setTimeout(() => {
      this.statsPending = null;
      this.lanes.run([PRESENCE], async () => {
        const stats = await this.stats();
        // Most operations (moves, chat, ready) change neither figure: send nothing then.
        const key = JSON.stringify(stats);
        if (key === this.lastStatsKey) return;
        this.lastStatsKey = key;
        this.lastStats = stats;
        // Only the lobby shows these figures; players in rooms get them when they come back.
        // Every process sends them to its own players, so nobody gets a copy per process.
        this.deps.effects.toLocalChannel(channels.lobby, "lobby:stats", stats);
      }).catch((error: unknown) => {
        this.deps.logger.error("stats broadcast failed", { error: String(error) });
      });
    }, this.deps.settings.statsIntervalMs);
  }

  private schedulePresence() {
    if (this.closed || this.deps.settings.presenceIntervalMs <= 0) return;
    this.presencePending = this.deps.clock.setTimeout(() => {
      this.presencePending = null;
      this.lanes.run([PRESENCE], () => this.pushLatency())
        .catch((error: unknown) => {
          this.deps.logger.error("presence update failed", { error: String(error) });
        })
        .finally(() => this.schedulePresence());
    }, this.deps.settings.presenceIntervalMs);
  }

  /**
   * Tell rooms about round trips that changed noticeably, or that their
   * current roster has not heard yet. Unchanged figures are not re-sent:
   * at a few thousand seated players, re-sending every room's figures every
   * few seconds stalled the event loop for a noticeable moment each time.
   */
  private async pushLatency() {
    const { store, effects } = this.deps;
    const byRoom = new Map<string, Record<string, number>>();
    for (const [playerId, rttMs] of this.latency) {
      const player = await store.getPlayer(playerId);
      const room = player?.location.kind === "seated" ? await store.getRoom(player.location.roomId) : undefined;
      if (!room) {
        this.latencySent.delete(playerId);
        continue;
      }
      const roster = room.seats.map((s) => s.playerId).join(",");
      const sent = this.latencySent.get(playerId);
      if (sent?.roomId === room.id && sent.roster === roster && !changedNoticeably(sent.rttMs, rttMs)) continue;
      this.latencySent.set(playerId, { roomId: room.id, rttMs, roster });
      let figures = byRoom.get(room.id);
      if (!figures) byRoom.set(room.id, (figures = {}));
      figures[playerId] = rttMs;
    }
    for (const [roomId, rttMs] of byRoom) effects.toChannel(channels.room(roomId), "room:latency", { roomId, rttMs });
  }

}
