import { describe, expect, it } from "vitest";
import { Histogram, summarize } from "./histogram";

describe("Histogram", () => {
  it("gives nearest-rank percentiles within a bucket's width", () => {
    const h = new Histogram();
    for (let ms = 1; ms <= 1000; ms++) h.record(ms);
    expect(h.percentile(50)).toBeCloseTo(500, -1);
    expect(Math.abs(h.percentile(50) - 500) / 500).toBeLessThan(0.01);
    expect(Math.abs(h.percentile(99) - 990) / 990).toBeLessThan(0.01);
    expect(h.percentile(100)).toBe(1000);
    expect(h.percentile(0)).toBe(1);
  });

  it("clamps to the exact extremes and reports an empty histogram as NaN", () => {
    const h = new Histogram();
    expect(h.percentile(50)).toBeNaN();
    h.record(7.3);
    expect(h.percentile(1)).toBe(7.3);
    expect(h.percentile(99)).toBe(7.3);
    expect(h.summary()).toMatchObject({ count: 1, mean: 7.3, max: 7.3 });
  });

  it("merges per-worker histograms into the same result as one histogram", () => {
    const one = new Histogram();
    const parts = [new Histogram(), new Histogram(), new Histogram()];
    for (let i = 0; i < 3000; i++) {
      const ms = ((i * 7919) % 2000) / 10;
      one.record(ms);
      parts[i % 3]!.record(ms);
    }
    // Through JSON, as the workers send them over IPC.
    const merged = summarize(
      parts.map((p) => JSON.parse(JSON.stringify(p.toJson())) as ReturnType<Histogram["toJson"]>),
    );
    expect(merged).toEqual(one.summary());
  });

  it("keeps tiny, zero and huge values without losing count", () => {
    const h = new Histogram();
    for (const ms of [0, 0.001, 5, 1e9, Number.NaN]) h.record(ms);
    expect(h.count).toBe(4);
    expect(h.percentile(100)).toBe(1e9);
    expect(h.percentile(25)).toBeLessThan(0.01);
  });
});
