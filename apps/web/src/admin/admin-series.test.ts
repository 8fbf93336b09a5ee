import { describe, expect, it } from "vitest";
import { node, snapshot } from "./admin-fixtures";
import {
  appendSample,
  averageQueueWait,
  counterGrowth,
  cpuSeries,
  HISTORY_MS,
  latestValue,
  matchesPerMinute,
  memorySeries,
  sampleOf,
  type Sample,
} from "./admin-series";

/** Samples 10 s apart from per-node figures: one entry per snapshot. */
function history(
  steps: readonly Record<string, { matches?: number; uptime?: number; waits?: [number, number] }>[],
): Sample[] {
  return steps.map((nodes, i) =>
    sampleOf(
      snapshot(i * 10_000, {
        nodes: Object.entries(nodes).map(([id, figures]) =>
          node(id, {
            matchesMade: figures.matches ?? 0,
            uptimeSeconds: figures.uptime ?? 600 + i * 10,
            queueWaits: { count: figures.waits?.[0] ?? 0, totalMs: figures.waits?.[1] ?? 0 },
          }),
        ),
      }),
    ),
  );
}

const values = (points: readonly { value: number | null }[]) => points.map((p) => p.value);

describe("matches per minute", () => {
  it("differences the nodes' cumulative counters, summed, over the trailing minute", () => {
    const h = history([
      { "node-1": { matches: 100 }, "node-2": { matches: 7 } },
      { "node-1": { matches: 101 }, "node-2": { matches: 8 } },
      { "node-1": { matches: 103 }, "node-2": { matches: 8 } },
    ]);
    // 2 matches in 10 s, then 4 in 20 s: both 12 a minute. The totals before we watched do not count.
    expect(values(matchesPerMinute(h))).toEqual([null, 12, 12]);
  });

  it("reads a restarted node's counter (it fell back) as what it made since, never as negative", () => {
    const h = history([
      { "node-1": { matches: 50 }, "node-2": { matches: 20 } },
      { "node-1": { matches: 51 }, "node-2": { matches: 2, uptime: 5 } },
    ]);
    // node-1 made 1, node-2 restarted and made 2 since: 3 in 10 s.
    expect(values(matchesPerMinute(h))).toEqual([null, 18]);
  });

  it("notices a restart by the uptime even when the counter has already passed its old total", () => {
    const h = history([{ "node-1": { matches: 3 } }, { "node-1": { matches: 5, uptime: 8 } }]);
    // 5 since the restart, not 5 − 3.
    expect(values(matchesPerMinute(h))).toEqual([null, 30]);
  });

  it("counts a node first seen now only if it started within the interval", () => {
    const h = history([
      { "node-1": { matches: 10 } },
      { "node-1": { matches: 10 }, "node-2": { matches: 40 }, "node-3": { matches: 1, uptime: 6 } },
    ]);
    // node-2 was up long before (its 40 are old news), node-3 started since.
    expect(values(matchesPerMinute(h))).toEqual([null, 6]);
  });

  it("forgets what fell out of the trailing minute", () => {
    const steps = [{ "node-1": { matches: 0 } }, { "node-1": { matches: 6 } }];
    for (let i = 0; i < 6; i++) steps.push({ "node-1": { matches: 6 } });
    const rates = values(matchesPerMinute(history(steps)));
    expect(rates[1]).toBe(36);
    // At 60 s the burst (between 0 and 10 s) is still in the window, 6 a minute; at 70 s it is gone.
    expect(rates.slice(-2)).toEqual([6, 0]);
  });
});

describe("counterGrowth", () => {
  const read = (n: { matchesMade: number }) => n.matchesMade;
  const sample = (matches: number, uptime: number) =>
    sampleOf(snapshot(0, { nodes: [node("n", { matchesMade: matches, uptimeSeconds: uptime })] })).nodes[0]!;

  it("is the difference while the node keeps running, and the new total after a restart", () => {
    expect(counterGrowth(sample(4, 100), sample(9, 102), read, 2000)).toBe(5);
    expect(counterGrowth(sample(4, 100), sample(1, 1), read, 2000)).toBe(1);
    expect(counterGrowth(undefined, sample(3, 1), read, 2000)).toBe(3);
    expect(counterGrowth(undefined, sample(3, 100), read, 2000)).toBe(0);
  });
});

describe("average queue wait", () => {
  it("is the waits seated in the trailing minute over how many, and missing when nobody was seated", () => {
    const h = history([
      { "node-1": { waits: [10, 50_000] }, "node-2": { waits: [0, 0] } },
      { "node-1": { waits: [12, 56_000] }, "node-2": { waits: [1, 3_000] } },
      { "node-1": { waits: [12, 56_000] }, "node-2": { waits: [1, 3_000] } },
    ]);
    // Three seated within the minute, after 3 s each; the old ten do not count.
    expect(values(averageQueueWait(h))).toEqual([null, 3000, 3000]);
    expect(values(averageQueueWait(history([{ "node-1": {} }, { "node-1": {} }])))).toEqual([null, null]);
  });
});

describe("per-node lines", () => {
  it("draws one line per node in id order, with a gap where a node is missing", () => {
    const h = [
      sampleOf(snapshot(0, { nodes: [node("node-2", { cpu: 0.5 }), node("node-1", { cpu: 0.25 })] })),
      sampleOf(snapshot(2000, { nodes: [node("node-1", { cpu: 0.75, rssBytes: 2 ** 27 })] })),
    ];
    expect(cpuSeries(h)).toEqual([
      {
        label: "node-1",
        points: [
          { at: 0, value: 25 },
          { at: 2000, value: 75 },
        ],
      },
      {
        label: "node-2",
        points: [
          { at: 0, value: 50 },
          { at: 2000, value: null },
        ],
      },
    ]);
    expect(memorySeries(h)[0]!.points.at(-1)).toEqual({ at: 2000, value: 128 });
    expect(latestValue(cpuSeries(h)[1]!.points)).toBe(50);
  });
});

describe("appendSample", () => {
  it("keeps ten minutes, and only samples newer than the last", () => {
    let h: readonly Sample[] = [];
    for (let at = 0; at <= HISTORY_MS + 4000; at += 2000) h = appendSample(h, sampleOf(snapshot(at)));
    expect(h[0]!.at).toBe(4000);
    expect(h.at(-1)!.at).toBe(HISTORY_MS + 4000);
    const same = appendSample(h, sampleOf(snapshot(HISTORY_MS + 4000)));
    expect(same).toBe(h);
    expect(appendSample(h, sampleOf(snapshot(1000)))).toBe(h);
  });
});
