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

/** A waiting player as the matcher sees them (a queue entry is one), or a party, which seats all its members. */
export interface Candidate {
  rating: number;
  joinedAt: number;
  party?: { members: readonly unknown[] };
}

/** Whether candidates of these sizes may share a room (team games: whether they can split into its teams). */
export type GroupFits = (sizes: readonly number[]) => boolean;

/** The rating distance a player who has waited `waitedMs` accepts. */
export function windowOf(curve: Widening, waitedMs: number): number {
  const waited = Math.max(0, waitedMs);
  if (waited >= curve.anyoneAfterMs) return Infinity;
  return Math.min(curve.cap, curve.initial + (curve.perSecond * waited) / 1000);
}

/**
 * The first group of at least two candidates (a party never meets only
 * itself) that fills `seats` exactly and fits, the longest-waiting
 * first: each candidate in order of arrival is tried as its anchor (whose
 * window is the group's, as its longest-waiting member), with the closest
 * others by rating that still fit the seats left (a party takes as many as
 * it has members) and `fits`. Null when no group fits yet. `candidates` must
 * be in order of arrival. Costs a sort, then per anchor only the candidates
 * within its window. (A group with a member who waited longer than its
 * anchor would have been found with that member as the anchor, so trying
 * anchors oldest first finds every group that fits; with parties the
 * nearest-first growth is greedy, and may pass over a group a wiser choice
 * of members would have filled.)
 */
export function pickGroup<C extends Candidate>(
  candidates: readonly C[],
  seats: number,
  now: number,
  curve: Widening,
  fits?: GroupFits,
  byRating: readonly number[] = ratingOrder(candidates),
): C[] | null {
  if (seats < 1 || candidates.length === 0) return null;
  const place = new Array<number>(candidates.length);
  byRating.forEach((index, position) => (place[index] = position));
  for (let anchor = 0; anchor < candidates.length; anchor++) {
    const reach = windowOf(curve, now - candidates[anchor]!.joinedAt);
    const group = grow(candidates, byRating, place[anchor]!, seats, reach, fits);
    if (group) return group.sort((a, b) => a - b).map((i) => candidates[i]!);
  }
  return null;
}

/** Arrival indexes of `candidates` by rating, ties by arrival: what `pickGroup` works along. */
export function ratingOrder(candidates: readonly Candidate[]): number[] {
  return candidates.map((_, i) => i).sort((a, b) => candidates[a]!.rating - candidates[b]!.rating || a - b);
}

/**
 * The `ratingOrder` of `candidates`, a queue that is `earlier` with entries
 * taken out (a matching loop takes and adds none), from `earlier`'s order in
 * linear time instead of a sort; null when a candidate is new to it.
 */
export function narrowedOrder<C>(
  earlier: readonly C[],
  earlierOrder: readonly number[],
  candidates: readonly C[],
  key: (candidate: C) => string,
): number[] | null {
  const at = new Map<string, number>();
  candidates.forEach((candidate, i) => at.set(key(candidate), i));
  const order: number[] = [];
  for (const index of earlierOrder) {
    const now = at.get(key(earlier[index]!));
    if (now !== undefined) order.push(now);
  }
  return order.length === candidates.length ? order : null;
}

/** How many seats a candidate takes. */
export function sizeOf(candidate: Candidate): number {
  return candidate.party?.members.length ?? 1;
}

/**
 * From the anchor at `position` in rating order, add the nearest candidates outwards while the spread fits
 * `reach`, until exactly `seats` are filled.
 */
function grow(
  candidates: readonly Candidate[],
  byRating: readonly number[],
  position: number,
  seats: number,
  reach: number,
  fits: GroupFits | undefined,
): number[] | null {
  const anchorIndex = byRating[position]!;
  const anchor = candidates[anchorIndex]!;
  // Sizes are kept only for a `fits` to judge (team games): quick match runs this on every arrival.
  const sizes = fits ? [sizeOf(anchor)] : null;
  if (sizeOf(anchor) > seats || (fits && !fits(sizes!))) return null;
  const group = [anchorIndex];
  let filled = sizeOf(anchor);
  let low = anchor.rating;
  let high = anchor.rating;
  let left = position - 1;
  let right = position + 1;
  // Never a party on its own: a room needs at least two candidates, whatever their sizes.
  while (filled < seats || group.length < 2) {
    if (filled >= seats) return null;
    const leftGap = left >= 0 ? anchor.rating - candidates[byRating[left]!]!.rating : Infinity;
    const rightGap = right < byRating.length ? candidates[byRating[right]!]!.rating - anchor.rating : Infinity;
    // Nobody left, or everyone further away is further than the window reaches.
    if (left < 0 && right >= byRating.length) return null;
    if (Math.min(leftGap, rightGap) > reach) return null;
    const index = leftGap <= rightGap ? byRating[left--]! : byRating[right++]!;
    const candidate = candidates[index]!;
    const size = sizeOf(candidate);
    // Nearer the anchor, but it would stretch the group past the window on the other side, or not fit.
    if (Math.max(high, candidate.rating) - Math.min(low, candidate.rating) > reach) continue;
    if (filled + size > seats || (fits && !fits([...sizes!, size]))) continue;
    group.push(index);
    sizes?.push(size);
    filled += size;
    low = Math.min(low, candidate.rating);
    high = Math.max(high, candidate.rating);
  }
  return group;
}

/**
 * Whether groups of these sizes can be split into `teams` teams of at most
 * `teamSize` each, no group split (a party plays on one team). Exhaustive:
 * rooms are small.
 */
export function packsIntoTeams(sizes: readonly number[], teams: number, teamSize: number): boolean {
  const sorted = [...sizes].sort((a, b) => b - a);
  const room = new Array<number>(teams).fill(teamSize);
  const place = (i: number): boolean => {
    if (i === sorted.length) return true;
    const size = sorted[i]!;
    const tried = new Set<number>();
    for (let t = 0; t < teams; t++) {
      // Teams with the same room left are alike: trying one is trying them all.
      if (room[t]! < size || tried.has(room[t]!)) continue;
      tried.add(room[t]!);
      room[t]! -= size;
      const placed = place(i + 1);
      room[t]! += size;
      if (placed) return true;
    }
    return false;
  };
  return place(0);
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
