import type { ChatMessage, ModeId } from "@lobby/contracts";
import type {
  HistoryRecord,
  IdentityRecord,
  PartyRecord,
  PlayerRecord,
  QueueEntry,
  RatingRecord,
  RoomRecord,
} from "./records";

/**
 * One lobby operation's view of the state. Reads see the operation's own
 * earlier writes; the writes become visible to others all at once when the
 * operation's transaction commits, or not at all. Records read are shared
 * and must not be changed: build a new record and put it back.
 */
export interface StoreTx {
  getPlayer(id: string): Promise<PlayerRecord | undefined>;
  putPlayer(player: PlayerRecord): Promise<void>;
  deletePlayer(id: string): Promise<void>;

  /** A device identity; undefined once it was revoked, expired or evicted. */
  getIdentity(id: string): Promise<IdentityRecord | undefined>;
  /**
   * Store an identity. `keepMs`: how long the store must keep it (and what hangs on it: its ratings and
   * history) from now; a store may drop it after that. A duration, since the lobby's clock need not be the store's.
   */
  putIdentity(identity: IdentityRecord, keepMs: number): Promise<void>;
  deleteIdentity(id: string): Promise<void>;
  /** An identity's rating in a mode; undefined before its first rated game there. */
  getRating(identityId: string, mode: ModeId): Promise<RatingRecord | undefined>;
  /** Store a rating, to keep for `keepMs` from now at least (see `putIdentity`). */
  putRating(rating: RatingRecord, keepMs: number): Promise<void>;
  /** Add a game to the front of an identity's history, keeping the newest `keep` entries for `keepMs` at least. */
  appendHistory(identityId: string, entry: HistoryRecord, keep: number, keepMs: number): void;

  /** Append to the back of a mode's queue. */
  enqueue(mode: ModeId, entry: QueueEntry): Promise<void>;
  /** Remove a player from a mode's queue; false if they were not in it. */
  dequeue(mode: ModeId, playerId: string): Promise<boolean>;
  /** Take up to `max` longest-waiting entries, or none if fewer than `min` wait. */
  takeGroup(mode: ModeId, min: number, max: number): Promise<QueueEntry[]>;
  /** Every entry of a mode's queue, longest-waiting first. */
  listQueue(mode: ModeId): Promise<QueueEntry[]>;
  /** The longest-waiting entry, if any. */
  peekQueue(mode: ModeId): Promise<QueueEntry | undefined>;
  queueLength(mode: ModeId): Promise<number>;

  getRoom(id: string): Promise<RoomRecord | undefined>;
  putRoom(room: RoomRecord): Promise<void>;
  deleteRoom(id: string): Promise<void>;
  /** Rooms that quick match may seat players in (`isOpenForQuickMatch`), oldest first. */
  openRoomIds(mode: ModeId): Promise<string[]>;

  /** A party, by its id (its invite code). */
  getParty(id: string): Promise<PartyRecord | undefined>;
  putParty(party: PartyRecord): Promise<void>;
  deleteParty(id: string): Promise<void>;

  /** Claim an invite code for a room; false if a live room holds it. */
  claimCode(code: string, roomId: string): Promise<boolean>;
  releaseCode(code: string): Promise<void>;
  roomIdByCode(code: string): Promise<string | undefined>;

  /**
   * When the work behind `key` (a `deadlineKey`, encoded) is next due, or
   * null when nothing is. Every process can see these, so a due time whose
   * process died is still honoured by another.
   */
  setDeadline(key: string, dueAt: number | null): void;

  /** Add to the lobby-wide chat history, keeping the latest `keep` messages. */
  appendLobbyChat(message: ChatMessage, keep: number): void;

  /**
   * The answers a player's requests with ids got (see `RequestMeta`), newest first: read in the
   * transaction of every request with an id, so a second try and its first cannot both commit.
   */
  getReceipts(playerId: string): Promise<readonly RequestReceipt[]>;
  /**
   * Replace the player's receipts (`receipts.ts` trims them), to keep for `keepMs` from now at most;
   * they go with the player's record too.
   */
  putReceipts(playerId: string, receipts: readonly RequestReceipt[], keepMs: number): void;
}

