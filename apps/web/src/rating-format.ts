import type { HistoryEntry, ModeRating, RoomView, Search, SeatView } from "@lobby/contracts";

/*
 * Ratings in words and figures, for the roster, the result, the queue and
 * the profile. The server computes every rating; this only phrases them.
 */

/** The tooltip on a provisional rating's mark. */
export const PROVISIONAL_HINT = "Provisional: a few more games to settle";

export type DeltaTone = "up" | "down" | "even";

export function deltaTone(delta: number): DeltaTone {
  return delta > 0 ? "up" : delta < 0 ? "down" : "even";
}

/** "+14", "−9" (a minus sign, not a hyphen), "±0". */
export function formatDelta(delta: number): string {
  return delta > 0 ? `+${delta}` : delta < 0 ? `\u2212${-delta}` : "\u00b10";
}

export interface SeatRatingView {
  /** "1012"; the provisional mark is drawn apart. */
  value: string;
  provisional: boolean;
  /** After a rated result, how much it moved this seat's rating. */
  delta: { text: string; tone: DeltaTone } | null;
}

/**
 * What a seat shows of its rating: nothing while the server does not know it,
 * and the change only once a rated game has finished (an unrated room's
 * results never move a rating).
 */
export function seatRatingView(
  { rating, ratingDelta: delta }: Pick<SeatView, "rating" | "ratingDelta">,
  room: Pick<RoomView, "rated" | "phase">,
): SeatRatingView | null {
  if (!rating) return null;
  return {
    value: String(rating.value),
    provisional: rating.provisional,
    delta:
      room.rated && room.phase === "finished" && delta !== null
        ? { text: formatDelta(delta), tone: deltaTone(delta) }
        : null,
  };
}

type Record3 = Pick<ModeRating, "wins" | "losses" | "draws">;

/** Wins–losses–draws: "3–1–0". */
export function formatRecord({ wins, losses, draws }: Record3): string {
  return `${wins}\u2013${losses}\u2013${draws}`;
}

/** The same record in words: "3 wins, 1 loss, 0 draws". */
export function describeRecord({ wins, losses, draws }: Record3): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${count(wins, "win", "wins")}, ${count(losses, "loss", "losses")}, ${count(draws, "draw", "draws")}`;
}

export const OUTCOME_LABEL = { win: "Win", loss: "Loss", draw: "Draw" } as const satisfies Record<
  HistoryEntry["outcome"],
  string
>;

/** A past game's effect on the rating: "1000 → 1014" and its delta; null when it was unrated. */
export function historyChange({ rated, ratingBefore, ratingAfter }: HistoryEntry) {
  if (!rated || ratingBefore === null || ratingAfter === null) return null;
  const delta = ratingAfter - ratingBefore;
  return {
    text: `${ratingBefore} \u2192 ${ratingAfter}`,
    delta: formatDelta(delta),
    tone: deltaTone(delta),
  };
}

/** Everyone in a past game but this player, who sat at `seat`. */
export function otherPlayers(players: readonly string[], seat: number): string[] {
  return players.filter((_, index) => index !== seat);
}

/**
 * How far from this player's rating quick match looks after waiting
 * `waitedMs`, as the server widens it: null once it takes anyone.
 */
export function searchRange({ rating, widening }: Search, waitedMs: number): { low: number; high: number } | null {
  if (waitedMs >= widening.anyoneAfterMs) return null;
  const half = Math.min(widening.cap, widening.initial + (widening.perSecond * Math.max(0, waitedMs)) / 1000);
  return { low: Math.round(rating - half), high: Math.round(rating + half) };
}

/**
 * The queue panel's line on the search: "Your rating: 1012 · matching 962–1062", "1000?" while provisional,
 * or "… · matching anyone". A party searches with its members' mean (`label` "Party rating").
 */
export function searchLine(search: Search, waitedMs: number, label = "Your rating"): string {
  const range = searchRange(search, waitedMs);
  const rating = `${search.rating}${search.provisional ? "?" : ""}`;
  return `${label}: ${rating} \u00b7 matching ${range ? `${range.low}\u2013${range.high}` : "anyone"}`;
}
