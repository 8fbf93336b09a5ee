import { describe, expect, it } from "vitest";
import {
  aggregateAll,
  aggregateLatencies,
  aggregateMetrics,
  aggregateRepetitions,
  aggregateScaleSteps,
  median,
  mergeChecks,
  mergeNotes,
  spreadOf,
  worstOf,
} from "./aggregate";
import type { Check, Metric, ScaleStep, ScenarioRun } from "./metrics";
import { renderHtml } from "./report-html";
import { renderMarkdown } from "./report-markdown";
import { evaluateTargets, type BenchReport } from "./targets";

describe("median, spread and worst", () => {
  it("takes the middle value, or the mean of the middle two", () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    // An outlier moves the mean, not the median.
    expect(median([10, 11, 1000])).toBe(11);
  });

  it("skips repetitions without a figure, and is null when none has one", () => {
    expect(median([null, 5, Number.NaN, 9, undefined, 7])).toBe(7);
    expect(median([])).toBeNull();
    expect(median([null, Number.NaN])).toBeNull();
  });

  it("does not reorder its input", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it("gives min, max and how many repetitions had a value", () => {
    expect(spreadOf([12, 9, null, 15])).toEqual({ min: 9, max: 15, n: 3 });
    expect(spreadOf([4])).toEqual({ min: 4, max: 4, n: 1 });
    expect(spreadOf([null])).toBeNull();
  });

  it("takes the largest count as the worst", () => {
    expect(worstOf([0, 3, 0])).toBe(3);
    expect(worstOf([0, null, 0])).toBe(0);
    expect(worstOf([null])).toBeNull();
  });
});

const metric = (key: string, value: number | null, worst = false): Metric => ({
  key,
  label: key,
  unit: "µs",
  value,
  ...(worst ? { worst } : {}),
});

describe("aggregateMetrics", () => {
  it("quotes medians, but the worst repetition for correctness counts, with every spread", () => {
    const { metrics, spread } = aggregateMetrics([
      [metric("server.cpuPerSeat", 100), metric("lost", 0, true)],
      [metric("server.cpuPerSeat", 300), metric("lost", 4, true)],
      [metric("server.cpuPerSeat", 120), metric("lost", 0, true)],
    ]);
    expect(metrics.find((m) => m.key === "server.cpuPerSeat")?.value).toBe(120);
    // The median of [0, 4, 0] would hide the lost states.
    expect(metrics.find((m) => m.key === "lost")?.value).toBe(4);
    expect(spread["server.cpuPerSeat"]).toEqual({ min: 100, max: 300, n: 3 });
    expect(spread.lost).toEqual({ min: 0, max: 4, n: 3 });
  });

  it("keeps a figure only some repetitions produced, over those, in first-seen order", () => {
    const { metrics, spread } = aggregateMetrics([[metric("a", 1)], [metric("a", 3), metric("b", 8)], []]);
    expect(metrics.map((m) => [m.key, m.value])).toEqual([
      ["a", 2],
      ["b", 8],
    ]);
    expect(spread.b).toEqual({ min: 8, max: 8, n: 1 });
  });

  it("puts a row only a later repetition has beside its neighbours, not at the end", () => {
    const { metrics } = aggregateMetrics([
      [metric("attack.refused.TOO_MANY_CONNECTIONS", 5), metric("attack.errorAcks", 9), metric("end.players", 0, true)],
      [
        metric("attack.refused.TOO_MANY_CONNECTIONS", 4),
        metric("attack.refused.TOO_MANY_SESSIONS", 1),
        metric("attack.errorAcks", 8),
        metric("end.players", 0, true),
      ],
    ]);
    expect(metrics.map((m) => m.key)).toEqual([
      "attack.refused.TOO_MANY_CONNECTIONS",
      "attack.refused.TOO_MANY_SESSIONS",
      "attack.errorAcks",
      "end.players",
    ]);
  });

  it("leaves a figure no repetition measured null, without a spread", () => {
    const { metrics, spread } = aggregateMetrics([[metric("cpu", null)], [metric("cpu", null)]]);
    expect(metrics[0]?.value).toBeNull();
    expect(spread.cpu).toBeUndefined();
  });
});

const check = (name: string, ok: boolean, detail = ok ? "fine" : "broken"): Check => ({ name, ok, detail });