/** A request applied once (it carried an id) and the answer it got, for a second try of it. */
export interface RequestReceipt {
  /** The client's `requestId`. */
  id: string;
  /** The event it was sent as: the same id on another event is refused, not answered. */
  event: string;
  /** The lobby clock's time when it was applied. */
  at: number;
  /** The answer's data, as the first try got it. */
  answer: unknown;
  /** About its size as JSON (with the id and event; `jsonSize`), counted once when it was made: the bound `receipts.ts` keeps. */
  bytes: number;
}

/**
 * Lobby state: players, device identities, parties, queues, rooms, invite codes, deadlines and lobby
 * chat. Changes go through `transaction`, which makes each lobby operation
 * atomic — in one process (the memory store) and across processes (the
 * Redis store, where a transaction that lost a race with another process
 * is run again). The plain reads below are for figures, listings and
 * checks that need no consistency with a change.
 */
export interface LobbyStore {
  /**
   * Present when the store can run transactions side by side (Redis);
   * absent, the lobby runs its operations strictly one after another.
   */
  readonly parallel?: ParallelTransactions;

  /**
   * Run `work` as one transaction and commit its writes. `work` may run more
   * than once (after losing a race to another process), so it must have no
   * effects other than through `tx`; a throw discards every write.
   */
  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T>;

  getPlayer(id: string): Promise<PlayerRecord | undefined>;
  getIdentity(id: string): Promise<IdentityRecord | undefined>;
  getRating(identityId: string, mode: ModeId): Promise<RatingRecord | undefined>;
  /** An identity's latest games, newest first. */
  history(identityId: string): Promise<HistoryRecord[]>;
  /** A mode's highest `limit` ratings, best first, and how many ratings the mode has. */
  leaderboard(mode: ModeId, limit: number): Promise<{ top: RatingRecord[]; total: number }>;
  /** How many ratings in the mode are higher than `value`. */
  countAbove(mode: ModeId, value: number): Promise<number>;
  countPlayers(): Promise<number>;
  listPlayerIds(): Promise<string[]>;
  queueLength(mode: ModeId): Promise<number>;
  /** Every entry of a mode's queue, longest-waiting first. */
  listQueue(mode: ModeId): Promise<QueueEntry[]>;
  getRoom(id: string): Promise<RoomRecord | undefined>;
  listRoomIds(): Promise<string[]>;
  getParty(id: string): Promise<PartyRecord | undefined>;
  /** Every party's id: for checks and figures. */
  listPartyIds(): Promise<string[]>;
  roomIdByCode(code: string): Promise<string | undefined>;
  /** The lobby-wide chat history, oldest first. */
  lobbyChat(): Promise<ChatMessage[]>;
  /** Keys whose deadline is at or before `time`, most overdue first. */
  dueDeadlines(time: number, limit: number): Promise<string[]>;
  /** Every deadline, soonest first: for checks that each one matches the state it is derived from. */
  listDeadlines(): Promise<{ key: string; dueAt: number }[]>;
  /** The quick-match index `StoreTx.openRoomIds` reads, outside a transaction: open rooms, oldest first. */
  openRoomIds(mode: ModeId): Promise<string[]>;
  /**
   * Every invite code held, with its room. For checks and figures only: a
   * store may have to scan all it holds to list them.
   */
  listCodes(): Promise<{ code: string; roomId: string }[]>;
  /** Release connections; the memory store has none. */
  close(): Promise<void>;
}

/** Records a transaction is about to read, by id. */
export interface RecordIds {
  players?: readonly string[];
  rooms?: readonly string[];
  /** Players whose request receipts the transaction reads (`StoreTx.getReceipts`). */
  receipts?: readonly string[];
}

/** What a store whose transactions can run side by side offers the lobby. */
export interface ParallelTransactions {
  /**
   * How many transactions may usefully run at once: the lobby runs up to
   * this many operations side by side.
   */
  readonly concurrency: number;
  /**
   * `LobbyStore.transaction`, with these records read at the start of every
   * attempt, in one go, as the transaction will (each read being a round
   * trip, this saves the later ones).
   */
  transactionReading<T>(records: RecordIds, work: (tx: StoreTx) => Promise<T>): Promise<T>;
}
