import type { ModeId } from "@lobby/contracts";
import type { PlayerRecord, QueueEntry, RoomRecord } from "./records";

/**
 * Lobby state: players, queues and rooms. Every method is async so a
 * networked store (Redis) can stand in for the in-memory one without the
 * lobby or the socket handlers changing. Records go in and come out as
 * copies: changing a returned record changes nothing until it is put back.
 */
export interface LobbyStore {
  getPlayer(id: string): Promise<PlayerRecord | undefined>;
  putPlayer(player: PlayerRecord): Promise<void>;
  deletePlayer(id: string): Promise<void>;
  countPlayers(): Promise<number>;

  /** Append to the back of a mode's queue. */
  enqueue(mode: ModeId, entry: QueueEntry): Promise<void>;
  /** Remove a player from a mode's queue; false if they were not in it. */
  dequeue(mode: ModeId, playerId: string): Promise<boolean>;
  /** Atomically take the `count` longest-waiting entries, or none if fewer wait. */
  takeGroup(mode: ModeId, count: number): Promise<QueueEntry[]>;
  queueLength(mode: ModeId): Promise<number>;

  getRoom(id: string): Promise<RoomRecord | undefined>;
  putRoom(room: RoomRecord): Promise<void>;
  deleteRoom(id: string): Promise<void>;
  listRoomIds(): Promise<string[]>;
}
