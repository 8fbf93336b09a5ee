import { describe, expect, it } from "vitest";
import { SequenceTracker, addSequenceCounts, emptySequenceCounts } from "./sequence";

describe("SequenceTracker", () => {
  it("accepts a contiguous sequence", () => {
    const t = new SequenceTracker();
    expect(t.observe("r", 5, "countdown")).toBe("first");
    for (let v = 6; v < 20; v++) expect(t.observe("r", v, "playing")).toBe("next");
    expect(t.counts).toEqual({ received: 15, gaps: 0, missing: 0, late: 0, duplicates: 0, stale: 0 });
  });

  it("counts a jump out of a playing state as a gap with the versions it skipped", () => {
    const t = new SequenceTracker();
    t.observe("r", 1, "playing");
    expect(t.observe("r", 4, "playing")).toBe("gap");
    expect(t.counts).toMatchObject({ gaps: 1, missing: 2 });
  });

  it("allows jumps outside play, where one change may hold several bumps", () => {
    const t = new SequenceTracker();
    t.observe("r", 1, "waiting");
    expect(t.observe("r", 3, "countdown")).toBe("jump");
    t.observe("r", 4, "finished");
    expect(t.observe("r", 6, "countdown")).toBe("jump");
    expect(t.counts.gaps).toBe(0);
  });

  it("flags duplicates and out-of-order states, and never moves backwards", () => {
    const t = new SequenceTracker();
    t.observe("r", 10, "playing");
    expect(t.observe("r", 10, "playing")).toBe("duplicate");
    expect(t.observe("r", 8, "playing")).toBe("stale");
    expect(t.observe("r", 11, "playing")).toBe("next");
    expect(t.counts).toMatchObject({ duplicates: 1, stale: 1, gaps: 0 });
  });

  it("counts a skipped state that arrives after a newer one as late, not lost", () => {
    const t = new SequenceTracker();
    t.observe("r", 1, "playing");
    expect(t.observe("r", 4, "playing")).toBe("gap");
    expect(t.observe("r", 3, "playing")).toBe("late");
    expect(t.counts).toMatchObject({ gaps: 1, missing: 1, late: 1, stale: 0 });
    expect(t.observe("r", 2, "playing")).toBe("late");
    expect(t.counts).toMatchObject({ gaps: 0, missing: 0, late: 2, stale: 0 });
    // Filled once: the same version again is no longer late.
    expect(t.observe("r", 2, "playing")).toBe("stale");
    expect(t.observe("r", 5, "playing")).toBe("next");
  });

  it("takes a late state skipped by a jump outside play as late too, never as a loss", () => {
    const t = new SequenceTracker();
    t.observe("r", 1, "waiting");
    expect(t.observe("r", 3, "countdown")).toBe("jump");
    expect(t.observe("r", 2, "waiting")).toBe("late");
    expect(t.counts).toMatchObject({ gaps: 0, missing: 0, late: 1, stale: 0 });
  });

  it("stops waiting for states far older than the newest", () => {
    const t = new SequenceTracker();
    t.observe("r", 0, "playing");
    t.observe("r", 1000, "playing");
    expect(t.counts).toMatchObject({ gaps: 1, missing: 999 });
    expect(t.observe("r", 1, "playing")).toBe("stale");
    expect(t.observe("r", 999, "playing")).toBe("late");
    expect(t.counts).toMatchObject({ missing: 998, late: 1 });
  });

  it("does not count a gap left before a reset as recovered when it fills after it", () => {
    const t = new SequenceTracker();
    t.observe("r", 1, "playing");
    t.observe("r", 3, "playing");
    t.resetCounts();
    expect(t.observe("r", 2, "playing")).toBe("late");
    expect(t.counts).toMatchObject({ gaps: 0, missing: 0, late: 1 });
  });

  it("keeps rooms apart and starts over after forgetting one", () => {
    const t = new SequenceTracker();
    t.observe("a", 1, "playing");
    expect(t.observe("b", 50, "playing")).toBe("first");
    t.forget("a");
    expect(t.observe("a", 40, "playing")).toBe("first");
    expect(t.counts.gaps).toBe(0);
  });

  it("sums counts from several trackers", () => {
    const a = { ...emptySequenceCounts(), received: 2, gaps: 1, missing: 3 };
    const b = { ...emptySequenceCounts(), received: 5, duplicates: 1 };
    expect(addSequenceCounts(a, b)).toEqual({ received: 7, gaps: 1, missing: 3, late: 0, duplicates: 1, stale: 0 });
  });
});
