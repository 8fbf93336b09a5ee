import { ErrorCode, type ChatMessage, type LobbyStats, type ModeId, type RoomView } from "@lobby/contracts";
import type { Metrics } from "../metrics/metrics";
import { LiveExample } from "../core/live-example";
import { randomId } from "../core/random";
import type { AnyGameDefinition } from "../games/game";
import { channels } from "./channels";
import { deadlineKey, type DeadlineKey } from "./deadline-key";
import { HeldEffects, type LobbyEffects } from "./effects";
import { LobbyError } from "./lobby-error";
import { addSeat, heldSeat, isAbandoned, markDisconnected } from "./match-room";
import { partyView } from "./parties";
import { presenceOf } from "./presence";
import { publicRatingOf, recordResult } from "./ratings";
import type { PlayerLocation, PlayerRecord, RoomRecord } from "./records";
import { toRoomDelta, toRoomView, toSummary } from "./room-view";
import type { LobbyDeps, LobbyRuntime } from "./runtime";
import type { StoreTx } from "./store";

/** Room chat lines a room keeps. */
const ROOM_CHAT_HISTORY = 50;

/** Every operation makes a context and drops it: the latest stays reachable so V8 keeps its layout (see `LiveExample`). */
const contexts = new LiveExample<LobbyContext>();

/**
 * One attempt at one lobby operation: its transaction, and everything it
 * decided to tell players or to time, held back until the transaction
 * commits. An attempt that loses a race to another process is thrown away
 * with all it would have sent, and the operation runs again.
 */
export class LobbyContext {
  private readonly outbox: (() => void)[] = [];
  private readonly pendingChat = new Map<string, ChatMessage[]>();
  /** The player whose answer is their room's view (`answerWithRoom`), and that view once the room is saved. */
  private answering: string | null = null;
  private answerView: RoomView | null = null;
  /** Parties whose members must hear the party's new state once the operation's work is done. */
  private readonly touchedParties = new Set<string>();
  /** Sends through the transport once the transaction has committed. */
  readonly effects: LobbyEffects;

  constructor(
    private readonly runtime: LobbyRuntime,
    /** This operation's transaction. */
    readonly store: StoreTx,
  ) {
    this.effects = new HeldEffects(runtime.deps.effects, this.outbox);
    contexts.keep(this);
  }

  get deps(): LobbyDeps {
    return this.runtime.deps;
  }

  /** Run `fn` once the transaction has committed, in order with the effects. */
  afterCommit(fn: () => void): void {
    this.outbox.push(fn);
  }

  /**
   * The party changed, or where one of its members is: its members hear its
   * state once this operation's work is done (`flushParties`), once however
   * many changes it made.
   */
  touchParty(partyId: string): void {
    this.touchedParties.add(partyId);
  }

  /** The operation's work is done: push each touched party's state, as of now, to its members. */
  async flushParties(): Promise<void> {
    for (const id of this.touchedParties) {
      const party = await this.store.getParty(id);
      if (party) this.effects.toChannel(channels.party(id), "party:state", await partyView(this.store, party));
    }
    this.touchedParties.clear();
  }

  /** Report to the metrics once the transaction has committed (an attempt thrown away reports nothing). */
  report(what: (metrics: Metrics) => void): void {
    const { metrics } = this.deps;
    if (metrics) this.afterCommit(() => what(metrics));
  }

  /** The transaction committed: carry out what the operation decided. */
  commit(): void {
    for (const fn of this.outbox) fn();
  }

  now(): number {
    return this.deps.clock.now();
  }

  id(length = 12): string {
    return randomId(this.deps.random, length);
  }

  game(mode: ModeId): AnyGameDefinition {
    const game = this.deps.games[mode];
    if (!game) throw new LobbyError(ErrorCode.UnknownMode, `There is no game mode "${mode}".`);
    return game;
  }

