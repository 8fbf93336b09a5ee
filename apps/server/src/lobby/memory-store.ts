import type { ModeId } from "@lobby/contracts";
import type { PlayerRecord, QueueEntry, RoomRecord } from "./records";
import type { LobbyStore } from "./store";

/**
 * The embedded default: everything in this process's memory. Queues are
 * insertion-ordered maps, so join, leave and take are O(1) per player.
 */
export class MemoryStore implements LobbyStore {
  private readonly players = new Map<string, PlayerRecord>();
  private readonly queues = new Map<ModeId, Map<string, QueueEntry>>();
  private readonly rooms = new Map<string, RoomRecord>();

  getPlayer(id: string) {
    return Promise.resolve(copy(this.players.get(id)));
  }

  putPlayer(player: PlayerRecord) {
    this.players.set(player.id, copy(player));
    return Promise.resolve();
  }

  deletePlayer(id: string) {
    this.players.delete(id);
    return Promise.resolve();
  }

  countPlayers() {
    return Promise.resolve(this.players.size);
  }

  enqueue(mode: ModeId, entry: QueueEntry) {
    this.queue(mode).set(entry.playerId, { ...entry });
    return Promise.resolve();
  }

  dequeue(mode: ModeId, playerId: string) {
    return Promise.resolve(this.queue(mode).delete(playerId));
  }

  takeGroup(mode: ModeId, count: number) {
    const queue = this.queue(mode);
    if (queue.size < count) return Promise.resolve([]);
    const group: QueueEntry[] = [];
    for (const entry of queue.values()) {
      group.push(entry);
      if (group.length === count) break;
    }
    for (const entry of group) queue.delete(entry.playerId);
    return Promise.resolve(group);
  }

  queueLength(mode: ModeId) {
    return Promise.resolve(this.queue(mode).size);
  }

  getRoom(id: string) {
    return Promise.resolve(copy(this.rooms.get(id)));
  }

  putRoom(room: RoomRecord) {
    this.rooms.set(room.id, copy(room));
    return Promise.resolve();
  }

  deleteRoom(id: string) {
    this.rooms.delete(id);
    return Promise.resolve();
  }

  listRoomIds() {
    return Promise.resolve([...this.rooms.keys()]);
  }

  private queue(mode: ModeId): Map<string, QueueEntry> {
    let queue = this.queues.get(mode);
    if (!queue) {
      queue = new Map();
      this.queues.set(mode, queue);
    }
    return queue;
  }
}

function copy<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}
