import {
  LEADERBOARD_LENGTH,
  type ChatMessage,
  type ChatScope,
  type GameMove,
  type Leaderboard,
  type LobbyStats,
  type PartyView,
  type ModeId,
  type Profile,
  type QueueStatus,
  type RoomSummary,
  type RoomView,
  type Visibility,
} from "@lobby/contracts";
import { Lanes } from "../core/lanes";
import { channels } from "./channels";
import { ChatLimits, sendChat } from "./chat";
import type { LobbyDeps, LobbyRuntime } from "./runtime";
import type { DeadlineKey } from "./deadline-key";
import { DeadlineSweep } from "./deadline-sweep";
import { claimedIdentity, rejoinable, type IdentityClaim } from "./identities";
import { leaderboardRow, leaderboardRows, modeRating, type RankedRow } from "./ratings";
import { laneNames } from "./lane-names";
import * as matchmaker from "./matchmaker";
import { NodeLiveness } from "./node-liveness";
import { busyError, Operations, type Settle, type Work } from "./operations";
import * as parties from "./parties";
import * as play from "./play";
import { Presence, presenceOf } from "./presence";
import { RoomHints } from "./room-hints";
import { toSummary } from "./room-view";
import * as rooms from "./rooms";
import * as sessions from "./sessions";

export type { LobbyDeps, LobbySettings } from "./runtime";
export type { LobbyEffects } from "./effects";
export type { Settle } from "./operations";

/** The most rooms one `rooms:subscribe` answer lists, however many exist. */
export const ROOM_LIST_LIMIT = 100;

interface RoomList {
  rooms: RoomSummary[];
  total: number;
}

/** Rooms with a free seat first (fullest, then newest), then games to watch (newest first). */
function byInterest(a: RoomSummary, b: RoomSummary): number {
  const open = (r: RoomSummary) => (r.phase === "waiting" && r.players < r.maxPlayers ? 0 : 1);
  return (
    open(a) - open(b) ||
    (open(a) === 0 ? b.players / b.maxPlayers - a.players / a.maxPlayers : 0) ||
    b.createdAt - a.createdAt
  );
}

/**
 * The lobby's domain core: players, quick match, rooms, games and chat. It
 * knows nothing about sockets; it reads and writes the store and tells the
 * transport what to send through `effects`.
 *
 * Every operation is one store transaction, so a multi-step change such as
 * "take a group off the queue and seat it" is never interleaved with another
 * change to the same players or rooms. Operations run in lanes (see
 * `RoomHints.scopeOf`): one player's requests in the order they came, side
 * by side with other players' as far as the store allows (one at a time in
 * memory, several over Redis). When operations wait too long, requests that
 * add work are refused rather than queued without bound (see `busy`).
 *
 * This class is the API; it composes the parts that run in this process:
 * `Operations` (lanes, transactions, load shedding), `RoomHints`,
 * `DeadlineSweep`, `NodeLiveness`, `Presence` and `ChatLimits`.
 */
export class Lobby implements LobbyRuntime {
  private readonly lanes: Lanes;
  private readonly hints: RoomHints;
  private readonly operations: Operations;
  private readonly chatLimits: ChatLimits;
  private readonly presence: Presence;
  private readonly deadlines: DeadlineSweep;
  private readonly liveness: NodeLiveness;

  constructor(readonly deps: LobbyDeps) {
    const concurrency = deps.store.parallel?.concurrency ?? 1;
    const forget = (playerId: string) => this.forget(playerId);
    this.lanes = new Lanes(deps.clock, concurrency);
    this.hints = new RoomHints(concurrency);
    this.presence = new Presence(deps, this.lanes);
    this.operations = new Operations(this, this.lanes, this.hints, () => this.presence.scheduleStats());
    this.chatLimits = new ChatLimits(deps.clock, deps.settings);
    this.deadlines = new DeadlineSweep(deps, this.operations, forget);
    this.liveness = new NodeLiveness(deps, this.operations, forget);
    this.presence.start();
    this.deadlines.start();
    this.liveness.start();
  }

  /** Part of LobbyRuntime: the presence figures last pushed to the lobby. */
  get lastStats(): LobbyStats | null {
    return this.presence.lastStats;
  }

  /**
   * A connection was accepted for a player: start their session, or resume
   * the kept one (same queue place and seat). `greet` runs before any state
   * is pushed. Resolves with whether the session was resumed.
   */
  connect(arrival: sessions.Arrival, greet: sessions.Greet = () => undefined): Promise<boolean> {
    this.hints.connected(arrival.id, arrival.connectionId);
    const identity = arrival.identity ? [laneNames.identity(arrival.identity.id)] : [];
    return this.operations.run(this.hints.scopeOf(arrival.id, ...identity), (ctx) =>
      sessions.arrive(ctx, arrival, greet),
    );
  }

  /**
   * The session a `rejoin` handshake of this identity takes over: its newest
   * one that is away holding a seat or a queue place, and that session's
   * token generation. A plain read, like the handshake's check of a session
   * token; the arrival checks the generation again in its transaction.
   */
  async rejoinTarget(claim: IdentityClaim): Promise<{ playerId: string; generation: number } | null> {
    const { store, clock } = this.deps;
    const identity = await claimedIdentity(store, clock.now(), claim);
    const player = identity && (await rejoinable(store, clock.now(), identity));
    return player ? { playerId: player.id, generation: player.tokenGeneration } : null;
  }