  /** Players online and waiting per queue (plain reads: figures need no consistency with this operation). */
  presence(): Promise<LobbyStats> {
    return presenceOf(this.deps.store);
  }

  /**
   * Record when the work behind `key` is due, for every process to see, and
   * arm this process's timer for it once the transaction commits.
   */
  deadline(key: DeadlineKey, dueAt: number | null): void {
    this.store.setDeadline(deadlineKey.encode(key), dueAt);
    this.afterCommit(() => this.runtime.armDeadline(key, dueAt));
  }

  async requirePlayer(playerId: string): Promise<PlayerRecord> {
    const player = await this.store.getPlayer(playerId);
    if (!player) throw new LobbyError(ErrorCode.Internal, "Your session is not known to the lobby.");
    return player;
  }

  /** The player and the room they are seated in (spectators are refused with SPECTATOR). */
  async requireSeat(playerId: string): Promise<{ player: PlayerRecord; room: RoomRecord }> {
    const player = await this.requirePlayer(playerId);
    if (player.location.kind === "watching") {
      throw new LobbyError(ErrorCode.Spectator, "Spectators can watch but not play.");
    }
    if (player.location.kind !== "seated") {
      throw new LobbyError(ErrorCode.NotInRoom, "You are not in a room.");
    }
    const room = await this.store.getRoom(player.location.roomId);
    if (!room) throw new LobbyError(ErrorCode.NotInRoom, "Your room no longer exists.");
    return { player, room };
  }

  /** Refuse a player who is already queued or in a room. */
  assertFree(player: PlayerRecord): void {
    const { kind } = player.location;
    if (kind === "queued") throw new LobbyError(ErrorCode.AlreadyQueued, "You are already waiting for a match.");
    if (kind === "seated" || kind === "watching") {
      throw new LobbyError(ErrorCode.AlreadySeated, "You are already in a room.");
    }
  }

  async moveTo(player: PlayerRecord, location: PlayerLocation): Promise<void> {
    const wasIn = roomOf(player.location);
    const nowIn = roomOf(location);
    await this.savePlayer({ ...player, location });
    if (wasIn !== null && nowIn === null) {
      this.effects.leave(player.id, channels.room(wasIn));
      this.effects.join(player.id, channels.lobby);
      const { lastStats } = this.runtime;
      if (lastStats) this.effects.toPlayer(player.id, "lobby:stats", lastStats);
    } else if (wasIn === null && nowIn !== null) {
      this.effects.leave(player.id, channels.lobby);
    }
    if (nowIn !== null) this.effects.join(player.id, channels.room(nowIn));
  }

  /**
   * Seat a player in a room before its start. With `announce` (the default)
   * the room's chat says so; quick match announces a whole group at once.
   */
  async seat(room: RoomRecord, player: PlayerRecord, announce = true): Promise<RoomRecord> {
    // What was said before this player arrived; anything still pending reaches them with the save.
    if (player.id !== this.answering) this.sendHistory(player.id, room);
    const rating = await publicRatingOf(this.store, player.identityId, room.mode);
    const { id, name, identityId, partyId } = player;
    let next = addSeat(room, { id, name, identityId, partyId, rating }, this.now());
    // Matched while away (a reload in the queue): the seat waits for them like any dropped seat.
    if (player.awayUntil !== null) next = markDisconnected(next, player.id, player.awayUntil);
    if (announce) next = this.say(next, `${player.name} joined.`);
    await this.moveTo(player, { kind: "seated", roomId: room.id });
    return next;
  }

  /**
   * Send a newcomer the room's chat so far: the messages already sent to the
   * room (pending ones follow in the `room:state` that saving the room sends). An
   * empty history is not sent; the client starts a room with none.
   */
  sendHistory(playerId: string, room: RoomRecord): void {
    if (playerId === this.answering) return;
    const pending = this.pendingChat.get(room.id)?.length ?? 0;
    const messages = pending > 0 ? room.chat.slice(0, -pending) : room.chat;
    if (messages.length === 0) return;
    this.effects.toPlayer(playerId, "chat:history", { scope: "room", roomId: room.id, messages });
  }

