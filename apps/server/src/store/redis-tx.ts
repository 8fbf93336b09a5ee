import { MODE_IDS, type ChatMessage, type ModeId } from "@lobby/contracts";
import { isOpenForQuickMatch } from "../lobby/match-room";
import { STARTING_VALUE } from "../lobby/ratings";
import type {
  HistoryRecord,
  IdentityRecord,
  PartyRecord,
  PlayerRecord,
  QueueEntry,
  RatingRecord,
  RoomRecord,
} from "../lobby/records";
import type { RecordIds, RequestReceipt, StoreTx } from "../lobby/store";
import type { RedisClient, RedisKeys } from "./redis-client";

/*
 * Safety nets for a cluster that stops entirely, so no node is left to end
 * sessions and close rooms: Redis itself then drops an away player's record
 * an hour after their grace period, and a room (and its code) a day after
 * its last change.
 */
const AWAY_LEFTOVER_MS = 60 * 60 * 1000;
const ROOM_IDLE_MS = 24 * 60 * 60 * 1000;

/** A write, as Redis command words, sent inside MULTI/EXEC at the commit. */
type Command = string[];

/**
 * One attempt at a transaction: reads go to Redis once per key (watched)
 * and are cached, so the operation sees its own writes; writes wait for
 * the commit.
 */
export class RedisTx implements StoreTx {
  private readonly players = new Map<string, PlayerRecord | null>();
  private readonly identities = new Map<string, IdentityRecord | null>();
  private readonly ratings = new Map<string, RatingRecord | null>();
  private readonly rooms = new Map<string, RoomRecord | null>();
  private readonly parties = new Map<string, PartyRecord | null>();
  private readonly codes = new Map<string, string | null>();
  private readonly receipts = new Map<string, readonly RequestReceipt[] | null>();
  private readonly queues = new Map<ModeId, QueueEntry[]>();
  private readonly open = new Map<ModeId, Map<string, number>>();
  /** Index changes made before the index was read, applied when it is. */
  private readonly openChanges = new Map<ModeId, Map<string, number | null>>();
  private readonly commands: Command[] = [];

  constructor(
    private readonly client: RedisClient,
    private readonly key: RedisKeys,
  ) {}

  async commit(): Promise<void> {
    if (this.commands.length === 0) {
      await this.client.unwatch();
      return;
    }
    const multi = this.client.multi();
    for (const command of this.commands) multi.addCommand(command);
    await multi.exec();
  }

  /** Read these records now, in one go, as the transaction will (see `ParallelTransactions`). */
  async prefetch(records: RecordIds) {
    const players = (records.players ?? []).filter((id) => !this.players.has(id));
    const rooms = (records.rooms ?? []).filter((id) => !this.rooms.has(id));
    const receipts = (records.receipts ?? []).filter((id) => !this.receipts.has(id));
    const redisKeys = [
      ...players.map((id) => this.key("player", id)),
      ...rooms.map((id) => this.key("room", id)),
      ...receipts.map((id) => this.key("receipts", id)),
    ];
    if (redisKeys.length === 0) return;
    // Watched before they are read, like every other read; one round trip for all of them.
    const [, values] = await Promise.all([this.client.watch(redisKeys), this.client.mGet(redisKeys)]);
    players.forEach((id, i) => this.players.set(id, parse<PlayerRecord>(values[i] ?? null) ?? null));
    rooms.forEach((id, i) => this.rooms.set(id, parse<RoomRecord>(values[players.length + i] ?? null) ?? null));
    const offset = players.length + rooms.length;
    receipts.forEach((id, i) => this.receipts.set(id, parse<RequestReceipt[]>(values[offset + i] ?? null) ?? null));
  }

  getPlayer(id: string) {
    return this.record(this.players, id, this.key("player", id));
  }

