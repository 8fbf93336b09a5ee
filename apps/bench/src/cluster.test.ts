import { describe, expect, it } from "vitest";
import { aggregateAll } from "./aggregate";
import { combineStats, nodeId } from "./cluster-process";
import type { Check, Metric, ScenarioRun } from "./metrics";
import { parseOptions, UsageError } from "./options";
import { parseClockTicks, parseProcStatCpu, parseVmRssBytes } from "./proc";
import { urlForBot } from "./protocol";
import { renderHtml } from "./report-html";
import { joinMetrics, metricKeys, renderMarkdown } from "./report-markdown";
import { worstWaitPercent } from "./scenarios/common";
import type { ServerStats } from "./server-process";
import { clusterTargetNote, evaluateTargets, type BenchReport } from "./targets";

describe("--cluster", () => {
  it("is off by default, also for the smoke preset, and takes N ≥ 2 nodes", () => {
    expect(parseOptions([]).cluster).toBe(0);
    expect(parseOptions(["--smoke"]).cluster).toBe(0);
    expect(parseOptions(["--", "--cluster", "2"]).cluster).toBe(2);
    expect(parseOptions(["--cluster", "0"]).cluster).toBe(0);
    for (const bad of ["1", "2.5", "-3", "x"]) expect(() => parseOptions(["--cluster", bad])).toThrow(UsageError);
  });

  it("refuses a --target: the nodes are started here", () => {
    expect(() => parseOptions(["--cluster", "2", "--target", "http://example.test:3000"])).toThrow(UsageError);
  });
});

describe("bots over the nodes", () => {
  it("sends bot i to node i mod N, so N nodes get an even share", () => {
    const urls = ["http://a", "http://b", "http://c"];
    expect([0, 1, 2, 3, 4, 7].map((i) => urlForBot(urls, i))).toEqual([
      "http://a",
      "http://b",
      "http://c",
      "http://a",
      "http://b",
      "http://b",
    ]);
    const counts = new Map<string, number>();
    for (let i = 40; i < 40 + 200; i++)
      counts.set(urlForBot(urls.slice(0, 2), i), (counts.get(urlForBot(urls.slice(0, 2), i)) ?? 0) + 1);
    expect([...counts.values()]).toEqual([100, 100]);
    expect(urlForBot(["http://only"], 12345)).toBe("http://only");
    expect(() => urlForBot([], 0)).toThrow();
  });

  it("names nodes like the local cluster does", () => {
    expect([0, 1].map(nodeId)).toEqual(["node-1", "node-2"]);
  });
});

describe("/proc figures of redis-server", () => {
  // Fields after the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
  const stat = (name: string, utime: number, stime: number) =>
    `4242 (${name}) S 1 4242 4242 0 -1 4194560 100 0 0 0 ${utime} ${stime} 0 0 20 0 4 0 123 456 789`;

  it("reads utime + stime in clock ticks as microseconds, whatever the command name holds", () => {
    expect(parseProcStatCpu(stat("redis-server", 150, 50), 100)).toBe(2_000_000);
    expect(parseProcStatCpu(stat("redis-server *:6379", 150, 50), 100)).toBe(2_000_000);
    expect(parseProcStatCpu(stat("a) b (c", 3, 1), 250)).toBe(16_000);
    expect(parseProcStatCpu("garbage", 100)).toBeNull();
    expect(parseProcStatCpu("1 (x) S 1 2", 100)).toBeNull();
  });

  it("reads VmRSS in bytes, and falls back to 100 ticks per second", () => {
    expect(parseVmRssBytes("Name:\tredis-server\nVmPeak:\t  9000 kB\nVmRSS:\t    6144 kB\nVmData:\t 100 kB\n")).toBe(
      6144 * 1024,
    );
    expect(parseVmRssBytes("Name:\tkthreadd\n")).toBeNull();
    expect(parseClockTicks("100\n")).toBe(100);
    expect(parseClockTicks("1000")).toBe(1000);
    expect(parseClockTicks("")).toBe(100);
    expect(parseClockTicks(undefined)).toBe(100);
  });
});

