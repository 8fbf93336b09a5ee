import type { ChatMessage, ModeId } from "@lobby/contracts";
import { isOpenForQuickMatch } from "../lobby/match-room";
import type { IdentityRecord, PartyRecord, PlayerRecord, QueueEntry, RoomRecord } from "../lobby/records";
import type { LobbyStore, RequestReceipt, StoreTx } from "../lobby/store";
import { MemoryRatings, type Journal } from "./memory-ratings";

/** Identities kept in memory before the least recently seen give way. */
const DEFAULT_MAX_IDENTITIES = 100_000;

/**
 * The embedded default: everything in this process's memory. Queues are
 * insertion-ordered maps, so join, leave and take are O(1) per player; open
 * rooms are indexed per mode so quick match never scans every room.
 *
 * Records are stored and handed out as they are: the core only ever builds
 * new records, so sharing is safe. (Copying every record on every read and
 * write was a third of the server's CPU under load.) With `freezeRecords`
 * (development and tests) they are deep-frozen when stored, so a stray
 * mutation throws instead of silently changing stored state; the production
 * build skips the walk (a room's 50 lines of chat on every chat message).
 *
 * A transaction writes in place and keeps an undo list; a throw undoes its
 * writes in reverse. The lobby runs one operation at a time per process (the
 * store offers no `parallel` transactions: they write in place, so they must
 * never overlap), so no other transaction can observe the writes before the
 * commit. One process holds everything, so there is no node registry either.
 */
export interface MemoryStoreOptions {
  /** Identities kept before the least recently stored go. */
  maxIdentities?: number;
  /** Deep-freeze every stored record (default true; the production build turns it off, see config). */
  freezeRecords?: boolean;
}

export class MemoryStore implements LobbyStore {
  private readonly players = new Map<string, PlayerRecord>();
  /**
   * Identities, least recently stored first: past `maxIdentities` the oldest
   * go, so identities minted without end cannot grow memory without bound
   * (each new one also costs its address a new session). Expired ones are
   * dropped when read; the lobby treats one past `expiresAt` as gone anyway.
   */
  private readonly identities = new Map<string, IdentityRecord>();
  /** Ratings by identity and mode, the leaderboards, and each identity's latest games: they go with their identity. */
  private readonly ratings = new MemoryRatings();
  private readonly queues = new Map<ModeId, Map<string, QueueEntry>>();
  private readonly rooms = new Map<string, RoomRecord>();
  /** Parties: at most one per player, and gone with their last member. */
  private readonly parties = new Map<string, PartyRecord>();
  private readonly openRooms = new Map<ModeId, Set<string>>();
  private readonly codes = new Map<string, string>();
  private readonly deadlines = new Map<string, number>();
  private readonly chat: ChatMessage[] = [];
  /** Players' request receipts; they go with the player's record (see `StoreTx.putReceipts`). */
  private readonly receipts = new Map<string, readonly RequestReceipt[]>();
  /** Each queue entry's place in line, to restore a queue's order on undo. */
  private readonly sequence = new WeakMap<QueueEntry, number>();
  private nextSequence = 0;
  /** The running transaction's undo list; null between transactions. */
  private undo: (() => void)[] | null = null;
  /** One view serves every transaction (they never overlap): no allocation per operation. */
  private readonly tx: StoreTx = this.txView();

  private readonly maxIdentities: number;
  private readonly frozen: <T>(value: T) => T;

  constructor(options: MemoryStoreOptions = {}) {
    this.maxIdentities = options.maxIdentities ?? DEFAULT_MAX_IDENTITIES;
    this.frozen = (options.freezeRecords ?? true) ? deepFrozen : (value) => value;
  }