  async putPlayer(player: PlayerRecord) {
    const before = await this.getPlayer(player.id);
    this.players.set(player.id, player);
    const json = JSON.stringify(player);
    // A connected player's record has no expiry; an away player's ends a while after the grace period
    // (measured from now, so a lobby on a test clock far from the wall clock is not expired at once).
    const expiry =
      player.awayUntil === null ? [] : ["PX", String(AWAY_LEFTOVER_MS + Math.max(0, player.awayUntil - Date.now()))];
    this.commands.push(
      ["SET", this.key("player", player.id), json, ...expiry],
      ["SADD", this.key("players"), player.id],
    );
    this.moveNode(player.id, before?.node ?? null, player.node);
  }

  async deletePlayer(id: string) {
    const before = await this.getPlayer(id);
    this.players.set(id, null);
    this.commands.push(
      ["DEL", this.key("player", id)],
      ["SREM", this.key("players"), id],
      ["DEL", this.key("receipts", id)],
    );
    this.receipts.set(id, null);
    this.moveNode(id, before?.node ?? null, null);
  }

  getIdentity(id: string) {
    return this.record(this.identities, id, this.key("identity", id));
  }

  putIdentity(identity: IdentityRecord, keepMs: number) {
    this.identities.set(identity.id, identity);
    const ttl = String(Math.max(1, keepMs));
    this.commands.push(["SET", this.key("identity", identity.id), JSON.stringify(identity), "PX", ttl]);
    // What hangs on the identity lasts as long as it does: every connection extends them too.
    for (const mode of MODE_IDS) this.commands.push(["PEXPIRE", this.key("rating", identity.id, mode), ttl]);
    this.commands.push(["PEXPIRE", this.key("history", identity.id), ttl]);
    return Promise.resolve();
  }

  deleteIdentity(id: string) {
    this.identities.set(id, null);
    this.commands.push(["DEL", this.key("identity", id)]);
    return Promise.resolve();
  }

  getRating(identityId: string, mode: ModeId) {
    const key = this.key("rating", identityId, mode);
    return this.record(this.ratings, key, key);
  }

  putRating(rating: RatingRecord, keepMs: number) {
    const key = this.key("rating", rating.identityId, rating.mode);
    this.ratings.set(key, rating);
    this.commands.push(
      ["SET", key, JSON.stringify(rating), "PX", String(Math.max(1, keepMs))],
      ["ZADD", this.key("leaderboard", rating.mode), String(rating.value), rating.identityId],
    );
    return Promise.resolve();
  }

  appendHistory(identityId: string, entry: HistoryRecord, keep: number, keepMs: number) {
    // Not watched: only a transaction that records a result appends, and it is never read back in one.
    const key = this.key("history", identityId);
    this.commands.push(
      ["LPUSH", key, JSON.stringify(entry)],
      ["LTRIM", key, "0", String(keep - 1)],
      ["PEXPIRE", key, String(Math.max(1, keepMs))],
    );
  }

  /** Keep each node's set of players in step with the records' `node`. */
  private moveNode(playerId: string, from: string | null, to: string | null) {
    if (from === to) return;
    if (from !== null) this.commands.push(["SREM", this.key("node-players", from), playerId]);
    if (to !== null) this.commands.push(["SADD", this.key("node-players", to), playerId]);
  }

  async enqueue(mode: ModeId, entry: QueueEntry) {
    const queue = (await this.queue(mode)).filter((e) => e.playerId !== entry.playerId);
    queue.push(entry);
    this.queues.set(mode, queue);
    this.commands.push(
      ["ZADD", this.key("queue", mode), String(entry.joinedAt), entry.playerId],
      ["HSET", this.key("queue-rating", mode), entry.playerId, String(entry.rating)],
      entry.party
        ? ["HSET", this.key("queue-party", mode), entry.playerId, JSON.stringify(entry.party)]
        : ["HDEL", this.key("queue-party", mode), entry.playerId],
    );
  }

  async dequeue(mode: ModeId, playerId: string) {
    const queue = await this.queue(mode);
    const rest = queue.filter((e) => e.playerId !== playerId);
    if (rest.length === queue.length) return false;
    this.queues.set(mode, rest);
    this.commands.push(
      ["ZREM", this.key("queue", mode), playerId],
      ["HDEL", this.key("queue-rating", mode), playerId],
      ["HDEL", this.key("queue-party", mode), playerId],
    );
    return true;
  }

