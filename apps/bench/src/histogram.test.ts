import { describe, expect, it } from "vitest";
import { Histogram, summarize } from "./histogram";

describe("Histogram", () => {
  it("gives nearest-rank percentiles within 0.1 %", () => {
    const h = new Histogram();
    for (let ms = 1; ms <= 1000; ms++) h.record(ms);
    expect(Math.abs(h.percentile(50) - 500) / 500).toBeLessThan(0.001);
    expect(Math.abs(h.percentile(99) - 990) / 990).toBeLessThan(0.001);
    expect(h.percentile(100)).toBe(1000);
    expect(h.percentile(0)).toBe(1);
  });

  it("tells microseconds apart from 0.01 ms up, and keeps 0.1 % up to 600 s", () => {
    const small = new Histogram();
    for (const ms of [0.01, 0.011, 0.012, 0.013, 2.047]) small.record(ms);
    expect(small.percentile(20)).toBe(0.01);
    expect(small.percentile(40)).toBe(0.011);
    expect(small.percentile(60)).toBe(0.012);
    expect(small.percentile(80)).toBe(0.013);
    const large = new Histogram();
    for (const ms of [1_000, 59_000, 599_000, 600_000]) large.record(ms);
    expect(Math.abs(large.percentile(50) - 59_000) / 59_000).toBeLessThan(0.001);
    expect(Math.abs(large.percentile(75) - 599_000) / 599_000).toBeLessThan(0.001);
    expect(large.percentile(100)).toBe(600_000);
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
    // And straight from the histograms, as the coordinator pools the per-mode round trips.
    expect(summarize(parts)).toEqual(one.summary());
  });

  it("keeps tiny, zero and huge values without losing count", () => {
    const h = new Histogram();
    for (const ms of [0, 0.001, 5, 1e9, Number.NaN]) h.record(ms);
    expect(h.count).toBe(4);
    expect(h.percentile(100)).toBe(1e9);
    expect(h.percentile(25)).toBeLessThan(0.01);
  });
});