const stats = (cpu: number, rss: number, p99: number, lobby?: ServerStats["lobby"]): ServerStats => ({
  memory: { rssBytes: rss, heapUsedBytes: rss / 4, collected: true },
  cpu: { userMicros: cpu * 0.75, systemMicros: cpu * 0.25 },
  eventLoopDelayMs: { p50: p99 / 2, p99, max: p99 * 2 },
  ...(lobby ? { lobby } : {}),
});

describe("combineStats", () => {
  const lobby = { players: 0, away: 0, rooms: {}, queues: { "connect-four": 0 }, violations: 0, firstViolations: [] };

  it("sums CPU and memory over the nodes plus redis-server, and takes the worst node's event-loop delay", () => {
    const combined = combineStats([stats(1000, 100, 5, lobby), stats(3000, 300, 40)], { cpuMicros: 500, rssBytes: 50 });
    expect(combined).not.toBeNull();
    expect(combined!.cpu.userMicros + combined!.cpu.systemMicros).toBe(4500);
    expect(combined!.memory).toEqual({ rssBytes: 450, heapUsedBytes: 100, collected: true });
    expect(combined!.eventLoopDelayMs).toEqual({ p50: 20, p99: 40, max: 80 });
    expect(combined!.cluster).toEqual({ nodes: 2, redisCpuMicros: 500, redisRssBytes: 50, redisCommands: null });
    // One node's scan: the state is shared in Redis.
    expect(combined!.lobby).toBe(lobby);
  });

  it("counts what /proc could not tell as nothing, and says so", () => {
    const combined = combineStats([stats(1000, 100, 5), stats(1000, 100, 5)], null);
    expect(combined!.cpu.userMicros + combined!.cpu.systemMicros).toBe(2000);
    expect(combined!.memory.rssBytes).toBe(200);
    expect(combined!.cluster).toEqual({ nodes: 2, redisCpuMicros: null, redisRssBytes: null, redisCommands: null });
    expect(combined!.lobby).toBeUndefined();
    expect(combineStats([stats(1, 1, 1)], { cpuMicros: 10, rssBytes: null })!.memory.rssBytes).toBe(1);
  });

  it("sums the nodes' garbage-collection pauses, and has none unless every node reports them", () => {
    const withGc = (pauses: number, pauseMs: number) => ({ ...stats(1, 1, 1), gc: { pauses, pauseMs } });
    expect(combineStats([withGc(3, 1.5), withGc(5, 2)], null)!.gc).toEqual({ pauses: 8, pauseMs: 3.5 });
    expect(combineStats([withGc(3, 1.5), stats(1, 1, 1)], null)!.gc).toBeUndefined();
  });

  it("is null when any node did not answer, and a GC only counts when every node collected", () => {
    expect(combineStats([stats(1, 1, 1), null], { cpuMicros: 1, rssBytes: 1 })).toBeNull();
    expect(combineStats([], null)).toBeNull();
    const half = { ...stats(1, 1, 1), memory: { rssBytes: 1, heapUsedBytes: 1, collected: false } };
    expect(combineStats([stats(1, 1, 1), half], null)!.memory.collected).toBe(false);
  });
});

describe("worstWaitPercent", () => {
  it("is the share of the window of the process that waited longest, not the sum", () => {
    const before = [{ waitNs: 0 }, { waitNs: 1e9 }, { waitNs: 0 }];
    const after = [{ waitNs: 1e9 }, { waitNs: 4e9 }, { waitNs: 0.5e9 }];
    // Waits of 1 s, 3 s and 0.5 s over a 10 s window.
    expect(worstWaitPercent(before, after, 10_000)).toBeCloseTo(30);
    expect(worstWaitPercent([{ waitNs: 0 }], [{ waitNs: 2e9 }], 10_000)).toBeCloseTo(20);
  });

  it("skips processes it could not read, and is null without any", () => {
    expect(worstWaitPercent([null, { waitNs: 0 }], [{ waitNs: 9e9 }, { waitNs: 1e9 }], 10_000)).toBeCloseTo(10);
    expect(worstWaitPercent([null], [null], 10_000)).toBeNull();
    expect(worstWaitPercent([], [], 10_000)).toBeNull();
    expect(worstWaitPercent([{ waitNs: 0 }], [{ waitNs: 1 }], 0)).toBeNull();
  });
});

