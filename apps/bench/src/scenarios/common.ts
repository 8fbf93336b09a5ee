import type { ModeId } from "@lobby/contracts";
import type { Check, Merged, Metric, RunVariant } from "../metrics";
import { addCounts, cpuPercent, describeCounts, mergeMetrics, total } from "../metrics";
import type { BenchOptions } from "../options";
import type { ProgressLine } from "../progress";
import { schedstat } from "../pinning";
import { offMainThreadPercent, threadSplit } from "../proc";
import { STATS_TIMEOUT_MS, type ServerHandle, type ServerStats } from "../server-process";
import type { WorkerPool } from "../worker-pool";

/** What every scenario gets from the coordinator. */
export interface ScenarioContext {
  options: BenchOptions;
  pool: WorkerPool;
  server: ServerHandle;
  progress: ProgressLine;
  /** Bot cores, for the bots' CPU share. */
  botCores: number;
  /** The reconnect grace the server was started with (ms), or null for a target. */
  graceMs: number | null;
  /** For a scenario with variants (`Scenario.variants`): which one this run is. */
  variant: RunVariant | null;
  /** A worker of its own for the abuse scenario's attacker; null when no scenario needs one. */
  attacker: WorkerPool | null;
}

/** Handshakes in flight per worker while connecting. */
export const CONNECT_CONCURRENCY = 64;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Modes for `players` bots: half Connect Four, half Trails, adjusted so
 * everyone can be seated — an even Connect Four count, and never a lone
 * Trails player left over (8k + 1), who would wait forever.
 */
export function assignModes(players: number): ModeId[] {
  let connectFour = Math.floor(players / 2);
  if (connectFour % 2 === 1) connectFour--;
  let trails = players - connectFour;
  if (trails % 8 === 1) {
    connectFour -= 2;
    trails += 2;
  }
  if (connectFour < 0 || trails === 1) return Array<ModeId>(players).fill("connect-four");
  return [...Array<ModeId>(connectFour).fill("connect-four"), ...Array<ModeId>(trails).fill("trails")];
}

/** Server figures over a window: CPU, event-loop delay, and memory after GC at the end. */
export interface ServerWindow {
  cpuMicros: number;
  wallMs: number;
  loopP99Ms: number;
  loopMaxMs: number;
  after: ServerStats;
  /**
   * Share of the window the server's main thread waited for a CPU (others' work
   * on its core, the server's own background threads included). A cluster: the
   * worst of its processes (nodes and redis-server).
   */
  runQueueWaitPercent: number | null;
  /**
   * Share of the server's CPU over the window that ran outside its main
   * thread: V8's optimizing compiler and garbage collector's helpers, which
   * share the server's core.
   */
  offMainThreadPercent: number | null;
  /** Main-thread garbage-collection pauses over the window, summed (ms); null from a server that does not report them. */
  gcPauseMs: number | null;
  /** A cluster: redis-server's own CPU over the window, as a share of one core (already in `cpuMicros`). */
  redisCpuPercent: number | null;
  /** A cluster: redis-server's CPU time over the window (already in `cpuMicros`). */
  redisCpuMicros: number | null;
  /** A cluster: the commands redis-server ran over the window. */
  redisCommands: number | null;
  /** Heap in use right after a forced GC at the end: what the scenario left live (e.g. replay buffers). */
  heapAfterGcBytes: number | null;
  /** RSS in the same reading as `heapAfterGcBytes`. */
  rssAfterGcBytes: number | null;
}

/** Start a server-side measurement window (resets the event-loop histogram). */
export async function beginServerWindow(server: ServerHandle): Promise<() => Promise<ServerWindow | null>> {
  // A GC forced by an earlier stats call shows up as one late event-loop sample; let it land before the reset.
  await sleep(100);
  const before = await server.stats({ reset: true });
  const schedBefore = server.pids.map(schedstat);
  const splitBefore = server.pids.map(threadSplit);
  const startedAt = Date.now();
  return async () => {
    const end = await server.stats();
    const wallMs = Date.now() - startedAt;
    const schedAfter = server.pids.map(schedstat);
    const offMainThread = offMainThreadPercent(splitBefore, server.pids.map(threadSplit));
    const runQueueWaitPercent = worstWaitPercent(schedBefore, schedAfter, wallMs);
    if (!before || !end) return null;
    const redisBefore = before.cluster?.redisCpuMicros;
    const redisAfter = end.cluster?.redisCpuMicros;
    const collected = await server.stats({ gc: true });
    const cpu = (s: ServerStats) => s.cpu.userMicros + s.cpu.systemMicros;
    return {
      cpuMicros: cpu(end) - cpu(before),
      wallMs,
      loopP99Ms: end.eventLoopDelayMs.p99,
      loopMaxMs: end.eventLoopDelayMs.max,
      after: end,
      runQueueWaitPercent,
      offMainThreadPercent: offMainThread,
      gcPauseMs: before.gc && end.gc ? end.gc.pauseMs - before.gc.pauseMs : null,
      redisCpuPercent: redisBefore != null && redisAfter != null ? cpuPercent(redisAfter - redisBefore, wallMs) : null,
      redisCpuMicros: redisBefore != null && redisAfter != null ? redisAfter - redisBefore : null,
      redisCommands:
        before.cluster?.redisCommands != null && end.cluster?.redisCommands != null
          ? end.cluster.redisCommands - before.cluster.redisCommands
          : null,
      heapAfterGcBytes: collected?.memory.collected ? collected.memory.heapUsedBytes : null,
      rssAfterGcBytes: collected?.memory.rssBytes ?? null,
    };
  };
}