  async takeGroup(mode: ModeId, min: number, max: number) {
    const queue = await this.queue(mode);
    if (queue.length < min || queue.length === 0) return [];
    const group = queue.slice(0, max);
    this.queues.set(mode, queue.slice(group.length));
    const ids = group.map((e) => e.playerId);
    this.commands.push(
      ["ZREM", this.key("queue", mode), ...ids],
      ["HDEL", this.key("queue-rating", mode), ...ids],
      ["HDEL", this.key("queue-party", mode), ...ids],
    );
    return group;
  }

  listQueue(mode: ModeId) {
    return this.queue(mode);
  }

  async peekQueue(mode: ModeId) {
    return (await this.queue(mode))[0];
  }

  async queueLength(mode: ModeId) {
    return (await this.queue(mode)).length;
  }

  getRoom(id: string) {
    return this.record(this.rooms, id, this.key("room", id));
  }

  async putRoom(room: RoomRecord) {
    const wasOpen = isOpen(await this.getRoom(room.id));
    this.rooms.set(room.id, room);
    const json = JSON.stringify(room);
    const open = isOpenForQuickMatch(room);
    this.commands.push(
      ["SET", this.key("room", room.id), json, "PX", String(ROOM_IDLE_MS)],
      ["SADD", this.key("rooms"), room.id],
      ["PEXPIRE", this.key("code", room.code), String(ROOM_IDLE_MS)],
    );
    if (open !== wasOpen) this.setOpen(room.mode, room.id, open ? room.createdAt : null);
  }

  async deleteRoom(id: string) {
    const room = await this.getRoom(id);
    if (!room) return;
    this.rooms.set(id, null);
    this.commands.push(["DEL", this.key("room", id)], ["SREM", this.key("rooms"), id]);
    if (isOpen(room)) this.setOpen(room.mode, id, null);
  }

  getParty(id: string) {
    return this.record(this.parties, id, this.key("party", id));
  }

  putParty(party: PartyRecord) {
    this.parties.set(party.id, party);
    this.commands.push(
      ["SET", this.key("party", party.id), JSON.stringify(party), "PX", String(ROOM_IDLE_MS)],
      ["SADD", this.key("parties"), party.id],
    );
    return Promise.resolve();
  }

  deleteParty(id: string) {
    this.parties.set(id, null);
    this.commands.push(["DEL", this.key("party", id)], ["SREM", this.key("parties"), id]);
    return Promise.resolve();
  }

  async openRoomIds(mode: ModeId) {
    const open = await this.openRooms(mode);
    return [...open].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  }

  async claimCode(code: string, roomId: string) {
    if ((await this.roomIdByCode(code)) !== undefined) return false;
    this.codes.set(code, roomId);
    this.commands.push(["SET", this.key("code", code), roomId, "PX", String(ROOM_IDLE_MS)]);
    return true;
  }

  releaseCode(code: string) {
    this.codes.set(code, null);
    this.commands.push(["DEL", this.key("code", code)]);
    return Promise.resolve();
  }

  async roomIdByCode(code: string) {
    const cached = this.codes.get(code);
    if (cached !== undefined) return cached ?? undefined;
    const roomId = await this.watchedGet(this.key("code", code));
    this.codes.set(code, roomId);
    return roomId ?? undefined;
  }

  setDeadline(key: string, dueAt: number | null) {
    // Not watched: deadlines are derived from records that are, and firing one re-checks the record.
    const deadlines = this.key("deadlines");
    this.commands.push(dueAt === null ? ["ZREM", deadlines, key] : ["ZADD", deadlines, String(dueAt), key]);
  }

  async getReceipts(playerId: string): Promise<readonly RequestReceipt[]> {
    return (await this.record(this.receipts, playerId, this.key("receipts", playerId))) ?? [];
  }