  async transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    if (this.undo) throw new Error("MemoryStore runs one transaction at a time");
    const undo: (() => void)[] = [];
    this.undo = undo;
    try {
      return await work(this.tx);
    } catch (error) {
      for (let i = undo.length - 1; i >= 0; i--) undo[i]?.();
      throw error;
    } finally {
      this.undo = null;
    }
  }

  getPlayer(id: string) {
    return Promise.resolve(this.players.get(id));
  }

  getIdentity(id: string) {
    return Promise.resolve(this.identities.get(id));
  }

  getRating(identityId: string, mode: ModeId) {
    return Promise.resolve(this.ratings.get(identityId, mode));
  }

  history(identityId: string) {
    return Promise.resolve(this.ratings.history(identityId));
  }

  leaderboard(mode: ModeId, limit: number) {
    return Promise.resolve(this.ratings.leaderboard(mode, limit));
  }

  countAbove(mode: ModeId, value: number) {
    return Promise.resolve(this.ratings.countAbove(mode, value));
  }

  countPlayers() {
    return Promise.resolve(this.players.size);
  }

  listPlayerIds() {
    return Promise.resolve([...this.players.keys()]);
  }

  queueLength(mode: ModeId) {
    return Promise.resolve(this.queue(mode).size);
  }

  listQueue(mode: ModeId) {
    return Promise.resolve([...this.queue(mode).values()]);
  }

  getRoom(id: string) {
    return Promise.resolve(this.rooms.get(id));
  }

  listRoomIds() {
    return Promise.resolve([...this.rooms.keys()]);
  }

  getParty(id: string) {
    return Promise.resolve(this.parties.get(id));
  }

  listPartyIds() {
    return Promise.resolve([...this.parties.keys()]);
  }

  roomIdByCode(code: string) {
    return Promise.resolve(this.codes.get(code));
  }

  lobbyChat() {
    return Promise.resolve([...this.chat]);
  }

  dueDeadlines(time: number, limit: number) {
    const due = [...this.deadlines].filter(([, at]) => at <= time).sort((a, b) => a[1] - b[1]);
    return Promise.resolve(due.slice(0, limit).map(([key]) => key));
  }

  listDeadlines() {
    const all = [...this.deadlines].sort((a, b) => a[1] - b[1]);
    return Promise.resolve(all.map(([key, dueAt]) => ({ key, dueAt })));
  }

  openRoomIds(mode: ModeId) {
    const ids = [...this.openSet(mode)];
    ids.sort((a, b) => (this.rooms.get(a)?.createdAt ?? 0) - (this.rooms.get(b)?.createdAt ?? 0));
    return Promise.resolve(ids);
  }

  listCodes() {
    return Promise.resolve([...this.codes].map(([code, roomId]) => ({ code, roomId })));
  }

  close() {
    return Promise.resolve();
  }

  private txView(): StoreTx {
    const undo: Journal = {
      push: (fn) => {
        if (!this.undo) throw new Error("MemoryStore: a write outside a transaction");
        this.undo.push(fn);
      },
      restore: (map, key) => {
        const had = map.has(key);
        const before = map.get(key);
        undo.push(() => (had ? map.set(key, before!) : map.delete(key)));
      },
    };
    const { restore } = undo;
    // Undo puts removed entries back and restores the queue's order; only a
    // failed operation pays for that, never a successful one.
    const putBack = (mode: ModeId, entries: QueueEntry[]) =>
      undo.push(() => {
        const queue = this.queue(mode);
        for (const entry of entries) queue.set(entry.playerId, entry);
        this.queues.set(mode, new Map([...queue].sort((a, b) => this.order(a[1]) - this.order(b[1]))));
      });
    // An identity goes with its ratings, its places on the leaderboards and its history.
    const forgetIdentity = (id: string) => {
      this.ratings.forget(undo, id);
      restore(this.identities, id);
      this.identities.delete(id);
    };
    return {
      getPlayer: (id) => this.getPlayer(id),
      putPlayer: (player) => {
        restore(this.players, player.id);
        this.players.set(player.id, this.frozen(player));
        return Promise.resolve();
      },
      deletePlayer: (id) => {
        restore(this.players, id);
        this.players.delete(id);
        restore(this.receipts, id);
        this.receipts.delete(id);
        return Promise.resolve();
      },
      getIdentity: (id) => this.getIdentity(id),
      putIdentity: (identity) => {
        restore(this.identities, identity.id);
        // Re-inserted, so the map's order stays least recently stored first.
        this.identities.delete(identity.id);
        this.identities.set(identity.id, this.frozen(identity));
        const oldest = this.identities.keys().next();
        if (this.identities.size > this.maxIdentities && !oldest.done) forgetIdentity(oldest.value);
        return Promise.resolve();
      },
      deleteIdentity: (id) => {
        forgetIdentity(id);
        return Promise.resolve();
      },
      getRating: (identityId, mode) => this.getRating(identityId, mode),
      putRating: (rating) => {
        // Kept only with their identity, so an identity evicted mid-game leaves nothing behind to grow.
        if (this.identities.has(rating.identityId)) this.ratings.put(undo, this.frozen(rating));
        return Promise.resolve();
      },
      appendHistory: (identityId, entry, keep) => {
        if (this.identities.has(identityId)) this.ratings.appendHistory(undo, identityId, this.frozen(entry), keep);
      },
      enqueue: (mode, entry) => {
        const queue = this.queue(mode);
        const replaced = queue.get(entry.playerId);
        if (replaced) putBack(mode, [replaced]);
        else undo.push(() => this.queue(mode).delete(entry.playerId));
        queue.delete(entry.playerId);
        const stored = this.frozen({ ...entry });
        this.sequence.set(stored, this.nextSequence++);
        queue.set(entry.playerId, stored);
        return Promise.resolve();
      },
      dequeue: (mode, playerId) => {
        const entry = this.queue(mode).get(playerId);
        if (!entry) return Promise.resolve(false);
        putBack(mode, [entry]);
        return Promise.resolve(this.queue(mode).delete(playerId));
      },
      takeGroup: (mode, min, max) => {
        const queue = this.queue(mode);
        if (queue.size < min || queue.size === 0) return Promise.resolve([]);
        const group: QueueEntry[] = [];
        for (const entry of queue.values()) {
          if (group.length === max) break;
          group.push(entry);
        }
        for (const entry of group) queue.delete(entry.playerId);
        putBack(mode, group);
        return Promise.resolve(group);
      },
      peekQueue: (mode) => {
        const first = this.queue(mode).values().next();
        return Promise.resolve(first.done ? undefined : first.value);
      },
      queueLength: (mode) => this.queueLength(mode),
      listQueue: (mode) => this.listQueue(mode),
      getRoom: (id) => this.getRoom(id),
      putRoom: (room) => {
        restore(this.rooms, room.id);
        const open = this.openSet(room.mode);
        const wasOpen = open.has(room.id);
        undo.push(() => (wasOpen ? open.add(room.id) : open.delete(room.id)));
        this.rooms.set(room.id, this.frozen(room));
        if (isOpenForQuickMatch(room)) open.add(room.id);
        else open.delete(room.id);
        return Promise.resolve();
      },
      deleteRoom: (id) => {
        const room = this.rooms.get(id);
        if (!room) return Promise.resolve();
        restore(this.rooms, id);
        const open = this.openSet(room.mode);
        const wasOpen = open.has(id);
        undo.push(() => wasOpen && open.add(id));
        open.delete(id);
        this.rooms.delete(id);
        return Promise.resolve();
      },
      openRoomIds: (mode) => this.openRoomIds(mode),
      getParty: (id) => this.getParty(id),
      putParty: (party) => {
        restore(this.parties, party.id);
        this.parties.set(party.id, this.frozen(party));
        return Promise.resolve();
      },
      deleteParty: (id) => {
        restore(this.parties, id);
        this.parties.delete(id);
        return Promise.resolve();
      },
      claimCode: (code, roomId) => {
        if (this.codes.has(code)) return Promise.resolve(false);
        restore(this.codes, code);
        this.codes.set(code, roomId);
        return Promise.resolve(true);
      },
      releaseCode: (code) => {
        restore(this.codes, code);
        this.codes.delete(code);
        return Promise.resolve();
      },
      roomIdByCode: (code) => this.roomIdByCode(code),
      setDeadline: (key, dueAt) => {
        restore(this.deadlines, key);
        if (dueAt === null) this.deadlines.delete(key);
        else this.deadlines.set(key, dueAt);
      },
      getReceipts: (playerId) => Promise.resolve(this.receipts.get(playerId) ?? []),
      // No clock here to expire them by: the caller drops old ones as it writes, and the player's end drops the rest.
      putReceipts: (playerId, receipts) => {
        restore(this.receipts, playerId);
        if (receipts.length === 0) this.receipts.delete(playerId);
        else this.receipts.set(playerId, this.frozen(receipts));
      },
      appendLobbyChat: (message, keep) => {
        const before = [...this.chat];
        undo.push(() => this.chat.splice(0, this.chat.length, ...before));
        this.chat.push(this.frozen(message));
        if (this.chat.length > keep) this.chat.splice(0, this.chat.length - keep);
      },
    };
  }

  private order(entry: QueueEntry): number {
    return this.sequence.get(entry) ?? 0;
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
function deepFrozen<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  for (const key of Object.keys(value)) deepFrozen((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}
