import { DEFAULT_WIDENING } from "@lobby/server";
import { describe, expect, it } from "vitest";
import { quantile, simulate, spearman } from "./simulate";

/*
 * The simulation on a small population: the figures it reports come from
 * what happened (first come, first served ignores ratings; the window does
 * not), not from settings. Quality targets are checked on the full-size run
 * (`pnpm bench:matchmaking`), not here.
 */

const small = { players: 400, idleMeanS: 120, gameS: 60, gamesPerPlayer: 12, seed: 3 };

describe("the matchmaking simulation", () => {
  it("matches closer ratings with the widening window than first come, first served, on the same population", () => {
    const fifo = simulate({ ...small, matcher: "first-come" });
    const window = simulate({ ...small, matcher: DEFAULT_WIDENING });
    expect(fifo.matches).toBeGreaterThan(1000);
    expect(window.matches).toBeGreaterThan(1000);
    expect(window.spread.mean).toBeLessThan(fifo.spread.mean / 2);
    expect(window.balanced).toBeGreaterThan(fifo.balanced);
    // Waiting for a closer opponent costs time.
    expect(window.wait.p95).toBeGreaterThan(fifo.wait.p95);
    // Ratings follow the hidden skills either way.
    expect(window.rankCorrelation).toBeGreaterThan(0.5);
  });

  it("computes ranks and quantiles as defined", () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1);
    expect(spearman([1, 1, 2], [5, 5, 6])).toBeCloseTo(1);
    expect(quantile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(quantile([5, 1, 3, 2, 4], 0.95)).toBe(5);
  });
});