/**
 * The share of the window (%) that the process which waited longest for a CPU
 * spent waiting, from schedstat readings before and after (same pids, same
 * order). The worst, not the sum: "did any server process lack its core";
 * null when no process could be read both times.
 */
export function worstWaitPercent(
  before: readonly ({ waitNs: number } | null)[],
  after: readonly ({ waitNs: number } | null)[],
  wallMs: number,
): number | null {
  if (!(wallMs > 0)) return null;
  const shares = before.flatMap((b, i) => {
    const a = after[i];
    return b && a ? [((a.waitNs - b.waitNs) / 1e6 / wallMs) * 100] : [];
  });
  return shares.length === 0 ? null : Math.max(...shares);
}

/** Rows every scenario reports about the server window and the bots' CPU. */
export function commonMetrics(window: ServerWindow | null, bots: Merged, botCores: number): Metric[] {
  return [
    {
      key: "server.cpu",
      label: "server CPU (share of one core)",
      unit: "%",
      value: window ? cpuPercent(window.cpuMicros, window.wallMs) : null,
    },
    {
      key: "server.offMainThread",
      label: "of which off the main thread (V8 compiling, GC helpers)",
      unit: "%",
      value: window?.offMainThreadPercent ?? null,
    },
    {
      key: "server.gcPauses",
      label: "of which garbage-collection pauses (main thread)",
      unit: "%",
      value:
        window?.gcPauseMs != null && window.cpuMicros > 0 ? ((window.gcPauseMs * 1000) / window.cpuMicros) * 100 : null,
    },
    { key: "server.loopP99", label: "server event-loop delay p99", unit: "ms", value: window?.loopP99Ms ?? null },
    {
      key: "server.runQueueWait",
      label: "server waiting for its core (run queue)",
      unit: "%",
      value: window?.runQueueWaitPercent ?? null,
    },
    {
      key: "server.rssEnd",
      label: "server RSS at the end",
      unit: "MiB",
      value: window ? window.after.memory.rssBytes / 2 ** 20 : null,
    },
    {
      key: "server.heapAfter",
      label: "server heap after GC at the end",
      unit: "MiB",
      value: window?.heapAfterGcBytes != null ? window.heapAfterGcBytes / 2 ** 20 : null,
    },
    // Only a cluster has it: the other kinds show "—" in this row.
    ...(window?.redisCpuPercent != null
      ? [
          {
            key: "server.redisCpu",
            label: "of which redis-server CPU (cluster)",
            unit: "%",
            value: window.redisCpuPercent,
          },
        ]
      : []),
    {
      key: "bots.cpu",
      label: "bots CPU (share of their cores)",
      unit: "%",
      value: cpuPercent(bots.cpuMicros, bots.wallMs) / botCores,
    },
  ];
}

/** Warnings about a window whose figures are not the server's own: a starved server, saturated bots, a stalled stats endpoint. */
export function windowNotes(ctx: ScenarioContext, window: ServerWindow | null, bots: Merged, prefix = ""): string[] {
  const notes: string[] = [];
  if (!window && ctx.server.managed) {
    notes.push(
      `${prefix}⚠ /debug/stats did not answer within ${STATS_TIMEOUT_MS / 1000} s at the end of the window: the server was stalled`,
    );
  }
  const wait = window?.runQueueWaitPercent ?? 0;
  if (wait > 20) {
    notes.push(
      ctx.server.pids.length > 1
        ? `${prefix}⚠ a cluster process waited ${wait.toFixed(0)} % of the window for a core: the nodes and redis-server share the server cores (other load on the machine adds to it)`
        : `${prefix}⚠ the server waited ${wait.toFixed(0)} % of the window for its core: other load on the machine skews these figures`,
    );
  }
  const botsCpu = cpuPercent(bots.cpuMicros, bots.wallMs) / ctx.botCores;
  if (botsCpu > 90) notes.push(`${prefix}⚠ bots at ${botsCpu.toFixed(0)} % CPU: the generator may be the bottleneck`);
  return notes;
}

/** Wait `ms` in slices, labelling the progress line with the time left. */
export async function measureFor(ctx: ScenarioContext, label: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  ctx.progress.set(label);
  while (Date.now() < end) await sleep(Math.min(250, end - Date.now()));
}

/** Nobody left on the server: no players, no rooms, empty queues. */
const settled = (s: ServerStats | null) =>
  !!s?.lobby &&
  s.lobby.players === 0 &&
  Object.values(s.lobby.rooms).every((n) => n === 0) &&
  Object.values(s.lobby.queues).every((n) => n === 0);

