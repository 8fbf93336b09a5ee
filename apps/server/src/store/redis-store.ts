import type { ChatMessage, ModeId } from "@lobby/contracts";
import { WatchError } from "redis";
import type { NodeRegistry } from "../lobby/node-registry";
import type { LobbyStore, ParallelTransactions, RecordIds, StoreTx } from "../lobby/store";
import type {
  HistoryRecord,
  IdentityRecord,
  PartyRecord,
  PlayerRecord,
  RatingRecord,
  RoomRecord,
} from "../lobby/records";
import { redisClient, redisKeys, type RedisClient, type RedisKeys } from "./redis-client";
import { RedisNodeRegistry } from "./redis-node-registry";
import { parse, RedisTx, toEntries } from "./redis-tx";

/** Transactions a node runs at once, each on its own connection. */
const DEFAULT_CONCURRENCY = 16;

/** A transaction that keeps losing races gives up after this many attempts. */
const MAX_ATTEMPTS = 64;

/**
 * Lobby state in Redis, shared by every node of a cluster.
 *
 * Each lobby operation is an optimistic transaction: every key it reads is
 * WATCHed, its writes are queued, and MULTI/EXEC applies them all at once
 * only if none of the watched keys changed meanwhile. A transaction that
 * lost a race to another node is run again from the start on fresh data,
 * so "take the last seat", "pop a group off the queue" and "claim an invite
 * code" have no read-modify-write gap between nodes. WATCH belongs to a
 * connection, so each running transaction holds one of `parallel.concurrency`
 * connections of its own (the lobby runs that many operations side by side;
 * the rest wait for a connection); plain reads share another.
 *
 * Keys (under `prefix`): `player:<id>`, `identity:<id>`, `rating:<identity>:<mode>` and `room:<id>`
 * (JSON), `history:<identity>` (list of JSON, newest first), `leaderboard:<mode>` (sorted set of
 * identities by shown rating), `code:<code>`
 * (room id), `party:<code>` (JSON) and `parties` (set of codes), `queue:<mode>` (sorted set of player
 * ids by join time) with `queue-rating:<mode>` (hash of their ratings) and `queue-party:<mode>` (hash of
 * the parties' entries: the party and its members, by leader),
 * `open:<mode>` (sorted set of quick-match-open rooms by creation time),
 * `players` and `rooms` (sets of ids), `deadlines` (sorted set of deadline
 * keys by due time), `lobby-chat` (list) and `receipts:<player>` (JSON: the answers to the player's
 * latest requests with ids, expiring a minute after the newest). Nothing here outlives its
 * owner: a session's record goes when its grace period ends, a room's when
 * it is destroyed, an identity's (with its ratings and history) when it
 * expires unused (`IDENTITY_TTL_MS`; durable as far as Redis persists: AOF); the chat list is trimmed on every append.
 *
 * The cluster's node registry lives beside this state (`nodes`): each
 * transaction keeps a node's set of players in step with the records.
 */
export class RedisStore implements LobbyStore {
  readonly parallel: ParallelTransactions;
  /** Transactions run again after losing a race to another node, so far (for the metrics). */
  retries = 0;
  /** The nodes of the cluster, over the same keys and the reads connection. */
  readonly nodes: NodeRegistry;
  /** Transaction connections not in use, and transactions waiting for one. */
  private readonly free: RedisClient[];
  private readonly waiting: ((client: RedisClient) => void)[] = [];
  private readonly key: RedisKeys;

  private constructor(
    private readonly reads: RedisClient,
    private readonly writes: readonly RedisClient[],
    prefix: string,
  ) {
    this.free = [...writes];
    this.key = redisKeys(prefix);
    this.nodes = new RedisNodeRegistry(reads, this.key);
    this.parallel = {
      concurrency: writes.length,
      transactionReading: (records, work) => this.run(work, records),
    };
  }