  /** Append a system message to the room's chat; it goes out with the room's state when the room is saved. */
  say(room: RoomRecord, text: string): RoomRecord {
    return this.appendChat(room, { kind: "system", from: null, text });
  }

  appendChat(room: RoomRecord, message: Pick<ChatMessage, "kind" | "from" | "text">): RoomRecord {
    // Strictly later than the room's last line, so every client sorts the room's chat in commit order
    // even when nodes' clocks disagree or two lines land in the same millisecond.
    const at = Math.max(this.now(), (room.chat[room.chat.length - 1]?.at ?? 0) + 1);
    const { kind, from, text } = message;
    const full: ChatMessage = { kind, from, text, id: this.id(), scope: "room", roomId: room.id, at };
    const pending = this.pendingChat.get(room.id) ?? [];
    pending.push(full);
    this.pendingChat.set(room.id, pending);
    return { ...room, chat: [...room.chat, full].slice(-ROOM_CHAT_HISTORY) };
  }

  /** Persist a room whose only change is chat, and send the new messages (not to `sender`: the answer carries theirs). */
  async postChat(room: RoomRecord, sender: string): Promise<void> {
    await this.store.putRoom(room);
    for (const message of this.pendingChat.get(room.id) ?? []) {
      this.effects.toChannel(channels.room(room.id), "chat:message", message, sender);
    }
    this.pendingChat.delete(room.id);
  }

  /**
   * This operation answers `playerId`, who is coming into a room, with the
   * room's view: saving the room then keeps that view (with the room's
   * recent chat, which replaces their `chat:history`) for `roomAnswer`
   * instead of pushing it to them as well.
   */
  answerWithRoom(playerId: string): void {
    this.answering = playerId;
  }

  /** The view `answerWithRoom` asked for, as the room was saved. */
  roomAnswer(): RoomView {
    if (!this.answerView) throw new LobbyError(ErrorCode.Internal, "The room was not saved.");
    return this.answerView;
  }

  /** Persist a room and push it to its members, or destroy it once no player is left. */
  async saveRoom(saved: RoomRecord): Promise<void> {
    const before = await this.store.getRoom(saved.id);
    // The game just ended: on the players' records (and ratings) in this same transaction, exactly once.
    const changed = before?.phase === "playing" && saved.phase === "finished" ? await recordResult(this, saved) : saved;
    if (isAbandoned(changed)) {
      await this.destroyRoom(changed, before);
      return;
    }
    const room = { ...this.withTickDue(changed), seq: (before?.seq ?? -1) + 1 };
    await this.store.putRoom(room);
    const game = this.game(room.mode);
    const channel = channels.room(room.id);
    // The lines this operation added go in the state's frame: one push per member, not one per line too.
    const chat = this.pendingChat.get(room.id);
    this.pendingChat.delete(room.id);
    const view = (viewer: number | null): RoomView => toRoomView(room, game, viewer, chat);
    // The player this operation answers with the room gets it (and the room's recent chat) there, not pushed too.
    const answering = this.answering;
    const answered =
      answering !== null &&
      (room.seats.some((s) => s.playerId === answering) || room.spectators.some((s) => s.playerId === answering));
    if (answered) {
      const seat = heldSeat(room, answering);
      const viewer = game.hidesInformation && seat >= 0 ? seat : null;
      this.answerView = toRoomView(room, game, viewer, room.chat.length > 0 ? room.chat : undefined);
    }
    const except = answered ? (answering ?? undefined) : undefined;
    // Only the running game changed (a tick, a move): what changed, not the whole state.
    const delta = answered || chat ? null : toRoomDelta(before, room, game);
    if (delta) {
      this.effects.toChannel(channel, "room:delta", delta);
    } else if (!game.hidesInformation) {
      this.effects.toChannel(channel, "room:state", view(null), except);
    } else {
      room.seats.forEach((seat, index) => {
        if (seat.status === "connected" && seat.playerId !== except) {
          this.effects.toPlayer(seat.playerId, "room:state", view(index));
        }
      });
      for (const s of room.spectators) {
        if (s.playerId !== except) this.effects.toPlayer(s.playerId, "room:state", view(null));
      }
    }
    this.publishListing(before, room);
    this.reconcileTimers(room, before);
  }