describe("mergeChecks", () => {
  it("fails a check that failed in any one repetition and names it", () => {
    const merged = mergeChecks([
      [check("no lost states", true)],
      [check("no lost states", false, "3 gaps")],
      [check("no lost states", true)],
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.ok).toBe(false);
    expect(merged[0]?.detail).toContain("1 of 3");
    expect(merged[0]?.detail).toContain("rep 2: 3 gaps");
  });

  it("passes a check that held everywhere, with one detail when they agree", () => {
    expect(mergeChecks([[check("x", true)], [check("x", true)]])).toEqual([check("x", true)]);
    expect(mergeChecks([[check("x", true, "a")], [check("x", true, "b")]])[0]?.detail).toBe("rep 1: a; rep 2: b");
  });

  it("fails a repetition that crashed, without failing the others' checks it never reached", () => {
    const merged = mergeChecks([
      [check("no lost states", true)],
      [check("scenario completed", false, "server exited")],
      [check("no lost states", true)],
    ]);
    expect(merged.find((c) => c.name === "scenario completed")).toMatchObject({ ok: false });
    expect(merged.find((c) => c.name === "scenario completed")?.detail).toContain("rep 2: server exited");
    expect(merged.find((c) => c.name === "no lost states")).toMatchObject({ ok: true });
    expect(merged.find((c) => c.name === "no lost states")?.detail).toContain("not checked in rep 2");
    expect(merged.some((c) => !c.ok)).toBe(true);
  });

  it("passes a single repetition through unchanged", () => {
    const only = [check("a", true, "d1"), check("b", false, "d2")];
    expect(mergeChecks([only])).toEqual(only);
  });
});

describe("mergeNotes", () => {
  it("keeps a note shared by every repetition once and labels the rest", () => {
    expect(
      mergeNotes([
        ["error acks: none", "⚠ bots at 95 % CPU"],
        ["error acks: none"],
        ["error acks: none", "⚠ bots at 95 % CPU"],
      ]),
    ).toEqual(["error acks: none", "rep 1, 3: ⚠ bots at 95 % CPU"]);
    expect(mergeNotes([["x", "y"]])).toEqual(["x", "y"]);
  });
});

describe("aggregateLatencies", () => {
  it("takes each percentile's median over the repetitions that measured it", () => {
    const s = (p99: number) => ({ count: 10, mean: 1, p50: 1, p95: 2, p99, max: p99 * 2 });
    const merged = aggregateLatencies([{ rtt: s(5) }, { rtt: s(50), seat: s(7) }, { rtt: s(6) }]);
    expect(merged.rtt?.p99).toBe(6);
    expect(merged.rtt?.max).toBe(12);
    expect(merged.seat?.p99).toBe(7);
  });
});

const step = (players: number, p99: number, connectFailures = 0): ScaleStep => ({
  players,
  seated: players,
  connectFailures,
  p50: p99 / 4,
  p99,
  movesPerSecond: players,
  otherEventsPerSecond: 1,
  serverCpuPercent: null,
  botCpuPercent: 50,
});

describe("aggregateScaleSteps", () => {
  it("takes medians per step, the worst connect failures, and says which steps not every repetition reached", () => {
    const { steps, notes } = aggregateScaleSteps([
      [step(20, 10), step(40, 30, 2)],
      [step(20, 12), step(40, 90)],
      [step(20, 80)],
    ]);
    expect(steps.map((s) => [s.players, s.p99])).toEqual([
      [20, 12],
      [40, 60],
    ]);
    expect(steps[1]?.connectFailures).toBe(2);
    expect(steps[0]?.serverCpuPercent).toBeNull();
    expect(notes).toEqual(["40 players: reached in 2 of 3 repetitions; figures are over those"]);
  });
});

function rep(
  server: ScenarioRun["server"],
  scenario: ScenarioRun["scenario"],
  cpu: number | null,
  lost: number,
  checks: Check[] = [check("no lost states", lost === 0)],
): ScenarioRun {
  return {
    scenario,
    server,
    players: 200,
    metrics:
      scenario === "relay"
        ? [
            metric("server.cpuPerMessage", cpu),
            metric("rtt.p99", cpu === null ? null : cpu / 10),
            metric("lost", lost, true),
            metric("duplicates", 0, true),
          ]
        : [
            metric("server.cpuPerSeat", cpu),
            metric("memory.rssPerPlayer", cpu === null ? null : cpu / 5),
            metric("connect.failures", lost, true),
          ],
    latencies: {},
    checks,
    notes: [],
  };
}

describe("aggregateRepetitions and aggregateAll", () => {
  it("groups interleaved runs by scenario and server, Lobby first, keeping every raw repetition", () => {
    const raw = [
      rep("lobby", "burst", 100, 0),
      rep("baseline", "burst", 80, 0),
      rep("lobby", "burst", 140, 0),
      rep("baseline", "burst", 90, 0),
      rep("lobby", "burst", 110, 0),
      rep("baseline", "burst", 70, 0),
    ];
    const runs = aggregateAll(raw);
    expect(runs.map((r) => r.server)).toEqual(["lobby", "baseline"]);
    const [lobby, baseline] = runs;
    expect(lobby?.metrics.find((m) => m.key === "server.cpuPerSeat")?.value).toBe(110);
    expect(baseline?.metrics.find((m) => m.key === "server.cpuPerSeat")?.value).toBe(80);
    expect(lobby?.spread?.["server.cpuPerSeat"]).toEqual({ min: 100, max: 140, n: 3 });
    expect(lobby?.repetitions?.map((r) => r.metrics.find((m) => m.key === "server.cpuPerSeat")?.value)).toEqual([
      100, 140, 110,
    ]);
  });

  it("refuses to mix scenarios or servers, and needs at least one repetition", () => {
    expect(() => aggregateRepetitions([rep("lobby", "burst", 1, 0), rep("baseline", "burst", 1, 0)])).toThrow();
    expect(() => aggregateRepetitions([])).toThrow();
  });
});

function repeatedReport(lobbyRelay: ScenarioRun[]): BenchReport {
  const raw = [
    ...[100, 300, 120].flatMap((cpu, i) => [
      rep("lobby", "burst", cpu, 0),
      rep("baseline", "burst", [100, 100, 96][i]!, 0),
    ]),
    ...lobbyRelay.flatMap((run) => [run, rep("baseline", "relay", 10, 0)]),
  ];
  const runs = aggregateAll(raw);
  return {
    startedAt: "2026-01-01T00:00:00.000Z",
    finishedAt: "2026-01-01T00:05:00.000Z",
    command: "pnpm bench --repeat 3",
    options: { players: 200, durationS: 3, hz: 10, repeat: 3 },
    machine: {
      cpus: 2,
      node: "22.0.0",
      platform: "linux",
      pinning: "pinned",
      workers: 2,
      fileLimit: 1024,
      build: "esbuild",
      loadAverage: { start: [0, 0, 0], end: [0, 0, 0] },
    },
    repeat: 3,
    runs,
    targets: evaluateTargets(runs, { players: 200, hz: 10 }),
    ok: raw.every((r) => r.checks.every((c) => c.ok)),
  };
}

describe("targets and reports over repetitions", () => {
  it("judge ratios on medians and lost messages on the worst repetition", () => {
    const report = repeatedReport([
      rep("lobby", "relay", 11, 0),
      rep("lobby", "relay", 50, 2),
      rep("lobby", "relay", 12, 0),
    ]);
    const cpuPerSeat = report.targets.find((t) => t.target.startsWith("server CPU per seated"));
    // Medians 120 / 100; the 300 µs outlier does not fail the 1.25× target.
    expect(cpuPerSeat).toMatchObject({ lobby: 120, baseline: 100, ok: true });
    expect(cpuPerSeat?.ratio).toBeCloseTo(1.2);
    const lost = report.targets.find((t) => t.target.startsWith("lost or duplicated"));
    expect(lost).toMatchObject({ lobby: 2, ok: false });
    // The relay ratios look fine on medians, but a repetition failed a check.
    expect(report.targets.find((t) => t.target === "relay RTT p99")).toMatchObject({ ok: false });
    expect(report.ok).toBe(false);
  });

  it("print medians, the spread of the main figures and the worst counts in markdown", () => {
    const md = renderMarkdown(
      repeatedReport([rep("lobby", "relay", 11, 0), rep("lobby", "relay", 13, 0), rep("lobby", "relay", 12, 0)]),
    );
    expect(md).toContain("| metric | Lobby (median of 3) | baseline (median of 3) | Lobby / baseline |");
    expect(md).toContain("| server.cpuPerSeat | 120 µs | 100 µs | 1.20× |");
    expect(md).toContain("| lost (worst of 3) | 0 µs | 0 µs | — |");
    expect(md).toContain("### Spread over 3 repetitions");
    expect(md).toContain("| server CPU per seated player (burst) | 120 µs | 100–300 µs | 100 µs | 96–100 µs |");
    expect(md).toContain("| relay move → own state p99 | 1.20 µs | 1.10–1.30 µs | 1 µs | 1–1 µs |");
    expect(md).toContain("all 1 checks ✓ in all 3 repetitions");
    expect(md).toContain("### Targets (medians of 3 repetitions");
    expect(md).toContain("All checks passed.");
  });

  it("says when a main figure is missing from some repetitions", () => {
    const md = renderMarkdown(
      repeatedReport([rep("lobby", "relay", 11, 0), rep("lobby", "relay", null, 0), rep("lobby", "relay", 13, 0)]),
    );
    expect(md).toContain("| server CPU per delivered state (relay) | 12 µs | 11–13 µs (2 of 3) |");
  });

  it("put the spread in the HTML report too, still well formed", () => {
    const html = renderHtml(
      repeatedReport([rep("lobby", "relay", 11, 0), rep("lobby", "relay", 13, 0), rep("lobby", "relay", 12, 0)]),
    );
    expect(html).toContain("Spread over 3 repetitions");
    expect(html).toContain("Lobby (median of 3)");
    expect(html).not.toMatch(/NaN|undefined|Infinity/);
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
  });
});