  putReceipts(playerId: string, receipts: readonly RequestReceipt[], keepMs: number) {
    this.receipts.set(playerId, receipts);
    const key = this.key("receipts", playerId);
    this.commands.push(
      receipts.length === 0 ? ["DEL", key] : ["SET", key, JSON.stringify(receipts), "PX", String(Math.max(1, keepMs))],
    );
  }

  appendLobbyChat(message: ChatMessage, keep: number) {
    const json = JSON.stringify(message);
    const chat = this.key("lobby-chat");
    this.commands.push(["RPUSH", chat, json], ["LTRIM", chat, String(-keep), "-1"]);
  }

  private async queue(mode: ModeId): Promise<QueueEntry[]> {
    const cached = this.queues.get(mode);
    if (cached) return cached;
    const key = this.key("queue", mode);
    // The ratings and parties change only with the queue itself, in the same MULTI: watching the queue covers them.
    const [, rows, ratings, parties] = await Promise.all([
      this.client.watch(key),
      this.client.zRangeWithScores(key, 0, -1),
      this.client.hGetAll(this.key("queue-rating", mode)),
      this.client.hGetAll(this.key("queue-party", mode)),
    ]);
    const queue = toEntries(rows, ratings, parties);
    this.queues.set(mode, queue);
    return queue;
  }

  private async openRooms(mode: ModeId): Promise<Map<string, number>> {
    const cached = this.open.get(mode);
    if (cached) return cached;
    const key = this.key("open", mode);
    const [, rows] = await Promise.all([this.client.watch(key), this.client.zRangeWithScores(key, 0, -1)]);
    const open = new Map(rows.map((r) => [r.value, r.score] as const));
    for (const [roomId, createdAt] of this.openChanges.get(mode) ?? []) {
      if (createdAt === null) open.delete(roomId);
      else open.set(roomId, createdAt);
    }
    this.open.set(mode, open);
    return open;
  }

  /** Add a room to (createdAt) or take it off (null) its mode's quick-match index. */
  private setOpen(mode: ModeId, roomId: string, createdAt: number | null) {
    const cached = this.open.get(mode);
    const changes = this.openChanges.get(mode) ?? new Map<string, number | null>();
    changes.set(roomId, createdAt);
    this.openChanges.set(mode, changes);
    if (createdAt === null) {
      cached?.delete(roomId);
      this.commands.push(["ZREM", this.key("open", mode), roomId]);
    } else {
      cached?.set(roomId, createdAt);
      this.commands.push(["ZADD", this.key("open", mode), String(createdAt), roomId]);
    }
  }

  /** A JSON record: read from Redis (watched) the first time, then from `cache`, where null means none. */
  private async record<T>(cache: Map<string, T | null>, id: string, key: string): Promise<T | undefined> {
    const cached = cache.get(id);
    if (cached !== undefined) return cached ?? undefined;
    const value = parse<T>(await this.watchedGet(key));
    cache.set(id, value ?? null);
    return value;
  }

  private async watchedGet(key: string): Promise<string | null> {
    const [, value] = await Promise.all([this.client.watch(key), this.client.get(key)]);
    return value;
  }
}

function isOpen(room: RoomRecord | undefined): boolean {
  return room !== undefined && isOpenForQuickMatch(room);
}

/** A record as stored (JSON), or undefined for a missing key. */
export function parse<T>(json: string | null): T | undefined {
  return json === null ? undefined : (JSON.parse(json) as T);
}

/** A queue's sorted set, as entries: the score is the join time; the ratings and parties are hashes beside it. */
export function toEntries(
  rows: { value: string; score: number }[],
  ratings: Record<string, string>,
  parties: Record<string, string>,
): QueueEntry[] {
  return rows.map((r) => {
    const party = parties[r.value];
    const entry: QueueEntry = {
      playerId: r.value,
      joinedAt: r.score,
      rating: Number(ratings[r.value] ?? STARTING_VALUE),
    };
    return party === undefined ? entry : { ...entry, party: JSON.parse(party) as { id: string; members: string[] } };
  });
}
