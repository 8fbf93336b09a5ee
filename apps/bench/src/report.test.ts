import { describe, expect, it } from "vitest";
import type { ScenarioRun } from "./metrics";
import { escapeHtml, renderHtml } from "./report-html";
import { formatNumber, interleaved, renderMarkdown } from "./report-markdown";
import { aggregateAll, aggregateRepetitions } from "./aggregate";
import { abuseTargets, evaluateTargets, type BenchReport } from "./targets";

const latency = (p50: number) => ({ count: 100, mean: p50, p50, p95: p50 * 2, p99: p50 * 3, max: p50 * 4 });

function run(scenario: ScenarioRun["scenario"], server: ScenarioRun["server"], factor: number): ScenarioRun {
  const metrics: Record<ScenarioRun["scenario"], ScenarioRun["metrics"]> = {
    burst: [
      { key: "server.cpuPerSeat", label: "server CPU per seated player", unit: "µs", value: 100 * factor },
      { key: "memory.rssPerPlayer", label: "server RSS per connected player", unit: "KiB", value: 20 * factor },
    ],
    relay: [
      { key: "server.cpuPerMessage", label: "server CPU per delivered state", unit: "µs", value: 10 * factor },
      { key: "rtt.p99", label: "move → own state p99", unit: "ms", value: 5 * factor },
      { key: "lost", label: "lost", unit: "", value: 0 },
      { key: "duplicates", label: "duplicates", unit: "", value: 0 },
    ],
    chat: [
      { key: "seat.byCode.cpuPerSeat", label: "server CPU per player seated by code", unit: "µs", value: 120 * factor },
      { key: "server.cpuPerMessage", label: "server CPU per delivered chat line", unit: "µs", value: 8 * factor },
      { key: "lost", label: "lost", unit: "", value: 0 },
      { key: "duplicates", label: "duplicates", unit: "", value: 0 },
    ],
    churn: [{ key: "churn.errorRate", label: "error-ack rate", unit: "%", value: server === "lobby" ? 1.5 : 0 }],
    scale: [{ key: "scale.largest", label: "largest", unit: "players", value: server === "lobby" ? 5000 : 20_000 }],
    abuse: [],
  };
  return {
    scenario,
    server,
    players: 2000,
    metrics: metrics[scenario],
    latencies: { rtt: latency(2 * factor) },
    checks: [{ name: "no lost states", ok: true, detail: "0 gaps" }],
    notes: server === "lobby" ? ["error acks: ILLEGAL_MOVE 3 | pipe"] : [],
    ...(scenario === "scale"
      ? {
          scaleSteps: [1000, 2000].map((players) => ({
            players,
            seated: players,
            connectFailures: 0,
            p50: factor,
            p99: 40 * factor * (players / 1000),
            movesPerSecond: players,
            otherEventsPerSecond: 10,
            serverCpuPercent: 50,
            botCpuPercent: 60,
          })),
        }
      : {}),
  };
}

function report(): BenchReport {
  const runs = (["burst", "relay", "churn", "scale"] as const).flatMap((s) => [
    run(s, "lobby", 1.1),
    run(s, "baseline", 1),
  ]);
  return {
    startedAt: "2026-01-01T00:00:00.000Z",
    finishedAt: "2026-01-01T00:05:00.000Z",
    command: "pnpm bench --players 2000",
    options: { players: 2000, durationS: 20, hz: 5 },
    machine: {
      cpus: 2,
      node: "20.0.0",
      platform: "linux",
      pinning: "server on CPU 0, bots on CPU 1",
      workers: 2,
      fileLimit: 20000,
      build: "compiled with esbuild",
      loadAverage: { start: [0.1, 0.2, 0.3], end: [1, 1, 1] },
    },
    repeat: 1,
    runs,
    targets: evaluateTargets(runs, { players: 2000, hz: 5 }),
    ok: true,
  };
}

