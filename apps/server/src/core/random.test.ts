import { describe, expect, it } from "vitest";
import { cryptoRandom, randomId } from "./random";

describe("cryptoRandom", () => {
  it("draws uniform floats in [0, 1) across many refills of its pool", () => {
    const random = cryptoRandom();
    const draws = Array.from({ length: 20_000 }, () => random.next());
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    const buckets = Array<number>(10).fill(0);
    for (const x of draws) buckets[Math.floor(x * 10)]!++;
    // 2,000 expected per tenth; five standard deviations is about ±210.
    for (const count of buckets) expect(Math.abs(count - 2000)).toBeLessThan(250);
    expect(new Set(draws).size).toBe(draws.length);
  });

  it("gives separate generators separate streams, and ids that do not repeat", () => {
    const a = cryptoRandom();
    const b = cryptoRandom();
    expect(a.next()).not.toBe(b.next());
    const ids = Array.from({ length: 5000 }, () => randomId(a));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[0-9a-z]{12}$/.test(id))).toBe(true);
  });
});