  /**
   * Connect to `url` with one connection for reads and `concurrency` for
   * transactions. Keys are namespaced by `prefix`, so tests can share a server.
   */
  static async connect(url: string, prefix = "lobby:", concurrency = DEFAULT_CONCURRENCY): Promise<RedisStore> {
    const reads = redisClient(url);
    const writes = Array.from({ length: Math.max(1, concurrency) }, () => redisClient(url));
    await Promise.all([reads.connect(), ...writes.map((c) => c.connect())]);
    return new RedisStore(reads, writes, prefix);
  }

  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.run(work);
  }

  private async run<T>(work: (tx: StoreTx) => Promise<T>, prefetch?: RecordIds): Promise<T> {
    const client = this.free.pop() ?? (await new Promise<RedisClient>((resolve) => this.waiting.push(resolve)));
    try {
      return await this.attempt(client, work, prefetch);
    } finally {
      const next = this.waiting.shift();
      if (next) next(client);
      else this.free.push(client);
    }
  }

  private async attempt<T>(client: RedisClient, work: (tx: StoreTx) => Promise<T>, prefetch?: RecordIds): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const tx = new RedisTx(client, this.key);
      let result: T;
      try {
        if (prefetch) await tx.prefetch(prefetch);
        result = await work(tx);
      } catch (error) {
        await client.unwatch().catch(() => undefined);
        throw error;
      }
      try {
        await tx.commit();
        return result;
      } catch (error) {
        if (!(error instanceof WatchError) || attempt >= MAX_ATTEMPTS) throw error;
        this.retries++;
        // Another node changed what this one read: back off a little, then run again on fresh data.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(attempt, 8)));
      }
    }
  }

  async getPlayer(id: string) {
    return parse<PlayerRecord>(await this.reads.get(this.key("player", id)));
  }

  async getIdentity(id: string) {
    return parse<IdentityRecord>(await this.reads.get(this.key("identity", id)));
  }

  async getRating(identityId: string, mode: ModeId) {
    return parse<RatingRecord>(await this.reads.get(this.key("rating", identityId, mode)));
  }

  async leaderboard(mode: ModeId, limit: number) {
    const board = this.key("leaderboard", mode);
    // A rating that expired (its identity unused for IDENTITY_TTL_MS) leaves its member behind: drop those as found.
    const [ids, total] = await Promise.all([
      this.reads.zRange(board, 0, limit * 2 - 1, { REV: true }),
      this.reads.zCard(board),
    ]);
    if (ids.length === 0) return { top: [], total };
    const records = await this.reads.mGet(ids.map((id) => this.key("rating", id, mode)));
    const gone = ids.filter((_, i) => records[i] == null);
    if (gone.length > 0) void this.reads.zRem(board, gone).catch(() => undefined);
    const top = records.flatMap((json) => (json == null ? [] : [JSON.parse(json) as RatingRecord])).slice(0, limit);
    return { top, total: total - gone.length };
  }

  countAbove(mode: ModeId, value: number) {
    return this.reads.zCount(this.key("leaderboard", mode), `(${value}`, "+inf");
  }

  async history(identityId: string) {
    const raw = await this.reads.lRange(this.key("history", identityId), 0, -1);
    return raw.map((entry) => JSON.parse(entry) as HistoryRecord);
  }

  countPlayers() {
    return this.reads.sCard(this.key("players"));
  }

  listPlayerIds() {
    return this.reads.sMembers(this.key("players"));
  }

  queueLength(mode: ModeId) {
    return this.reads.zCard(this.key("queue", mode));
  }

  async listQueue(mode: ModeId) {
    const [rows, ratings, parties] = await Promise.all([
      this.reads.zRangeWithScores(this.key("queue", mode), 0, -1),
      this.reads.hGetAll(this.key("queue-rating", mode)),
      this.reads.hGetAll(this.key("queue-party", mode)),
    ]);
    return toEntries(rows, ratings, parties);
  }

  async getRoom(id: string) {
    return parse<RoomRecord>(await this.reads.get(this.key("room", id)));
  }

  listRoomIds() {
    return this.reads.sMembers(this.key("rooms"));
  }

  async getParty(id: string) {
    return parse<PartyRecord>(await this.reads.get(this.key("party", id)));
  }

  listPartyIds() {
    return this.reads.sMembers(this.key("parties"));
  }

  async roomIdByCode(code: string) {
    return (await this.reads.get(this.key("code", code))) ?? undefined;
  }

  async lobbyChat() {
    const raw = await this.reads.lRange(this.key("lobby-chat"), 0, -1);
    return raw.map((m) => JSON.parse(m) as ChatMessage);
  }

  dueDeadlines(time: number, limit: number) {
    return this.reads.zRange(this.key("deadlines"), "-inf", time, { BY: "SCORE", LIMIT: { offset: 0, count: limit } });
  }

  async listDeadlines() {
    const rows = await this.reads.zRangeWithScores(this.key("deadlines"), 0, -1);
    return rows.map((r) => ({ key: r.value, dueAt: r.score }));
  }

  openRoomIds(mode: ModeId) {
    return this.reads.zRange(this.key("open", mode), 0, -1);
  }

  async listCodes() {
    // Codes have no index of their own (nothing on a hot path lists them): scan for their keys.
    const prefix = this.key("code", "");
    const keys: string[] = [];
    for await (const batch of this.reads.scanIterator({ MATCH: `${globEscaped(prefix)}*`, COUNT: 10_000 }))
      keys.push(...batch);
    if (keys.length === 0) return [];
    const roomIds = await this.reads.mGet(keys);
    return keys.flatMap((key, i) => {
      const roomId = roomIds[i];
      // A code released (or expired) between the scan and the read is no longer held.
      return roomId == null ? [] : [{ code: key.slice(prefix.length), roomId }];
    });
  }

  async close() {
    await Promise.all([this.reads.close(), ...this.writes.map((c) => c.close())]);
  }
}

/** `text` as a SCAN pattern that matches only itself. */
function globEscaped(text: string): string {
  return text.replace(/[*?[\]\\]/g, "\\$&");
}
