import type { ScenarioRun } from "./metrics";

/*
 * The capacity model of docs/scaling.md: what a unit of work (a seat, a
 * move) costs a cluster's nodes and redis-server, measured by a `--cluster`
 * run, added up for a way of playing.
 */

/** What one unit of work costs a cluster, measured (see `clusterCostMetrics`). */
export interface UnitCost {
  nodeCpuMicros: number;
  redisCpuMicros: number;
  redisCommands: number | null;
}

export interface MeasuredParts {
  seat: UnitCost;
  move: UnitCost;
  /** Moves per second per player in the relay run the move's cost comes from. */
  movesPerPlayerSecond: number;
}

/** How the players play: moves a second each, and how long a match lasts (one seat per match). */
export interface Workload {
  players: number;
  movesPerSecond: number;
  matchMinutes: number;
  /** The share of a core planned for (the rest is headroom for bursts). */
  utilisation: number;
}

export interface Capacity {
  /** CPU per player per second of play, on the nodes and on redis-server, µs. */
  nodeMicrosPerPlayerSecond: number;
  redisMicrosPerPlayerSecond: number;
  redisCommandsPerSecond: number | null;
  playersPerNodeCore: number;
  playersPerRedisCore: number;
  nodeCores: number;
  redisCores: number;
}

/** Add up the measured parts for a workload. */
export function capacityOf(parts: MeasuredParts, work: Workload): Capacity {
  const seatsPerSecond = 1 / (work.matchMinutes * 60);
  const per = (pick: (c: UnitCost) => number) =>
    pick(parts.seat) * seatsPerSecond + pick(parts.move) * work.movesPerSecond;
  const node = per((c) => c.nodeCpuMicros);
  const redis = per((c) => c.redisCpuMicros);
  const commands =
    parts.seat.redisCommands === null || parts.move.redisCommands === null
      ? null
      : per((c) => c.redisCommands ?? 0) * work.players;
  const budget = work.utilisation * 1_000_000;
  const playersPerNodeCore = budget / node;
  const playersPerRedisCore = budget / redis;
  return {
    nodeMicrosPerPlayerSecond: node,
    redisMicrosPerPlayerSecond: redis,
    redisCommandsPerSecond: commands,
    playersPerNodeCore,
    playersPerRedisCore,
    nodeCores: Math.ceil(work.players / playersPerNodeCore),
    redisCores: Math.ceil(work.players / playersPerRedisCore),
  };
}

/** The measured parts from a report's cluster runs; throws when the report has none. */
export function partsFrom(runs: readonly ScenarioRun[]): MeasuredParts {
  const metric = (scenario: string, key: string) =>
    runs.find((r) => r.scenario === scenario && r.server === "cluster")?.metrics.find((m) => m.key === key)?.value ??
    null;
  const unit = (scenario: string, name: string): UnitCost => {
    const node = metric(scenario, `cluster.nodeCpuPer.${name}`);
    const redis = metric(scenario, `cluster.redisCpuPer.${name}`);
    if (node === null || redis === null) {
      throw new Error(
        `the report has no cluster ${scenario} run: make one with pnpm bench -- --cluster 2 --scenario burst,relay`,
      );
    }
    return {
      nodeCpuMicros: node,
      redisCpuMicros: redis,
      redisCommands: metric(scenario, `cluster.redisCommandsPer.${name}`),
    };
  };
  const players = runs.find((r) => r.scenario === "relay" && r.server === "cluster")?.players ?? 0;
  const movesRate = metric("relay", "moves.rate");
  return {
    seat: unit("burst", "seat"),
    move: unit("relay", "move"),
    movesPerPlayerSecond: players > 0 && movesRate !== null ? movesRate / players : 0,
  };
}