  /** The player's profile, by their device identity: ratings per mode and latest games. A plain read. */
  async profile(playerId: string): Promise<Profile> {
    const { store, games } = this.deps;
    const player = await store.getPlayer(playerId);
    if (!player?.identityId) return { ratings: [], history: [] };
    const modes = Object.keys(games) as ModeId[];
    const ratings = await Promise.all(modes.map((mode) => store.getRating(player.identityId, mode)));
    return {
      ratings: ratings.flatMap((record) => (record ? [modeRating(record)] : [])),
      history: (await store.history(player.identityId)).map(({ game: _game, ...entry }) => entry),
    };
  }

  /**
   * A mode's leaderboard: its highest ratings, the player's own row, and how
   * many ratings the mode has. Plain reads: a leaderboard may be a moment behind.
   */
  async leaderboard(playerId: string, mode: ModeId): Promise<Leaderboard> {
    const { store } = this.deps;
    const [board, player] = await Promise.all([store.leaderboard(mode, LEADERBOARD_LENGTH), store.getPlayer(playerId)]);
    const top = leaderboardRows(board.top);
    const own = player?.identityId ? await store.getRating(player.identityId, mode) : undefined;
    const you = !own
      ? null
      : (top.find((row) => row.identityId === own.identityId) ??
        leaderboardRow(own, 1 + (await store.countAbove(mode, own.value))));
    const shown = ({ identityId: _id, ...row }: RankedRow) => row;
    const youAt = own ? top.findIndex((row) => row.identityId === own.identityId) : -1;
    return {
      mode,
      top: top.map(shown),
      you: you && shown(you),
      youAt: youAt === -1 ? null : youAt,
      total: board.total,
    };
  }

  /**
   * Revoke a device identity: none of its tokens stands for anything any
   * more, so its next connection starts a new identity. Its sessions go on
   * until they end; a session resumed by its own token gets a new identity.
   */
  revokeIdentity(identityId: string): Promise<void> {
    return this.operations.run({ lanes: [laneNames.identity(identityId)] }, (ctx) =>
      ctx.store.deleteIdentity(identityId),
    );
  }

  /** An admin closes a room (see `rooms.closeByAdmin`); false when there is no such room. */
  closeRoom(roomId: string, reason: string): Promise<boolean> {
    return this.operations.run({ lanes: [laneNames.room(roomId)] }, (ctx) => rooms.closeByAdmin(ctx, roomId, reason));
  }

  /** An admin ends a session now (see `sessions.endNow`); false when there is no such session. */
  async endSession(playerId: string, how: { reason: "kicked" | "banned"; message: string }): Promise<boolean> {
    const ended = await this.operations.run(this.hints.scopeOf(playerId, laneNames.matchmaking), (ctx) =>
      sessions.endNow(ctx, playerId, how),
    );
    if (ended) this.forget(playerId);
    return ended;
  }

  /**
   * A connection closed. The player stays "away" for the reconnect grace
   * period, keeping their queue place and seat; ignored if another
   * connection has already taken the session over.
   */
  disconnect(playerId: string, connectionId: string): Promise<boolean> {
    // Figures are per connection: a player who comes back (maybe to another process) measures again.
    this.presence.forget(playerId);
    const scope = this.hints.scopeOf(playerId);
    this.hints.disconnected(playerId, connectionId);
    return this.operations.run(scope, async (ctx) => {
      const ended = await sessions.depart(ctx, playerId, connectionId);
      if (ended) ctx.afterCommit(() => this.forget(playerId));
      return ended;
    });
  }

  joinQueue(playerId: string, mode: ModeId, settle?: Settle<QueueStatus>): Promise<QueueStatus> {
    const scope = this.hints.scopeOf(playerId, laneNames.matchmaking);
    return this.operations.request(scope, (ctx) => matchmaker.joinQueue(ctx, playerId, mode), settle);
  }

  leaveQueue(playerId: string, settle?: Settle<QueueStatus>): Promise<QueueStatus> {
    const scope = this.hints.scopeOf(playerId, laneNames.matchmaking);
    return this.operations.run(scope, (ctx) => matchmaker.leaveQueue(ctx, playerId), settle);
  }

  createParty(playerId: string, settle?: Settle<PartyView>): Promise<PartyView> {
    return this.request(playerId, (ctx) => parties.createParty(ctx, playerId), settle);
  }

  joinParty(playerId: string, code: string, settle?: Settle<PartyView>): Promise<PartyView> {
    const scope = this.hints.scopeOf(playerId, laneNames.party(code), laneNames.matchmaking);
    return this.operations.request(scope, (ctx) => parties.joinParty(ctx, playerId, code), settle);
  }

  leaveParty(playerId: string, settle?: Settle<null>): Promise<null> {
    const scope = this.hints.scopeOf(playerId, laneNames.matchmaking);
    return this.operations.run(scope, (ctx) => parties.leaveParty(ctx, playerId), settle);
  }

