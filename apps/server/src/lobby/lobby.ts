import {
  ErrorCode,
  MODE_IDS,
  type GameMove,
  type LobbyStats,
  type ModeId,
  type QueueStatus,
  type ServerEventName,
  type ServerPayload,
} from "@lobby/contracts";
import type { Cancel, Clock } from "../core/clock";
import type { Logger } from "../core/logger";
import { randomId, type Random } from "../core/random";
import type { AnyGameDefinition } from "../games/game";
import { LobbyError } from "./lobby-error";
import {
  applyMove,
  createRoom,
  forfeitIfStillAway,
  isAbandoned,
  leaveSeat,
  markDisconnected,
  requestRematch,
  toRoomView,
} from "./match-room";
import type { PlayerRecord, RoomRecord } from "./records";
import type { LobbyStore } from "./store";

/** What the lobby asks the transport to do. Implemented over Socket.IO rooms. */
export interface LobbyEffects {
  joinRoom(playerId: string, roomId: string): void;
  leaveRoom(playerId: string, roomId: string): void;
  toPlayer<E extends ServerEventName>(playerId: string, event: E, payload: ServerPayload<E>): void;
  toRoom<E extends ServerEventName>(roomId: string, event: E, payload: ServerPayload<E>): void;
  toAll<E extends ServerEventName>(event: E, payload: ServerPayload<E>): void;
}

export interface LobbySettings {
  /** How long a disconnected player's seat is kept in a running game before it forfeits. */
  forfeitGraceMs: number;
  /** Presence figures are pushed at most this often. */
  statsIntervalMs: number;
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

/**
 * The lobby's domain core: players, quick-match queues and match rooms.
 * It knows nothing about sockets; it reads and writes the store and tells
 * the transport what to send through `effects`.
 *
 * Operations run one at a time (see `exclusive`), so a multi-step change
 * such as "take a group off the queue and seat it" is never interleaved with
 * another change to the same players or rooms.
 */
export class Lobby {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly graceTimers = new Map<string, Cancel>();
  private statsPending: Cancel | null = null;
  private closed = false;

  constructor(private readonly deps: LobbyDeps) {}

  /** A player's handshake was accepted. */
  connect(player: { id: string; name: string }): Promise<void> {
    return this.exclusive(async () => {
      await this.deps.store.putPlayer({
        ...player,
        connectedAt: this.deps.clock.now(),
        location: { kind: "idle" },
      });
      this.scheduleStats();
    });
  }

  /** A player's connection closed: leave every queue at once, keep a running seat for the grace period. */
  disconnect(playerId: string): Promise<void> {
    return this.exclusive(async () => {
      const player = await this.deps.store.getPlayer(playerId);
      if (!player) return;
      const { location } = player;
      if (location.kind === "queued") {
        await this.deps.store.dequeue(location.mode, playerId);
      } else if (location.kind === "seated") {
        const room = await this.deps.store.getRoom(location.roomId);
        if (room) {
          const graceEndsAt = this.deps.clock.now() + this.deps.settings.forfeitGraceMs;
          const next = markDisconnected(room, playerId, graceEndsAt);
          if (next.seats.some((s) => s.playerId === playerId && s.status === "disconnected")) {
            this.startGraceTimer(room.id, playerId);
          }
          await this.saveRoom(next);
        }
      }
      await this.deps.store.deletePlayer(playerId);
      this.scheduleStats();
    });
  }

  /** Quick match: wait in a mode's queue; seat a group as soon as one is complete. */
  joinQueue(playerId: string, mode: ModeId): Promise<QueueStatus> {
    return this.exclusive(async () => {
      const player = await this.requirePlayer(playerId);
      if (player.location.kind === "queued") {
        throw new LobbyError(ErrorCode.AlreadyQueued, "You are already waiting for a match.");
      }
      if (player.location.kind === "seated") {
        throw new LobbyError(ErrorCode.AlreadySeated, "You are already in a match room.");
      }
      const game = this.game(mode);
      const joinedAt = this.deps.clock.now();
      await this.deps.store.enqueue(mode, { playerId, joinedAt });
      await this.deps.store.putPlayer({ ...player, location: { kind: "queued", mode, joinedAt } });
      this.deps.effects.toPlayer(playerId, "queue:status", { state: "queued", mode, joinedAt });
      const seatedIn = await this.matchWaitingPlayers(game);
      this.scheduleStats();
      const roomId = seatedIn.get(playerId);
      return roomId ? { state: "matched", mode, roomId } : { state: "queued", mode, joinedAt };
    });
  }

  /** Stop waiting in the queue. */
  leaveQueue(playerId: string): Promise<QueueStatus> {
    return this.exclusive(async () => {
      const player = await this.requirePlayer(playerId);
      if (player.location.kind !== "queued") {
        throw new LobbyError(ErrorCode.NotQueued, "You are not waiting for a match.");
      }
      await this.deps.store.dequeue(player.location.mode, playerId);
      await this.deps.store.putPlayer({ ...player, location: { kind: "idle" } });
      this.deps.effects.toPlayer(playerId, "queue:status", { state: "idle" });
      this.scheduleStats();
      return { state: "idle" };
    });
  }

  /** Make a move in the player's current game. */
  move(playerId: string, move: GameMove): Promise<{ version: number }> {
    return this.exclusive(async () => {
      const room = await this.requireRoomOf(playerId);
      const next = applyMove(room, this.game(room.mode), playerId, move);
      await this.saveRoom(next);
      return { version: next.version };
    });
  }

  /** Ask to play again with the same group. */
  rematch(playerId: string): Promise<null> {
    return this.exclusive(async () => {
      const room = await this.requireRoomOf(playerId);
      await this.saveRoom(requestRematch(room, this.game(room.mode), playerId, this.deps.random));
      return null;
    });
  }

