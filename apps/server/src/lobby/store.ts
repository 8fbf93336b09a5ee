import type { ModeId } from "@lobby/contracts";
import type { PlayerRecord, QueueEntry, RoomRecord } from "./records";

/**
 * Lobby state: players, queues, rooms and invite codes. Every method is
 * async so a networked store (Redis) can stand in for the in-memory one
 * without the lobby or the socket handlers changing. Records go in and come
 * out as copies: changing a returned record changes nothing until it is put
 * back.
 */
export interface LobbyStore {
  getPlayer(id: string): Promise<PlayerRecord | undefined>;
  putPlayer(player: PlayerRecord): Promise<void>;
  deletePlayer(id: string): Promise<void>;
  countPlayers(): Promise<number>;
  listPlayerIds(): Promise<string[]>;

  /** Append to the back of a mode's queue. */
  enqueue(mode: ModeId, entry: QueueEntry): Promise<void>;
  /** Remove a player from a mode's queue; false if they were not in it. */
  dequeue(mode: ModeId, playerId: string): Promise<boolean>;
  /** Atomically take up to `max` longest-waiting entries, or none if fewer than `min` wait. */
  takeGroup(mode: ModeId, min: number, max: number): Promise<QueueEntry[]>;
  /** The longest-waiting entry, if any. */
  peekQueue(mode: ModeId): Promise<QueueEntry | undefined>;
  queueLength(mode: ModeId): Promise<number>;
  /** Every entry of a mode's queue, longest-waiting first. */
  listQueue(mode: ModeId): Promise<QueueEntry[]>;

  getRoom(id: string): Promise<RoomRecord | undefined>;
  putRoom(room: RoomRecord): Promise<void>;
  deleteRoom(id: string): Promise<void>;
  listRoomIds(): Promise<string[]>;
  /** Rooms that quick match may seat players in (`isOpenForQuickMatch`), oldest first. */
  openRoomIds(mode: ModeId): Promise<string[]>;

  /** Atomically claim an invite code for a room; false if a live room holds it. */
  claimCode(code: string, roomId: string): Promise<boolean>;
  releaseCode(code: string): Promise<void>;
  roomIdByCode(code: string): Promise<string | undefined>;
}