  kickFromParty(playerId: string, targetId: string, settle?: Settle<null>): Promise<null> {
    const scope = this.hints.scopeOf(playerId, laneNames.matchmaking);
    return this.operations.request(scope, (ctx) => parties.kickFromParty(ctx, playerId, targetId), settle);
  }

  createRoom(
    playerId: string,
    mode: ModeId,
    settings: { maxPlayers: number; visibility: Visibility; rated?: boolean | undefined },
    settle?: Settle<RoomView>,
  ): Promise<RoomView> {
    return this.request(playerId, (ctx) => rooms.createRoom(ctx, playerId, mode, settings), settle);
  }

  joinRoom(playerId: string, code: string, settle?: Settle<RoomView>): Promise<RoomView> {
    return this.request(playerId, (ctx) => rooms.joinByCode(ctx, playerId, code), settle);
  }

  watchRoom(playerId: string, code: string, settle?: Settle<RoomView>): Promise<RoomView> {
    return this.request(playerId, (ctx) => rooms.watch(ctx, playerId, code), settle);
  }

  /** The player's room as it is now, for a client that missed a state (`room:sync`). */
  syncRoom(playerId: string, roomId: string, settle?: Settle<RoomView>): Promise<RoomView> {
    return this.request(playerId, (ctx) => rooms.sync(ctx, playerId, roomId), settle);
  }

  leaveRoom(playerId: string, settle?: Settle<null>): Promise<null> {
    return this.operations.run(this.hints.scopeOf(playerId), (ctx) => rooms.leave(ctx, playerId), settle);
  }

  setReady(playerId: string, ready: boolean, settle?: Settle<null>): Promise<null> {
    return this.request(playerId, (ctx) => rooms.setReady(ctx, playerId, ready), settle);
  }

  startGame(playerId: string, settle?: Settle<null>): Promise<null> {
    return this.request(playerId, (ctx) => rooms.start(ctx, playerId), settle);
  }

  updateSettings(
    playerId: string,
    settings: { maxPlayers?: number | undefined; visibility?: Visibility | undefined },
    settle?: Settle<null>,
  ): Promise<null> {
    return this.request(playerId, (ctx) => rooms.updateSettings(ctx, playerId, settings), settle);
  }

  kick(playerId: string, targetId: string, settle?: Settle<null>): Promise<null> {
    return this.request(playerId, (ctx) => rooms.kick(ctx, playerId, targetId), settle);
  }

  move(playerId: string, move: GameMove, settle?: Settle<{ version: number }>): Promise<{ version: number }> {
    return this.request(playerId, (ctx) => play.move(ctx, playerId, move), settle);
  }

  rematch(playerId: string, settle?: Settle<null>): Promise<null> {
    return this.request(playerId, (ctx) => play.rematch(ctx, playerId), settle);
  }

  /**
   * The rooms a player can join or watch (`toSummary`: public custom rooms
   * not finished) — at most `ROOM_LIST_LIMIT`, however many
   * exist: rooms with a free seat first (the fullest, then the newest),
   * then games to watch (the newest first) — and from now on
   * `rooms:upsert` / `rooms:remove` as they change.
   */
  subscribeRooms(playerId: string, settle?: Settle<RoomList>): Promise<RoomList> {
    return this.request(
      playerId,
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
  async sendChat(playerId: string, scope: ChatScope, text: string, settle?: Settle<ChatMessage>): Promise<ChatMessage> {
    if (this.busy) throw busyError();
    this.chatLimits.take(playerId);
    return this.request(playerId, (ctx) => sendChat(ctx, playerId, scope, text), settle);
  }

  /** Remember the round trip a player measured; rooms are told every `presenceIntervalMs`. */
  reportLatency(playerId: string, rttMs: number | null): { serverTime: number } {
    this.presence.noteLatency(playerId, rttMs);
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
    this.deadlines.close();
    this.liveness.close();
    this.presence.close();
    return this.lanes.idle();
  }

  /**
   * Whether this process is too far behind to take on more (see
   * `Operations.busy`): new players and requests that add work are then
   * refused with SERVER_BUSY.
   */
  get busy(): boolean {
    return this.operations.busy;
  }

  /** Part of LobbyRuntime: this process's timer for a deadline. */
  armDeadline(key: DeadlineKey, dueAt: number | null): void {
    this.deadlines.arm(key, dueAt);
  }

  /**
   * This process stopped for good (its connections are closed and their
   * departures committed): other nodes need not look after its players.
   */
  async leaveCluster(): Promise<void> {
    await this.idle();
    await this.liveness.leave();
  }

  /** A player's request that adds work, in their lanes: refused while the process is `busy`. */
  private request<T>(playerId: string, work: Work<T>, settle?: Settle<T>): Promise<T> {
    return this.operations.request(this.hints.scopeOf(playerId), work, settle);
  }

  /** A session ended: drop what this process kept for it. */
  private forget(playerId: string) {
    this.chatLimits.forget(playerId);
    this.presence.forget(playerId);
    this.hints.forget(playerId);
  }
}
