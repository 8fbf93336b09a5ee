import type { ModeId } from "@lobby/contracts";
import type { HistoryRecord, RatingRecord } from "../lobby/records";

/** The running transaction's undo list, as the memory store keeps it: what a failed operation reverses. */
export interface Journal {
  /** Undo `fn` if the transaction fails (undone in reverse order). */
  push: (fn: () => void) => void;
  /** Put `map`'s entry for `key` back as it is now if the transaction fails. */
  restore: <K, V>(map: Map<K, V>, key: K) => void;
}

/**
 * The memory store's ratings, leaderboards and game histories, by identity:
 * they live and go with their identity (see `MemoryStore`). A leaderboard is
 * an array sorted highest first that a rating moves within in place, so a
 * rated result costs two binary searches and two native splices however
 * many players are ranked (not a copy of the whole board); undo reverses
 * the splices.
 */
export class MemoryRatings {
  private readonly ratings = new Map<string, Map<ModeId, RatingRecord>>();
  private readonly histories = new Map<string, HistoryRecord[]>();
  /** Each mode's ratings, highest first: its leaderboard. */
  private readonly boards = new Map<ModeId, RatingRecord[]>();

  get(identityId: string, mode: ModeId): RatingRecord | undefined {
    return this.ratings.get(identityId)?.get(mode);
  }

  history(identityId: string): HistoryRecord[] {
    return [...(this.histories.get(identityId) ?? [])];
  }

  leaderboard(mode: ModeId, limit: number): { top: RatingRecord[]; total: number } {
    const board = this.boards.get(mode) ?? [];
    return { top: board.slice(0, limit), total: board.length };
  }

  /** How many of the mode's ratings are higher than `value`. */
  countAbove(mode: ModeId, value: number): number {
    return firstAtOrBelow(this.boards.get(mode) ?? [], value);
  }

  /** Store `rating` (already frozen where the store freezes) and move it to its place on its board. */
  put(journal: Journal, rating: RatingRecord): void {
    journal.restore(this.ratings, rating.identityId);
    const modes = new Map(this.ratings.get(rating.identityId));
    const before = modes.get(rating.mode);
    modes.set(rating.mode, rating);
    this.ratings.set(rating.identityId, modes);
    if (before) this.unrank(journal, before);
    const board = this.board(rating.mode);
    const at = firstAtOrBelow(board, rating.value);
    board.splice(at, 0, rating);
    journal.push(() => board.splice(at, 1));
  }

  /** Put `entry` first in the identity's history, keeping its latest `keep`. */
  appendHistory(journal: Journal, identityId: string, entry: HistoryRecord, keep: number): void {
    journal.restore(this.histories, identityId);
    this.histories.set(identityId, [entry, ...(this.histories.get(identityId) ?? [])].slice(0, keep));
  }

  /** The identity is gone: its ratings, their places on the boards and its history go with it. */
  forget(journal: Journal, identityId: string): void {
    for (const rating of this.ratings.get(identityId)?.values() ?? []) this.unrank(journal, rating);
    for (const map of [this.ratings, this.histories] as Map<string, unknown>[]) {
      journal.restore(map, identityId);
      map.delete(identityId);
    }
  }

  /** Take `rating` (the very record on its board) off the board; among equal ratings it is found by identity. */
  private unrank(journal: Journal, rating: RatingRecord): void {
    const board = this.board(rating.mode);
    let at = firstAtOrBelow(board, rating.value);
    while (at < board.length && board[at] !== rating && board[at]!.value === rating.value) at++;
    if (board[at] !== rating) return;
    board.splice(at, 1);
    journal.push(() => board.splice(at, 0, rating));
  }

  private board(mode: ModeId): RatingRecord[] {
    let board = this.boards.get(mode);
    if (!board) {
      board = [];
      this.boards.set(mode, board);
    }
    return board;
  }
}

/** Where `value` goes in a board sorted highest first: after every higher rating (the count of those). */
function firstAtOrBelow(board: readonly RatingRecord[], value: number): number {
  let low = 0;
  let high = board.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((board[mid]?.value ?? -Infinity) > value) low = mid + 1;
    else high = mid;
  }
  return low;
}
