import {
  ErrorCode,
  MODE_IDS,
  type ChatMessage,
  type LobbyStats,
  type ModeId,
  type ServerEventName,
  type ServerPayload,
} from "@lobby/contracts";
import type { Clock } from "../core/clock";
import type { Logger } from "../core/logger";
import { randomId, type Random } from "../core/random";
import { Timers } from "../core/timers";
import type { AnyGameDefinition } from "../games/game";
import { channels } from "./channels";
import { LobbyError } from "./lobby-error";
import { addSeat, isAbandoned, markDisconnected } from "./match-room";
import type { PlayerLocation, PlayerRecord, RoomRecord } from "./records";
import { toRoomView, toSummary } from "./room-view";
import type { LobbyStore } from "./store";

/** What the lobby asks the transport to do. Implemented over Socket.IO rooms. */
export interface LobbyEffects {
  join(playerId: string, channel: string): void;
  leave(playerId: string, channel: string): void;
  toPlayer<E extends ServerEventName>(playerId: string, event: E, payload: ServerPayload<E>): void;
  toChannel<E extends ServerEventName>(channel: string, event: E, payload: ServerPayload<E>): void;
  toAll<E extends ServerEventName>(event: E, payload: ServerPayload<E>): void;
}

export interface LobbySettings {
  /** How long a dropped player's session — queue place, seat — waits for them to come back. */
  reconnectGraceMs: number;
  /** Presence figures are pushed at most this often. */
  statsIntervalMs: number;
  /** Length of the countdown before every game. */
  countdownMs: number;
  /** How long `minPlayers` must wait before quick match starts a room below `quickMatchPlayers`. */
  quickMatchWaitMs: number;
  /** Chat: burst size and the time to earn back one message. */
  chatBurst: number;
  chatRefillMs: number;
  /** How often each room is told its players' round-trip times. */
  presenceIntervalMs: number;
}

export interface LobbyDeps {
  store: LobbyStore;
  clock: Clock;
  random: Random;
  games: Record<ModeId, AnyGameDefinition>;
  effects: LobbyEffects;
  settings: LobbySettings;
  logger: Logger;
}

/** Scheduled work re-enters the lobby through this, so it runs one operation at a time. */
export type Schedule = (label: string, operation: () => Promise<void>) => void;

const ROOM_CHAT_HISTORY = 50;

/**
 * State and helpers shared by the lobby's operations. Timers are reconciled
 * from the room's state on every save, so a room's countdown, ticks and
 * grace periods always match what the store says.
 */
export class LobbyContext {
  readonly timers: Timers;
  /** The latest lobby-wide chat messages, oldest first (kept per process). */
  readonly lobbyChat: ChatMessage[] = [];
  /** The presence figures last pushed to the lobby, for players who come back to it. */
  lastStats: LobbyStats | null = null;
  private readonly pendingChat = new Map<string, ChatMessage[]>();
  private readonly listed = new Map<string, string>();

  constructor(
    readonly deps: LobbyDeps,
    /** Run scheduled work as a lobby operation (one at a time, errors logged). */
    readonly scheduleOperation: Schedule,
    private readonly onTimer: {
      countdownEnded(roomId: string): Promise<void>;
      tick(roomId: string): Promise<void>;
      sessionExpired(playerId: string): Promise<void>;
    },
  ) {
    this.timers = new Timers(deps.clock);
  }

  get store() {
    return this.deps.store;
  }

