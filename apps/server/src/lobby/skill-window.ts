import type { Widening } from "@lobby/contracts";

export type { Widening };

/*
 * Matching by skill with a window that widens with waiting. Pure: the
 * matchmaker runs it on the queue inside its transaction, and the bench's
 * matchmaking simulation runs the same code on a simulated population.
 *
 * A waiting player accepts opponents within `windowOf(waited)` rating points
 * of themselves: `initial` at first, growing by `perSecond` up to `cap`, and
 * anyone at all once they have waited `anyoneAfterMs`. A group fits when
 * its spread (highest rating minus lowest) is within the window of its
 * longest-waiting member: the player who has waited longest decides how far
 * afield to look, and a newcomer is glad of a game at once. So a player
 * alone in their part of the ratings is matched as their window reaches
 * others, and nobody waits past `anyoneAfterMs` while anyone else waits.
 */

/** The default curve: ±50 at once, +25 a second up to ±400, anyone after 30 s. */
export const DEFAULT_WIDENING: Widening = { initial: 50, perSecond: 25, cap: 400, anyoneAfterMs: 30_000 };

/** First come, first served, ratings unseen (quick match before ratings): the baseline the bench compares with. */
export function pickFirstCome<C extends Candidate>(candidates: readonly C[], size: number): C[] | null {
  return size >= 1 && candidates.length >= size ? candidates.slice(0, size) : null;
}

/** A waiting player as the matcher sees them (a queue entry is one). */
export interface Candidate {
  rating: number;
  joinedAt: number;
}

/** The rating distance a player who has waited `waitedMs` accepts. */
export function windowOf(curve: Widening, waitedMs: number): number {
  const waited = Math.max(0, waitedMs);
  if (waited >= curve.anyoneAfterMs) return Infinity;
  return Math.min(curve.cap, curve.initial + (curve.perSecond * waited) / 1000);
}

/**
 * The first group of `size` that fits, the longest-waiting player first:
 * each candidate in order of arrival is tried as its anchor (whose window is
 * the group's, as its longest-waiting member), with the closest others by
 * rating. Null when no group fits yet. `candidates` must be in order of
 * arrival. Costs a sort, then per anchor only the candidates within its
 * window. (A group with a member who waited longer than its anchor would
 * have been found with that member as the anchor, so trying anchors oldest
 * first finds every group that fits.)
 */
export function pickGroup<C extends Candidate>(
  candidates: readonly C[],
  size: number,
  now: number,
  curve: Widening,
): C[] | null {
  if (size < 1 || candidates.length < size) return null;
  // Arrival indexes, by rating (ties by arrival).
  const byRating = candidates.map((_, i) => i).sort((a, b) => candidates[a]!.rating - candidates[b]!.rating || a - b);
  const place = new Array<number>(candidates.length);
  byRating.forEach((index, position) => (place[index] = position));
  for (let anchor = 0; anchor < candidates.length; anchor++) {
    const reach = windowOf(curve, now - candidates[anchor]!.joinedAt);
    const group = grow(candidates, byRating, place[anchor]!, size, reach);
    if (group) return group.sort((a, b) => a - b).map((i) => candidates[i]!);
  }
  return null;
}

/** From the anchor at `position` in rating order, add the nearest candidates outwards while the spread fits `reach`. */
function grow(
  candidates: readonly Candidate[],
  byRating: readonly number[],
  position: number,
  size: number,
  reach: number,
): number[] | null {
  const anchorIndex = byRating[position]!;
  const anchor = candidates[anchorIndex]!.rating;
  const group = [anchorIndex];
  let low = anchor;
  let high = anchor;
  let left = position - 1;
  let right = position + 1;
  while (group.length < size) {
    const leftGap = left >= 0 ? anchor - candidates[byRating[left]!]!.rating : Infinity;
    const rightGap = right < byRating.length ? candidates[byRating[right]!]!.rating - anchor : Infinity;
    // Everyone further away is further than the window reaches.
    if (Math.min(leftGap, rightGap) > reach) return null;
    const index = leftGap <= rightGap ? byRating[left--]! : byRating[right++]!;
    const rating = candidates[index]!.rating;
    // Nearer the anchor, but it would stretch the group past the window on the other side.
    if (Math.max(high, rating) - Math.min(low, rating) > reach) continue;
    group.push(index);
    low = Math.min(low, rating);
    high = Math.max(high, rating);
  }
  return group;
}

/**
 * When the window of the longest-waiting candidates next grows enough to
 * matter: the soonest of each candidate's "anyone" time, checked at most
 * every `stepMs` while the window widens. Null when nobody waits.
 */
export function nextWidening(
  candidates: readonly Candidate[],
  now: number,
  curve: Widening,
  stepMs = 1000,
): number | null {
  let soonest: number | null = null;
  for (const c of candidates) {
    const anyoneAt = c.joinedAt + curve.anyoneAfterMs;
    if (anyoneAt <= now) continue;
    const due = Math.min(anyoneAt, now + stepMs);
    soonest = soonest === null ? due : Math.min(soonest, due);
  }
  return soonest;
}
