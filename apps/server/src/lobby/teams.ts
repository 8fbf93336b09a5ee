/*
 * Teams for team games: made at each game's start from the seated players,
 * of equal size, balanced by rating, and with each party on one team.
 */

/** A seat as team-making sees it. */
export interface TeamSeat {
  rating: number;
  /** Seats with the same party play on one team (when the teams' sizes allow it). */
  party?: string | undefined;
}

/**
 * Each seat's team (0-based), for `teams` teams of `seats.length / teams`:
 * of all the splits that keep every party on one team, the one whose teams'
 * rating totals are closest (ties: the first found, so the same seats always
 * split the same way). A party too large for one team, or parties that
 * cannot be fitted together, are split seat by seat instead. Exhaustive:
 * rooms are small (at most a few thousand splits for eight seats).
 */
export function assignTeams(seats: readonly TeamSeat[], teams: number): number[] {
  if (teams < 2 || seats.length % teams !== 0)
    throw new Error(`${seats.length} seats do not split into ${teams} teams`);
  const byParty = new Map<string, number[]>();
  const groups: number[][] = [];
  seats.forEach((seat, index) => {
    const together = seat.party === undefined ? undefined : byParty.get(seat.party);
    if (together) together.push(index);
    else {
      const group = [index];
      groups.push(group);
      if (seat.party !== undefined) byParty.set(seat.party, group);
    }
  });
  return (
    bestSplit(seats, groups, teams) ??
    bestSplit(
      seats,
      seats.map((_, i) => [i]),
      teams,
    )!
  );
}

function bestSplit(seats: readonly TeamSeat[], groups: readonly number[][], teams: number): number[] | null {
  const size = seats.length / teams;
  // Largest groups first: they have the fewest places to go, so dead ends show early.
  const order = [...groups].sort((a, b) => b.length - a.length);
  const total = (group: readonly number[]) => group.reduce((sum, i) => sum + seats[i]!.rating, 0);
  const room = new Array<number>(teams).fill(size);
  const sums = new Array<number>(teams).fill(0);
  const chosen = new Array<number>(order.length);
  let best: { spread: number; teamOf: number[] } | null = null;
  const place = (g: number) => {
    if (g === order.length) {
      const spread = Math.max(...sums) - Math.min(...sums);
      if (best && spread >= best.spread) return;
      const teamOf = new Array<number>(seats.length);
      order.forEach((group, i) => group.forEach((seat) => (teamOf[seat] = chosen[i]!)));
      best = { spread, teamOf };
      return;
    }
    const group = order[g]!;
    const rating = total(group);
    for (let t = 0; t < teams; t++) {
      if (room[t]! < group.length) continue;
      // An empty team is like any other empty team: the first group opens team 0, the next a new one at most.
      if (room[t] === size && room.slice(0, t).some((left) => left === size)) break;
      room[t]! -= group.length;
      sums[t]! += rating;
      chosen[g] = t;
      place(g + 1);
      room[t]! += group.length;
      sums[t]! -= rating;
    }
  };
  place(0);
  return (best as { teamOf: number[] } | null)?.teamOf ?? null;
}