  get effects() {
    return this.deps.effects;
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

  /** Players online and waiting per queue. */
  async presence(): Promise<LobbyStats> {
    const queues = {} as Record<ModeId, number>;
    for (const mode of MODE_IDS) queues[mode] = await this.store.queueLength(mode);
    return { online: await this.store.countPlayers(), queues };
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
    const was = player.location;
    await this.savePlayer({ ...player, location });
    const inRoom = (l: PlayerLocation) => l.kind === "seated" || l.kind === "watching";
    if (inRoom(was) && !inRoom(location)) {
      this.effects.leave(player.id, channels.room((was as { roomId: string }).roomId));
      this.effects.join(player.id, channels.lobby);
      if (this.lastStats) this.effects.toPlayer(player.id, "lobby:stats", this.lastStats);
    } else if (!inRoom(was) && inRoom(location)) {
      this.effects.leave(player.id, channels.lobby);
    }
    if (inRoom(location)) {
      const roomId = (location as { roomId: string }).roomId;
      this.effects.join(player.id, channels.room(roomId));
    }
  }

  /**
   * Seat a player in a room before its start. With `announce` (the default)
   * the room's chat says so; quick match announces a whole group at once.
   */
  async seat(room: RoomRecord, player: PlayerRecord, announce = true): Promise<RoomRecord> {
    // What was said before this player arrived; anything still pending reaches them with the save.
    this.sendHistory(player.id, room);
    let next = addSeat(room, player, this.now());
    // Matched while away (a reload in the queue): the seat waits for them like any dropped seat.
    if (player.awayUntil !== null) next = markDisconnected(next, player.id, player.awayUntil);
    if (announce) next = this.say(next, `${player.name} joined.`);
    await this.moveTo(player, { kind: "seated", roomId: room.id });
    return next;
  }

  /**
   * Send a newcomer the room's chat so far: the messages already sent to the
   * room (pending ones follow as `chat:message` when the room is saved). An
   * empty history is not sent; the client starts a room with none.
   */
  sendHistory(playerId: string, room: RoomRecord): void {
    const pending = this.pendingChat.get(room.id)?.length ?? 0;
    const messages = pending > 0 ? room.chat.slice(0, -pending) : room.chat;
    if (messages.length === 0) return;
    this.effects.toPlayer(playerId, "chat:history", { scope: "room", roomId: room.id, messages });
  }

  /** Append a system message to the room's chat; it is sent when the room is saved. */
  say(room: RoomRecord, text: string): RoomRecord {
    return this.appendChat(room, { kind: "system", from: null, text });
  }

  appendChat(
    room: RoomRecord,
    message: Pick<ChatMessage, "kind" | "from" | "text">,
  ): RoomRecord {
    const full: ChatMessage = { ...message, id: this.id(), scope: "room", roomId: room.id, at: this.now() };
    const pending = this.pendingChat.get(room.id) ?? [];
    pending.push(full);
    this.pendingChat.set(room.id, pending);
    return { ...room, chat: [...room.chat, full].slice(-ROOM_CHAT_HISTORY) };
  }

  /** Persist a room whose only change is chat, and send the new messages. */
  async postChat(room: RoomRecord): Promise<void> {
    await this.store.putRoom(room);
    this.flushChat(room.id);
  }

  private flushChat(roomId: string): void {
    for (const message of this.pendingChat.get(roomId) ?? []) {
      this.effects.toChannel(channels.room(roomId), "chat:message", message);
    }
    this.pendingChat.delete(roomId);
  }

  /** Persist a room and push it to its members, or destroy it once no player is left. */
  async saveRoom(room: RoomRecord): Promise<void> {
    if (isAbandoned(room)) {
      await this.destroyRoom(room);
      return;
    }
    await this.store.putRoom(room);
    const game = this.game(room.mode);
    const channel = channels.room(room.id);
    if (!game.hidesInformation) {
      this.effects.toChannel(channel, "room:state", toRoomView(room, game, null));
    } else {
      room.seats.forEach((seat, index) => {
        if (seat.status === "connected") {
          this.effects.toPlayer(seat.playerId, "room:state", toRoomView(room, game, index));
        }
      });
      for (const s of room.spectators) this.effects.toPlayer(s.playerId, "room:state", toRoomView(room, game, null));
    }
    this.flushChat(room.id);
    this.publishListing(room);
    this.reconcileTimers(room);
  }

  private async destroyRoom(room: RoomRecord): Promise<void> {
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
    this.timers.clearPrefix(`room:${room.id}:`);
    if (this.listed.delete(room.id)) this.effects.toChannel(channels.directory, "rooms:remove", { roomId: room.id });
  }

  /** Tell room-browser subscribers about a change, but only when the listing itself changed. */
  private publishListing(room: RoomRecord): void {
    const summary = toSummary(room);
    if (!summary) {
      if (this.listed.delete(room.id)) this.effects.toChannel(channels.directory, "rooms:remove", { roomId: room.id });
      return;
    }
    const key = JSON.stringify(summary);
    if (this.listed.get(room.id) === key) return;
    this.listed.set(room.id, key);
    this.effects.toChannel(channels.directory, "rooms:upsert", summary);
  }

  /**
   * Make the room's timers match its state. Also used when a timer fired a
   * little early: Node's timers run on a monotonic clock and may fire a
   * millisecond before `Date.now()` reaches the due time.
   */
  reconcileTimers(room: RoomRecord): void {
    const prefix = `room:${room.id}:`;
    if (room.phase === "countdown" && room.countdownEndsAt !== null) {
      this.timers.ensure(`${prefix}countdown`, room.countdownEndsAt, () =>
        this.scheduleOperation("countdown", () => this.onTimer.countdownEnded(room.id)),
      );
    } else {
      this.timers.clear(`${prefix}countdown`);
    }
    const { tickMs } = this.game(room.mode);
    if (room.phase === "playing" && tickMs) {
      if (!this.timers.has(`${prefix}tick`)) {
        this.timers.ensure(`${prefix}tick`, this.now() + tickMs, () =>
          this.scheduleOperation("tick", () => this.onTimer.tick(room.id)),
        );
      }
    } else {
      this.timers.clear(`${prefix}tick`);
    }
  }

  /** Persist a player and keep their session-expiry timer in step with `awayUntil`. */
  async savePlayer(player: PlayerRecord): Promise<void> {
    await this.store.putPlayer(player);
    const key = `player:${player.id}:expiry`;
    if (player.awayUntil === null) {
      this.timers.clear(key);
      return;
    }
    this.timers.ensure(key, player.awayUntil, () =>
      this.scheduleOperation("session expiry", () => this.onTimer.sessionExpired(player.id)),
    );
  }
}
