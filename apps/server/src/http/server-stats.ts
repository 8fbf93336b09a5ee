import { PerformanceObserver, monitorEventLoopDelay } from "node:perf_hooks";
import { MODE_IDS } from "@lobby/contracts";
import { checkInvariants } from "../lobby/invariants";
import type { LobbyStore } from "../lobby/store";
import type { Clock } from "../core/clock";

/** What `GET /debug/stats` was asked for: `?reset`, `?gc`, `?lobby`. */
export interface StatsQuery {
  /** Restart the event-loop delay histogram after answering. */
  reset: boolean;
  /** Collect garbage first (when Node runs with `--expose-gc`). */
  gc: boolean;
  /** Also count the lobby's players, rooms and queues and check every invariant: a scan of the whole store. */
  lobby: boolean;
}

/** Settings a load test must know to judge the figures: how long a dropped player's seat is kept, and which node answered. */
export interface StatsSettings {
  reconnectGraceMs: number;
  nodeId: string;
}

/** Garbage-collection pauses of this process so far: how many, and how long in all (ms). */
interface GcPauses {
  pauses: number;
  pauseMs: number;
}

let processGcPauses: GcPauses | null = null;

/**
 * The process's garbage-collection pauses from the first call on, as V8
 * reports them (each a pause of the main thread). One observer per process,
 * however many servers it runs: collections are the process's.
 */
function observeGcPauses(): Readonly<GcPauses> {
  if (processGcPauses) return processGcPauses;
  const totals: GcPauses = { pauses: 0, pauseMs: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      totals.pauses++;
      totals.pauseMs += entry.duration;
    }
  }).observe({ entryTypes: ["gc"] });
  processGcPauses = totals;
  return totals;
}

/**
 * The server's own figures for load tests: memory, CPU time, event-loop
 * delay and garbage-collection pauses (counted from the start), and on
 * request the lobby's state with any invariant violations. Served at
 * `GET /debug/stats` only when enabled in config. The lobby scan is opt-in
 * because it walks every record: at a thousand players it held the event
 * loop for a third of a second, which a load test would measure as its own
 * latency.
 */
export function serverStats(store: LobbyStore, clock: Clock, settings: StatsSettings) {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const gcPauses = observeGcPauses();
  return async (options: StatsQuery) => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (options.gc && gc) gc();
    // Memory right after the collection, before the scan below allocates anything.
    const memory = process.memoryUsage();
    const lobby = options.lobby ? await scanLobby(store, clock) : undefined;
    // CPU time last, so a scan is never counted in a load test's window.
    const cpu = process.cpuUsage();
    const figures = {
      memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed, collected: options.gc && !!gc },
      cpu: { userMicros: cpu.user, systemMicros: cpu.system },
      gc: { pauses: gcPauses.pauses, pauseMs: gcPauses.pauseMs },
      eventLoopDelayMs: {
        p50: loop.percentile(50) / 1e6,
        p99: loop.percentile(99) / 1e6,
        max: loop.max / 1e6,
      },
      settings,
      ...(lobby ? { lobby } : {}),
    };
    if (options.reset) loop.reset();
    return figures;
  };
}

async function scanLobby(store: LobbyStore, clock: Clock) {
  const queues: Record<string, number> = {};
  for (const mode of MODE_IDS) queues[mode] = await store.queueLength(mode);
  const playerIds = await store.listPlayerIds();
  let away = 0;
  for (const id of playerIds) if ((await store.getPlayer(id))?.awayUntil != null) away++;
  const rooms: Record<string, number> = {};
  for (const id of await store.listRoomIds()) {
    const room = await store.getRoom(id);
    if (room) rooms[room.phase] = (rooms[room.phase] ?? 0) + 1;
  }
  const violations = await checkInvariants(store, clock.now());
  return {
    players: playerIds.length,
    away,
    rooms,
    queues,
    violations: violations.length,
    firstViolations: violations.slice(0, 10),
  };
}