describe("targets", () => {
  it("judges ratios and absolute targets, and leaves missing figures undecided", () => {
    const targets = evaluateTargets(report().runs, { players: 2000, hz: 5 });
    const byName = (prefix: string) => targets.find((t) => t.target.startsWith(prefix));
    expect(byName("server CPU per seated")).toMatchObject({ ok: true, limit: "≤ 1.25×" });
    expect(byName("server CPU per seated")?.ratio).toBeCloseTo(1.1);
    expect(byName("lost or duplicated")).toMatchObject({ lobby: 0, ok: true });
    expect(byName("scale")).toMatchObject({ lobby: 5000, ok: false });
    expect(evaluateTargets([], { players: 10, hz: 10 }).every((t) => t.ok === null)).toBe(true);
  });

  it("fails a ratio that looks fine when Lobby's run of that scenario failed a check", () => {
    const runs = report().runs.map((r) =>
      r.scenario === "relay" && r.server === "lobby"
        ? { ...r, checks: [{ name: "no connection dropped", ok: false, detail: "ping timeout 5" }] }
        : r,
    );
    const rtt = evaluateTargets(runs, { players: 2000, hz: 5 }).find((t) => t.target === "relay RTT p99");
    expect(rtt).toMatchObject({ ok: false });
    expect(rtt?.note).toContain("no connection dropped");
  });
});

describe("markdown report", () => {
  it("prints Lobby, baseline and their ratio per metric, escaped, with the targets marked", () => {
    const md = renderMarkdown(report());
    expect(md).toContain("| server CPU per seated player | 110 µs | 100 µs | 1.10× |");
    expect(md).toContain("| move → own state p99 | 5.50 ms | 5 ms | 1.10× |");
    expect(md).toContain("| error-ack rate | 1.50 % | 0 % | — |");
    expect(md).toContain("ILLEGAL_MOVE 3 | pipe");
    expect(md).toMatch(/\| scale: players seated .* \| 5,000 \| 20,000 \| — \| ≥ 10,000 \| ✗ \|/);
    expect(md).toContain("| 2,000 | 1.10 ms | 88 ms | 80 ms |");
    expect(md).toContain("All checks passed.");
  });

  it("formats numbers for people", () => {
    expect(formatNumber(12345.6)).toBe("12,346");
    expect(formatNumber(12.345)).toBe("12.3");
    expect(formatNumber(1.2345)).toBe("1.23");
    expect(formatNumber(null)).toBe("—");
    expect(formatNumber(Number.NaN)).toBe("—");
  });
});

describe("HTML report", () => {
  it("is one self-contained document with inline SVG charts", () => {
    const html = renderHtml(report());
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
    expect(html).not.toMatch(/<script|<link|src="http|href="http/);
    expect(html.match(/<svg /g)?.length).toBe(5);
    expect(html.match(/<svg /g)?.length).toBe(html.match(/<\/svg>/g)?.length);
    expect(html).toContain("players vs move → own-state p99");
    expect(html).not.toMatch(/NaN|undefined|Infinity/);
  });

  it("escapes text", () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
  });
});