  /** Leave the match room; leaving a running game forfeits it. */
  leaveRoom(playerId: string): Promise<null> {
    return this.exclusive(async () => {
      const player = await this.requirePlayer(playerId);
      const room = await this.requireRoomOf(playerId);
      const next = leaveSeat(room, playerId);
      await this.deps.store.putPlayer({ ...player, location: { kind: "idle" } });
      this.deps.effects.leaveRoom(playerId, room.id);
      await this.saveRoom(next);
      return null;
    });
  }

  /** Players online and waiting per queue. */
  async stats(): Promise<LobbyStats> {
    const queues = {} as Record<ModeId, number>;
    for (const mode of MODE_IDS) queues[mode] = await this.deps.store.queueLength(mode);
    return { online: await this.deps.store.countPlayers(), queues };
  }

  /** Stop every timer. Pending operations still finish. */
  close(): Promise<void> {
    this.closed = true;
    for (const cancel of this.graceTimers.values()) cancel();
    this.graceTimers.clear();
    this.statsPending?.();
    this.statsPending = null;
    return this.exclusive(() => Promise.resolve());
  }

  /**
   * Run one operation after every earlier one has finished. This is the
   * lobby's only concurrency control; a networked store will need atomic
   * operations of its own for work spread over several processes.
   */
  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.tail.then(operation);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async matchWaitingPlayers(game: AnyGameDefinition): Promise<Map<string, string>> {
    const { store, clock, random, effects } = this.deps;
    const seated = new Map<string, string>();
    for (;;) {
      const group = await store.takeGroup(game.mode.id, game.mode.quickMatchPlayers);
      if (group.length === 0) return seated;
      const players: PlayerRecord[] = [];
      for (const entry of group) {
        const player = await store.getPlayer(entry.playerId);
        if (player) players.push(player);
      }
      // A queue entry without a player cannot happen (disconnect dequeues
      // first), but never seat a partial group if it somehow did.
      if (players.length < game.mode.quickMatchPlayers) {
        this.deps.logger.error("queue entry without a player", { mode: game.mode.id });
        for (const p of players) await store.enqueue(game.mode.id, { playerId: p.id, joinedAt: clock.now() });
        return seated;
      }
      const room = createRoom({ id: randomId(random), game, players, now: clock.now(), random });
      for (const player of players) {
        await store.putPlayer({ ...player, location: { kind: "seated", roomId: room.id } });
        effects.joinRoom(player.id, room.id);
        effects.toPlayer(player.id, "queue:status", { state: "matched", mode: room.mode, roomId: room.id });
        seated.set(player.id, room.id);
      }
      await this.saveRoom(room);
    }
  }

  /** Persist a room and push its state, or destroy it once everyone has left. */
  private async saveRoom(room: RoomRecord): Promise<void> {
    if (isAbandoned(room)) {
      await this.deps.store.deleteRoom(room.id);
      for (const seat of room.seats) this.stopGraceTimer(room.id, seat.playerId);
      return;
    }
    await this.deps.store.putRoom(room);
    const game = this.game(room.mode);
    if (!game.hidesInformation) {
      this.deps.effects.toRoom(room.id, "room:state", toRoomView(room, game, null));
      return;
    }
    room.seats.forEach((seat, index) => {
      if (seat.status === "connected") {
        this.deps.effects.toPlayer(seat.playerId, "room:state", toRoomView(room, game, index));
      }
    });
  }

  private startGraceTimer(roomId: string, playerId: string) {
    const key = `${roomId}:${playerId}`;
    this.graceTimers.get(key)?.();
    const cancel = this.deps.clock.setTimeout(() => {
      this.graceTimers.delete(key);
      this.exclusive(async () => {
        const room = await this.deps.store.getRoom(roomId);
        if (!room) return;
        const next = forfeitIfStillAway(room, playerId);
        if (next !== room) await this.saveRoom(next);
      }).catch((error: unknown) => {
        this.deps.logger.error("grace timer failed", { roomId, playerId, error: String(error) });
      });
    }, this.deps.settings.forfeitGraceMs);
    this.graceTimers.set(key, cancel);
  }

  private stopGraceTimer(roomId: string, playerId: string) {
    const key = `${roomId}:${playerId}`;
    this.graceTimers.get(key)?.();
    this.graceTimers.delete(key);
  }

  private scheduleStats() {
    if (this.statsPending || this.closed) return;
    this.statsPending = this.deps.clock.setTimeout(() => {
      this.statsPending = null;
      this.exclusive(async () => {
        this.deps.effects.toAll("lobby:stats", await this.stats());
      }).catch((error: unknown) => {
        this.deps.logger.error("stats broadcast failed", { error: String(error) });
      });
    }, this.deps.settings.statsIntervalMs);
  }

  private game(mode: ModeId): AnyGameDefinition {
    const game = this.deps.games[mode];
    if (!game) throw new LobbyError(ErrorCode.UnknownMode, `There is no game mode "${mode}".`);
    return game;
  }

  private async requirePlayer(playerId: string): Promise<PlayerRecord> {
    const player = await this.deps.store.getPlayer(playerId);
    if (!player) throw new LobbyError(ErrorCode.Internal, "Your session is not known to the lobby.");
    return player;
  }

  private async requireRoomOf(playerId: string): Promise<RoomRecord> {
    const player = await this.requirePlayer(playerId);
    if (player.location.kind !== "seated") {
      throw new LobbyError(ErrorCode.NotInRoom, "You are not in a match room.");
    }
    const room = await this.deps.store.getRoom(player.location.roomId);
    if (!room) throw new LobbyError(ErrorCode.NotInRoom, "Your match room no longer exists.");
    return room;
  }
}
