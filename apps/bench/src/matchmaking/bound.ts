/*
 * How close any matcher could come: a lower bound on the mean rating spread
 * of 1v1 matches made from a stream of arrivals when at most a share of the
 * players may wait longer than a limit. It holds for every matcher, even one
 * that knew every arrival in advance, so a target below it cannot be met on
 * that stream by any setting or any algorithm.
 *
 * Why it holds. A pair of players matched with arrivals more than `maxWaitS`
 * apart has its earlier player waiting longer than that, so at most
 * `lateShare` of the players are late and at most twice that share are in
 * pairs that are not within the limit ("free" players: the late ones and
 * their partners). Every other pair is two arrivals at most `maxWaitS` apart.
 * The cheapest way to pair the stream like that, with free players allowed at
 * a price `mu` each, is found exactly by dynamic programming over arrival
 * order: only arrivals within `maxWaitS` of the newest can still be paired
 * with it, so the state is which of those few are still unpaired (a bit
 * mask). For every `mu`, that cheapest cost minus `mu` times the free
 * players allowed is at most the total spread of any matching within the
 * limits (Lagrangian relaxation), so the best `mu` gives the bound.
 */

export interface Arrival {
  /** When the player queued, seconds; arrivals must be in time order. */
  at: number;
  /** Their rating then, in the points spread is measured in. */
  rating: number;
}

/**
 * A lower bound on the mean spread per match (arrivals / 2 matches) of any
 * 1v1 matching of `arrivals` in which at most `lateShare` of the players
 * wait longer than `maxWaitS`. Every arrival is paired: a simulation that
 * stops with a few players still waiting differs from that by those few.
 */
export function leastSpread(arrivals: readonly Arrival[], maxWaitS: number, lateShare: number): number {
  const n = arrivals.length;
  if (n < 2) return 0;
  const allowedFree = 2 * Math.floor(lateShare * n);
  let low = Infinity;
  let high = -Infinity;
  for (const a of arrivals) {
    low = Math.min(low, a.rating);
    high = Math.max(high, a.rating);
  }
  // Past this price, freeing two players costs more than any pair of them could. Every price gives a valid
  // bound; the search only looks for the best one between 0 and this.
  const top = 2 * (high - low) + 1;
  const dual = (mu: number) => cheapestPairing(arrivals, maxWaitS, mu) - mu * allowedFree;
  // The dual is concave in mu (a minimum of functions linear in it): golden-section search for its top.
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = 0;
  let b = top;
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let fc = dual(c);
  let fd = dual(d);
  let best = Math.max(dual(0), dual(top), fc, fd);
  while (b - a > 1) {
    if (fc >= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - ratio * (b - a);
      fc = dual(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + ratio * (b - a);
      fd = dual(d);
    }
    best = Math.max(best, fc, fd);
  }
  return Math.max(0, best) / (n / 2);
}

/**
 * The least total spread of pairing `arrivals`, each pair within `maxWaitS`
 * of each other, where any player may instead be left free at `mu`.
 */
function cheapestPairing(arrivals: readonly Arrival[], maxWaitS: number, mu: number): number {
  // State: the unpaired players among arrivals[first..newest], bit k for arrivals[first + k]; its least cost.
  let states = new Map<number, number>([[0, 0]]);
  let first = 0;
  for (let i = 0; i < arrivals.length; i++) {
    const newest = arrivals[i]!;
    let nextFirst = first;
    while (newest.at - arrivals[nextFirst]!.at > maxWaitS) nextFirst++;
    const shift = nextFirst - first;
    if (i - nextFirst >= 30) throw new Error("too many arrivals within the wait limit for a bit mask");
    const next = new Map<number, number>();
    const keep = (mask: number, cost: number) => {
      const known = next.get(mask);
      if (known === undefined || cost < known) next.set(mask, cost);
    };
    for (const [mask, before] of states) {
      // Unpaired players who can no longer be paired within the limit are free.
      const gone = shift >= 31 ? mask : mask & ((1 << shift) - 1);
      const kept = shift >= 31 ? 0 : mask >>> shift;
      const cost = before + bitCount(gone) * mu;
      const slot = i - nextFirst;
      keep(kept | (1 << slot), cost);
      keep(kept, cost + mu);
      for (let k = 0; k < slot; k++) {
        if ((kept & (1 << k)) === 0) continue;
        keep(kept & ~(1 << k), cost + Math.abs(newest.rating - arrivals[nextFirst + k]!.rating));
      }
    }
    states = next;
    first = nextFirst;
  }
  let best = Infinity;
  for (const [mask, cost] of states) best = Math.min(best, cost + bitCount(mask) * mu);
  return best;
}

function bitCount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}