const metric = (key: string, value: number | null, unit = "µs", worst = false): Metric => ({
  key,
  label: key,
  unit,
  value,
  ...(worst ? { worst } : {}),
});
const ok: Check = { name: "no lost states", ok: true, detail: "0 gaps" };

function run(
  server: ScenarioRun["server"],
  scenario: ScenarioRun["scenario"],
  cpu: number,
  extra: Metric[] = [],
  checks: Check[] = [ok],
): ScenarioRun {
  const metrics =
    scenario === "relay"
      ? [
          metric("server.cpuPerMessage", cpu),
          metric("rtt.p99", cpu / 10, "ms"),
          metric("lost", 0, "", true),
          metric("duplicates", 0, "", true),
        ]
      : [metric("server.cpuPerSeat", cpu), metric("memory.rssPerPlayer", cpu / 5, "KiB")];
  // The common rows close every table; the cluster's redis-server CPU sits between them.
  const common = [metric("server.cpu", cpu / 10, "%"), ...extra, metric("bots.cpu", 50, "%")];
  return {
    scenario,
    server,
    players: 200,
    metrics: [...metrics, ...common],
    latencies: { rtt: { count: 10, mean: 1, p50: 1, p95: 2, p99: 3, max: 4 } },
    checks,
    notes: [],
  };
}

function report(raw: ScenarioRun[], repeat = 1): BenchReport {
  const runs = aggregateAll(raw);
  return {
    startedAt: "2026-01-01T00:00:00.000Z",
    finishedAt: "2026-01-01T00:05:00.000Z",
    command: "pnpm bench --cluster 2",
    options: { players: 200, durationS: 5, hz: 10, cluster: 2 },
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
    repeat,
    clusterNodes: 2,
    runs,
    targets: evaluateTargets(runs, { players: 200, hz: 10 }),
    ok: raw.every((r) => r.checks.every((c) => c.ok)),
  };
}

const redisCpu = (value: number) => metric("server.redisCpu", value, "%");
const threeKinds = () => [
  run("lobby", "burst", 100),
  run("baseline", "burst", 80),
  run("cluster", "burst", 250, [redisCpu(6)]),
  run("lobby", "relay", 10),
  run("baseline", "relay", 8),
  run("cluster", "relay", 30, [redisCpu(9)]),
];

