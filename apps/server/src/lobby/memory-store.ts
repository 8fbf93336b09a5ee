import type { ModeId } from "@lobby/contracts";
import { isOpenForQuickMatch } from "./match-room";
import type { PlayerRecord, QueueEntry, RoomRecord } from "./records";
import type { LobbyStore } from "./store";

/**
 * The embedded default: everything in this process's memory. Queues are
 * insertion-ordered maps, so join, leave and take are O(1) per player; open
 * rooms are indexed per mode so quick match never scans every room.
 *
 * Records are deep-frozen when stored and handed out as they are: the core
 * only ever builds new records, so sharing is safe, and a stray mutation
 * throws instead of silently changing stored state. (Copying every record on
 * every read and write was a third of the server's CPU under load.)
 */
export class MemoryStore implements LobbyStore {
  private readonly players = new Map<string, PlayerRecord>();
  private readonly queues = new Map<ModeId, Map<string, QueueEntry>>();
  private readonly rooms = new Map<string, RoomRecord>();
  private readonly openRooms = new Map<ModeId, Set<string>>();
  private readonly codes = new Map<string, string>();

  getPlayer(id: string) {
    return Promise.resolve(this.players.get(id));
  }

  putPlayer(player: PlayerRecord) {
    this.players.set(player.id, frozen(player));
    return Promise.resolve();
  }

  deletePlayer(id: string) {
    this.players.delete(id);
    return Promise.resolve();
  }

  countPlayers() {
    return Promise.resolve(this.players.size);
  }

  listPlayerIds() {
    return Promise.resolve([...this.players.keys()]);
  }

  enqueue(mode: ModeId, entry: QueueEntry) {
    this.queue(mode).set(entry.playerId, { ...entry });
    return Promise.resolve();
  }

  dequeue(mode: ModeId, playerId: string) {
    return Promise.resolve(this.queue(mode).delete(playerId));
  }

  takeGroup(mode: ModeId, min: number, max: number) {
    const queue = this.queue(mode);
    if (queue.size < min) return Promise.resolve([]);
    const group: QueueEntry[] = [];
    for (const entry of queue.values()) {
      if (group.length === max) break;
      group.push(entry);
    }
    for (const entry of group) queue.delete(entry.playerId);
    return Promise.resolve(group);
  }

  peekQueue(mode: ModeId) {
    const first = this.queue(mode).values().next();
    return Promise.resolve(first.done ? undefined : { ...first.value });
  }

  queueLength(mode: ModeId) {
    return Promise.resolve(this.queue(mode).size);
  }

  listQueue(mode: ModeId) {
    return Promise.resolve([...this.queue(mode).values()].map((e) => ({ ...e })));
  }

  getRoom(id: string) {
    return Promise.resolve(this.rooms.get(id));
  }

  putRoom(room: RoomRecord) {
    this.rooms.set(room.id, frozen(room));
    const open = this.openSet(room.mode);
    if (isOpenForQuickMatch(room)) open.add(room.id);
    else open.delete(room.id);
    return Promise.resolve();
  }

  deleteRoom(id: string) {
    const room = this.rooms.get(id);
    if (room) this.openSet(room.mode).delete(id);
    this.rooms.delete(id);
    return Promise.resolve();
  }

  listRoomIds() {
    return Promise.resolve([...this.rooms.keys()]);
  }

  openRoomIds(mode: ModeId) {
    const ids = [...this.openSet(mode)];
    ids.sort((a, b) => (this.rooms.get(a)?.createdAt ?? 0) - (this.rooms.get(b)?.createdAt ?? 0));
    return Promise.resolve(ids);
  }

  claimCode(code: string, roomId: string) {
    if (this.codes.has(code)) return Promise.resolve(false);
    this.codes.set(code, roomId);
    return Promise.resolve(true);
  }

  releaseCode(code: string) {
    this.codes.delete(code);
    return Promise.resolve();
  }

  roomIdByCode(code: string) {
    return Promise.resolve(this.codes.get(code));
  }

  private queue(mode: ModeId): Map<string, QueueEntry> {
    let queue = this.queues.get(mode);
    if (!queue) {
      queue = new Map();
      this.queues.set(mode, queue);
    }
    return queue;
  }

  private openSet(mode: ModeId): Set<string> {
    let set = this.openRooms.get(mode);
    if (!set) {
      set = new Set();
      this.openRooms.set(mode, set);
    }
    return set;
  }
}

/** Freeze a record and everything in it; parts that are already frozen were frozen whole. */
function frozen<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  for (const key of Object.keys(value)) frozen((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}