/**
 * Everyone leaves: disconnect every bot and wait out the reconnect grace
 * until the server's own account has nobody left (or the wait is over).
 * Returns the connections the server closed meanwhile, by reason, and that account.
 */
export async function leaveAll(
  ctx: ScenarioContext,
  label: string,
): Promise<{ drops: Record<string, number>; end: ServerStats | null }> {
  ctx.progress.set(`${label} leaving`);
  // The reply still counts the connections the server (or a missed heartbeat) closed during the scenario.
  const { drops } = mergeMetrics(await ctx.pool.all({ kind: "disconnect" }));
  ctx.pool.forgetBots();
  const scan = () => ctx.server.stats({ lobby: true });
  let end = await scan();
  // A target keeps a dropped player's seat for its own grace period, which it reports; wait that out too.
  const grace = ctx.graceMs ?? end?.settings?.reconnectGraceMs ?? 0;
  const deadline = Date.now() + grace + 10_000;
  while (end && !settled(end) && Date.now() < deadline) {
    await sleep(250);
    end = await scan();
  }
  return { drops, end };
}

/**
 * Everyone leaves (`leaveAll`) and the server's own account is read: after a
 * clean run nobody is left, with no invariant violations, and no connection
 * was dropped (`earlierDrops`: those of an earlier round of the same scenario).
 */
export async function finish(
  ctx: ScenarioContext,
  label: string,
  earlierDrops: Readonly<Record<string, number>> = {},
): Promise<{ checks: Check[]; metrics: Metric[]; end: ServerStats | null }> {
  const { drops, end } = await leaveAll(ctx, label);
  addCounts(drops, earlierDrops);
  const dropCheck: Check = {
    name: "no connection dropped",
    ok: total(drops) === 0,
    detail: `dropped: ${describeCounts(drops)}`,
  };
  if (!end?.lobby) return { checks: [dropCheck], metrics: [], end: null };
  const rooms = Object.values(end.lobby.rooms).reduce((a, b) => a + b, 0);
  const queues = Object.values(end.lobby.queues).reduce((a, b) => a + b, 0);
  const detail = `players ${end.lobby.players}, away ${end.lobby.away}, rooms ${rooms}, queued ${queues}, violations ${end.lobby.violations}`;
  return {
    end,
    metrics: [
      {
        key: "end.players",
        label: "players left after everyone left",
        unit: "",
        value: end.lobby.players,
        worst: true,
      },
      { key: "end.rooms", label: "rooms left after everyone left", unit: "", value: rooms, worst: true },
      { key: "end.queues", label: "queue entries left after everyone left", unit: "", value: queues, worst: true },
      {
        key: "end.violations",
        label: "invariant violations (server)",
        unit: "",
        value: end.lobby.violations,
        worst: true,
      },
    ],
    checks: [
      dropCheck,
      {
        name: "no invariant violations",
        ok: end.lobby.violations === 0,
        detail: end.lobby.firstViolations.slice(0, 3).join("; ") || detail,
      },
      { name: "nothing left after everyone left", ok: settled(end), detail },
    ],
  };
}

/** Merge the replies of one pool command. */
export async function collect(ctx: ScenarioContext, kind: "snapshot" | "reset"): Promise<Merged> {
  return mergeMetrics(await ctx.pool.all({ kind }));
}

/**
 * A cluster's cost of one unit of work (a seat, a move) split between the
 * nodes and redis-server, and the Redis commands it took: the parts the
 * capacity model (`capacity.ts`) adds up. Empty unless the window is a
 * cluster's.
 */
export function clusterCostMetrics(window: ServerWindow | null, units: number, unit: string): Metric[] {
  if (!window || units <= 0 || window.redisCpuMicros === null) return [];
  const node = (window.cpuMicros - window.redisCpuMicros) / units;
  return [
    { key: `cluster.nodeCpuPer.${unit}`, label: `nodes' CPU per ${unit} (Redis's left out)`, unit: "µs", value: node },
    {
      key: `cluster.redisCpuPer.${unit}`,
      label: `redis-server CPU per ${unit}`,
      unit: "µs",
      value: window.redisCpuMicros / units,
    },
    {
      key: `cluster.redisCommandsPer.${unit}`,
      label: `Redis commands per ${unit}`,
      unit: "",
      value: window.redisCommands === null ? null : window.redisCommands / units,
    },
  ];
}

/** The share of requests answered with an error, over a window's bot figures. */
export function errorRateMetric(live: Merged): Metric {
  return {
    key: "errors.rate",
    label: "error acks",
    unit: "%",
    value: live.requests > 0 ? (total(live.errors) / live.requests) * 100 : 0,
  };
}

/** Every bot connected and took a seat. */
export function everyoneSeatedCheck(connect: Merged, seat: Merged): Check {
  return {
    name: "everyone connected and seated",
    ok: connect.connectFailures === 0 && seat.seatFailures === 0,
    detail: `${connect.connectFailures} connect failures, ${seat.seatFailures} not seated`,
  };
}