describe("three server kinds", () => {
  it("aggregate per kind in the order they ran, with repetitions interleaved", () => {
    const raw = [100, 120, 110].flatMap((cpu) => [
      run("lobby", "burst", cpu),
      run("baseline", "burst", 80),
      run("cluster", "burst", cpu * 3),
    ]);
    const runs = aggregateAll(raw);
    expect(runs.map((r) => r.server)).toEqual(["lobby", "baseline", "cluster"]);
    expect(runs[2]?.metrics.find((m) => m.key === "server.cpuPerSeat")?.value).toBe(330);
    expect(runs[2]?.repetitions).toHaveLength(3);
  });

  it("join into rows with the cluster's figure and cluster / Lobby, a cluster-only row in its place", () => {
    const [lobby, baseline, cluster] = threeKinds();
    const rows = joinMetrics(lobby, baseline, cluster);
    expect(rows.find((r) => r.key === "server.cpuPerSeat")).toMatchObject({
      lobby: 100,
      baseline: 80,
      cluster: 250,
      ratio: 1.25,
      clusterRatio: 2.5,
    });
    expect(rows.map((r) => r.key)).toEqual([
      "server.cpuPerSeat",
      "memory.rssPerPlayer",
      "server.cpu",
      "server.redisCpu",
      "bots.cpu",
    ]);
    expect(rows.find((r) => r.key === "server.redisCpu")).toMatchObject({
      lobby: null,
      cluster: 6,
      clusterRatio: null,
    });
    // Without a cluster run the rows are what they were.
    expect(joinMetrics(lobby, baseline).every((r) => r.cluster === null && r.clusterRatio === null)).toBe(true);
  });

  it("order keys Lobby's first, later runs' own keys after the key they follow", () => {
    const keys = metricKeys([
      { ...run("lobby", "burst", 1), metrics: [metric("a", 1), metric("c", 1)] },
      {
        ...run("cluster", "burst", 1),
        metrics: [metric("z", 1), metric("a", 1), metric("b", 1), metric("c", 1), metric("d", 1)],
      },
    ]).map((m) => m.key);
    // "z" follows nothing in its run: it goes to the end.
    expect(keys).toEqual(["a", "b", "c", "d", "z"]);
  });

  it("print a third column and the cluster / Lobby ratio in every scenario table", () => {
    const md = renderMarkdown(report(threeKinds()));
    expect(md).toContain("| metric | Lobby | baseline | Lobby ×2 nodes | Lobby / baseline | cluster / Lobby |");
    expect(md).toContain("| server.cpuPerSeat | 100 µs | 80 µs | 250 µs | 1.25× | 2.50× |");
    expect(md).toContain("| server.cpuPerMessage | 10 µs | 8 µs | 30 µs | 1.25× | 3.00× |");
    expect(md).toContain("| server.redisCpu | — | — | 6 % | — | — |");
    expect(md.match(/\| metric \| Lobby \| baseline \| Lobby ×2 nodes \|/g)).toHaveLength(2);
    expect(md).toContain("- cluster: all 1 checks ✓");
    expect(md).toContain("summed over the nodes and redis-server");
  });

  it("keep the targets Lobby against the baseline, with one line for the cluster", () => {
    const rep = report(threeKinds());
    expect(rep.targets.find((t) => t.target.startsWith("server CPU per seated"))).toMatchObject({
      lobby: 100,
      baseline: 80,
    });
    const md = renderMarkdown(rep);
    expect(md).toContain("| target | Lobby | baseline | ratio | limit | | note |");
    expect(md).toContain(
      "Lobby ×2 nodes (not judged; CPU and memory summed over the nodes and redis-server): CPU per seat 250 µs (2.50× Lobby) · CPU per state 30 µs (3.00× Lobby) · relay p99 3 ms (3.00× Lobby) · RSS per player 50 KiB (2.50× Lobby) · lost or duplicated 0 · all checks passed",
    );
  });

  it("name the cluster's failed checks in its target line, and have no line without a cluster", () => {
    const raw = threeKinds().map((r) =>
      r.server === "cluster" && r.scenario === "relay"
        ? { ...r, checks: [{ name: "no lost states", ok: false, detail: "3 gaps" }] }
        : r,
    );
    expect(clusterTargetNote(aggregateAll(raw), 2, String)).toContain("failed: relay: no lost states");
    expect(clusterTargetNote(aggregateAll(raw.filter((r) => r.server !== "cluster")), 0, String)).toBeNull();
    const md = renderMarkdown(report(raw.filter((r) => r.server !== "cluster")));
    expect(md).not.toContain("Lobby ×");
    expect(md).toContain("| metric | Lobby | baseline | Lobby / baseline |");
  });

  it("add the cluster's median and min–max to the spread over repetitions", () => {
    const raw = [100, 300, 120].flatMap((cpu, i) => [
      run("lobby", "burst", cpu),
      run("baseline", "burst", 80),
      run("cluster", "burst", [200, 260, 240][i]!),
    ]);
    const md = renderMarkdown(report(raw, 3));
    expect(md).toContain(
      "| figure | Lobby median | Lobby min–max | baseline median | baseline min–max | Lobby ×2 nodes median | Lobby ×2 nodes min–max |",
    );
    expect(md).toContain(
      "| server CPU per seated player (burst) | 120 µs | 100–300 µs | 80 µs | 80–80 µs | 240 µs | 200–260 µs |",
    );
    expect(md).toContain("Lobby, baseline and cluster interleaved");
  });

  it("put the third kind in the HTML, still well formed", () => {
    const html = renderHtml(report(threeKinds()));
    expect(html).toContain("<th>Lobby ×2 nodes</th>");
    expect(html).toContain("<th>cluster / Lobby</th>");
    expect(html).toContain("<td>250 µs</td><td>1.25×</td><td>2.50×</td>");
    expect(html).toContain("#ea580c");
    expect(html).toContain("Lobby ×2 nodes (not judged");
    expect(html).not.toMatch(/NaN|undefined|Infinity/);
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
  });
});