describe("abuse: Lobby under attack beside Lobby without", () => {
  const abuseRun = (
    variant: "attack" | "no-attack",
    p99: number,
    refused: number,
    heapGrowth: number,
    checks = [{ name: "nothing honest refused", ok: refused === 0, detail: "none" }],
  ): ScenarioRun => ({
    scenario: "abuse",
    server: "lobby",
    variant,
    players: 500,
    metrics: [
      { key: "rtt.p99", label: "honest move → own state (all) p99", unit: "ms", value: p99 },
      { key: "honest.refusals", label: "honest players refused", unit: "", value: refused, worst: true },
      {
        key: "memory.heapGrowth",
        label: "server heap after GC: growth over the window",
        unit: "MiB",
        value: heapGrowth,
      },
      ...(variant === "attack"
        ? [{ key: "attack.chat.through", label: "attacker: lobby chat lines accepted", unit: "/s", value: 12 }]
        : []),
    ],
    latencies: { rtt: latency(p99 / 3) },
    checks,
    notes: [],
  });
  // Interleaved as main runs them: no attack, attack, no attack, attack.
  const raw = [
    abuseRun("no-attack", 20, 0, 1),
    abuseRun("attack", 26, 0, 4),
    abuseRun("no-attack", 22, 0, 2),
    abuseRun("attack", 30, 0, 6),
  ];

  function abuseReport(runs: ScenarioRun[]): BenchReport {
    return {
      ...report(),
      repeat: 2,
      runs,
      targets: evaluateTargets(runs, { players: 500, hz: 10 }),
      ok: runs.every((r) => r.checks.every((c) => c.ok)),
    };
  }

  it("keeps the two variants apart over repetitions and refuses to mix them", () => {
    const runs = aggregateAll(raw);
    expect(runs.map((r) => r.variant)).toEqual(["no-attack", "attack"]);
    expect(runs.map((r) => r.metrics.find((m) => m.key === "rtt.p99")?.value)).toEqual([21, 28]);
    expect(() => aggregateRepetitions([raw[0]!, raw[1]!])).toThrow();
  });

  it("judges honest p99 under attack against without, refusals in both, and the heap's extra growth", () => {
    const targets = abuseTargets(aggregateAll(raw));
    expect(targets[0]).toMatchObject({ lobby: 28, baseline: 21, limit: "≤ 1.5×", ok: true });
    expect(targets[1]).toMatchObject({ lobby: 0, baseline: 0, ok: true });
    expect(targets[2]).toMatchObject({ lobby: 5, baseline: 1.5, ok: true });
    const bad = abuseTargets(aggregateAll([abuseRun("no-attack", 20, 0, 1), abuseRun("attack", 40, 1, 30)]));
    expect(bad.map((t) => t.ok)).toEqual([false, false, false]);
    expect(bad[0]?.note).toContain("under attack: nothing honest refused");
    expect(abuseTargets([]).every((t) => t.ok === null)).toBe(true);
  });

  it("prints which run is which, with attack / no attack", () => {
    const md = renderMarkdown(abuseReport(aggregateAll(raw)));
    expect(md).toContain(
      "| metric | Lobby, under attack (median of 2) | Lobby, no attack (median of 2) | attack / no attack |",
    );
    expect(md).toContain("| honest move → own state (all) p99 | 28 ms | 21 ms | 1.33× |");
    expect(md).toContain("| attacker: lobby chat lines accepted | 12 /s | — | — |");
    expect(md).toContain("- Lobby, no attack: all 1 checks ✓ in all 2 repetitions");
    expect(md).toContain("- Lobby, under attack: all 1 checks ✓ in all 2 repetitions");
    expect(md).toMatch(
      /\| honest move → own state p99 under attack \(abuse\) \| 28 \| 21 \| 1\.33× \| ≤ 1\.5× \| ✓ \|/,
    );
    expect(md).toContain("2 repetitions per scenario and server, Lobby without and with an attacker interleaved");
    expect(md).toContain("| abuse: honest move → own state p99, under attack | 28 ms | 26–30 ms | — | — |");
    expect(md).toContain("| abuse: honest move → own state p99, no attack | 21 ms | 20–22 ms | — | — |");
  });

  it("says what ran one after the other", () => {
    expect(interleaved(aggregateAll(raw))).toBe("Lobby without and with an attacker");
    expect(interleaved([run("burst", "lobby", 1), ...raw])).toBe(
      "Lobby and baseline (abuse: Lobby without and with an attacker)",
    );
    expect(interleaved([run("burst", "cluster", 1)])).toBe("Lobby, baseline and cluster");
  });

  it("puts both variants in the HTML report, still well formed", () => {
    const html = renderHtml(abuseReport(aggregateAll(raw)));
    expect(html).toContain("Lobby, under attack (median of 2)");
    expect(html).toContain("attack / no attack");
    expect(html).not.toMatch(/NaN|undefined|Infinity/);
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
  });
});