  /** A real-time game in play always has its next tick due; no other room has one. */
  private withTickDue(room: RoomRecord): RoomRecord {
    const { tickMs } = this.game(room.mode);
    if (room.phase === "playing" && tickMs) {
      return room.tickAt === null ? { ...room, tickAt: this.now() + tickMs } : room;
    }
    return room.tickAt === null ? room : { ...room, tickAt: null };
  }

  private async destroyRoom(room: RoomRecord, before: RoomRecord | undefined): Promise<void> {
    this.pendingChat.delete(room.id);
    for (const spectator of room.spectators) {
      const player = await this.store.getPlayer(spectator.playerId);
      if (player) await this.moveTo(player, { kind: "idle" });
      this.effects.toPlayer(spectator.playerId, "room:kicked", {
        roomId: room.id,
        reason: "The room closed: every player has left.",
      });
    }
    await this.store.deleteRoom(room.id);
    await this.store.releaseCode(room.code);
    this.deadline(deadlineKey.room(room.id), null);
    if (before && toSummary(before)) this.effects.toChannel(channels.directory, "rooms:remove", { roomId: room.id });
  }

  /** Tell room-browser subscribers about a change, but only when the listing itself changed. */
  private publishListing(before: RoomRecord | undefined, room: RoomRecord): void {
    const was = before ? toSummary(before) : null;
    const now = toSummary(room);
    if (!now) {
      if (was) this.effects.toChannel(channels.directory, "rooms:remove", { roomId: room.id });
      return;
    }
    if (was && sameSummary(was, now)) return;
    this.effects.toChannel(channels.directory, "rooms:upsert", now);
  }

  /**
   * Make the room's deadline match its state: the countdown's end, or the
   * next tick of a real-time game; nothing to do when `before` had the same.
   * Without `before` the timer is armed again, for a timer that fired a
   * little early: Node's timers run on a monotonic clock and may fire a
   * millisecond before `Date.now()` reaches the due time.
   */
  reconcileTimers(room: RoomRecord, before?: RoomRecord): void {
    const dueAt = roomDueAt(room);
    if (before && roomDueAt(before) === dueAt) return;
    this.deadline(deadlineKey.room(room.id), dueAt);
  }

  /**
   * Persist a player and keep their session-expiry deadline in step with
   * `awayUntil`; their party hears where they are now.
   */
  async savePlayer(player: PlayerRecord): Promise<void> {
    const before = await this.store.getPlayer(player.id);
    await this.store.putPlayer(player);
    if (before?.awayUntil !== player.awayUntil) this.deadline(deadlineKey.player(player.id), player.awayUntil);
    const moved =
      before?.location.kind !== player.location.kind || (before.awayUntil === null) !== (player.awayUntil === null);
    if (player.partyId && moved) this.touchParty(player.partyId);
  }
}

/** When a room's next timed step is due: its countdown's end, or a real-time game's next tick. */
export function roomDueAt(room: RoomRecord): number | null {
  if (room.phase === "countdown") return room.countdownEndsAt;
  return room.phase === "playing" ? room.tickAt : null;
}

/** The room a player is seated in or watching, if any. */
export function roomOf(location: PlayerLocation): string | null {
  return location.kind === "seated" || location.kind === "watching" ? location.roomId : null;
}

function sameSummary(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  return Object.keys(left).every((key) => left[key] === right[key]);
}
