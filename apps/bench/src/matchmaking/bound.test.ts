import { describe, expect, it } from "vitest";
import { leastSpread, type Arrival } from "./bound";

/*
 * The bound against every matching there is, on streams small enough to
 * list them all: it may never exceed the mean spread of a matching that
 * keeps within the limits, and where the limits decide the pairs it finds
 * them.
 */

/** Every way to pair players 0..n-1 (n even), each as a list of pairs. */
function matchings(n: number): [number, number][][] {
  const pairings = (left: number[]): [number, number][][] => {
    if (left.length === 0) return [[]];
    const [first, ...others] = left as [number, ...number[]];
    return others.flatMap((partner, k) =>
      pairings(others.filter((_, x) => x !== k)).map((tail): [number, number][] => [[first, partner], ...tail]),
    );
  };
  return pairings(Array.from({ length: n }, (_, i) => i));
}

function stream(seed: number, n: number, spanS: number): Arrival[] {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: n }, () => ({ at: next() * spanS, rating: Math.round(next() * 2000) })).sort(
    (a, b) => a.at - b.at,
  );
}

/** The least mean spread of the matchings with at most `late` players waiting past `maxWaitS`, by listing them. */
function bestListed(arrivals: Arrival[], maxWaitS: number, late: number): number {
  let best = Infinity;
  for (const pairs of matchings(arrivals.length)) {
    // The earlier of a pair waits at least until the later one arrives.
    const lateCount = pairs.filter(([a, b]) => Math.abs(arrivals[a]!.at - arrivals[b]!.at) > maxWaitS).length;
    if (lateCount > late) continue;
    const total = pairs.reduce((sum, [a, b]) => sum + Math.abs(arrivals[a]!.rating - arrivals[b]!.rating), 0);
    best = Math.min(best, total / pairs.length);
  }
  return best;
}

describe("leastSpread", () => {
  it("never exceeds the best matching that keeps within the limits", () => {
    let checked = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const arrivals = stream(seed, 10, 3);
      for (const [maxWaitS, lateShare] of [
        [0.5, 0],
        [0.5, 0.1],
        [1, 0.2],
        [2, 0],
      ] as const) {
        const best = bestListed(arrivals, maxWaitS, Math.floor(lateShare * arrivals.length));
        if (!Number.isFinite(best)) continue;
        checked++;
        expect(leastSpread(arrivals, maxWaitS, lateShare)).toBeLessThanOrEqual(best + 1e-9);
      }
    }
    expect(checked).toBeGreaterThan(80);
  });

  it("is the best matching when nothing limits the wait: neighbours by rating", () => {
    for (let seed = 1; seed <= 10; seed++) {
      const arrivals = stream(seed, 10, 3);
      const sorted = arrivals.map((a) => a.rating).sort((a, b) => a - b);
      let total = 0;
      for (let i = 0; i < sorted.length; i += 2) total += sorted[i + 1]! - sorted[i]!;
      expect(leastSpread(arrivals, Infinity, 0)).toBeCloseTo(total / (sorted.length / 2), 6);
    }
  });

  it("finds what the wait limit forces: pairs far apart in rating when the close ones are far apart in time", () => {
    const arrivals: Arrival[] = [
      { at: 0, rating: 0 },
      { at: 0.1, rating: 1000 },
      { at: 10, rating: 0 },
      { at: 10.1, rating: 1000 },
    ];
    // Matching the equal ratings keeps someone waiting 10 s; within 1 s only the far pairs are possible.
    expect(leastSpread(arrivals, 1, 0)).toBeCloseTo(1000, 0);
    // With half the players allowed to be late, the equal ratings may meet.
    expect(leastSpread(arrivals, 1, 0.5)).toBeCloseTo(0, 6);
  });
});
