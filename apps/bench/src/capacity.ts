/**
 * `pnpm bench:capacity -- <report.json> [options]`: the capacity model of
 * docs/scaling.md, from the measured parts of a `--cluster` run (burst and
 * relay): how many players a node core and a Redis core hold for a given
 * way of playing, and how many nodes a number of concurrent players needs.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { startRedis } from "@lobby/redis-server";
import { capacityOf, partsFrom, type Workload } from "./capacity-model";
import type { ScenarioRun } from "./metrics";

/** redis-server's raw throughput on this machine (`redis-benchmark`, GET and SET), or null without it. */
async function redisBenchmark(): Promise<number | null> {
  const redis = await startRedis({ persistent: false });
  try {
    const { port } = new URL(redis.url);
    const out = spawnSync("redis-benchmark", ["-p", port, "-q", "-n", "200000", "-t", "get,set", "--csv"], {
      encoding: "utf8",
    });
    if (out.status !== 0) return null;
    const rates = [...out.stdout.matchAll(/^"(GET|SET)","([\d.]+)"/gm)].map((m) => Number(m[2]));
    return rates.length > 0 ? rates.reduce((a, b) => a + b, 0) / rates.length : null;
  } finally {
    await redis.stop();
  }
}

const round = (n: number) => Math.round(n).toLocaleString("en");

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== "--"),
    allowPositionals: true,
    options: {
      players: { type: "string", default: "100000" },
      "moves-per-second": { type: "string" },
      "match-minutes": { type: "string", default: "5" },
      utilisation: { type: "string", default: "0.7" },
    },
  });
  const file = positionals[0];
  if (!file) {
    console.error(
      "Usage: pnpm bench:capacity -- <bench report.json> [--players N] [--moves-per-second R] [--match-minutes M] [--utilisation U]",
    );
    process.exitCode = 2;
    return;
  }
  const report = JSON.parse(readFileSync(file, "utf8")) as { runs: ScenarioRun[]; clusterNodes?: number };
  const parts = partsFrom(report.runs);
  const work: Workload = {
    players: Number(values.players),
    movesPerSecond: Number(values["moves-per-second"] ?? parts.movesPerPlayerSecond),
    matchMinutes: Number(values["match-minutes"]),
    utilisation: Number(values.utilisation),
  };
  const model = capacityOf(parts, work);
  const throughput = await redisBenchmark().catch(() => null);
  const lines = [
    `Measured (${file}, ${report.clusterNodes ?? "?"} nodes over one redis-server):`,
    `  a seat: nodes ${parts.seat.nodeCpuMicros.toFixed(0)} µs, redis-server ${parts.seat.redisCpuMicros.toFixed(0)} µs, ${parts.seat.redisCommands?.toFixed(1) ?? "?"} Redis commands`,
    `  a move: nodes ${parts.move.nodeCpuMicros.toFixed(0)} µs, redis-server ${parts.move.redisCpuMicros.toFixed(0)} µs, ${parts.move.redisCommands?.toFixed(1) ?? "?"} Redis commands (the game clock's share included, at ${parts.movesPerPlayerSecond.toFixed(2)} moves a second a player)`,
    throughput === null
      ? "  redis-benchmark: not found (install redis-tools) — raw Redis throughput not measured"
      : `  redis-benchmark on this machine: ${round(throughput)} GET/SET a second (one core)`,
    "",
    `Workload: ${round(work.players)} players, ${work.movesPerSecond.toFixed(2)} moves a second each, a match every ${work.matchMinutes} min, cores planned at ${Math.round(work.utilisation * 100)} %:`,
    `  per player-second: nodes ${model.nodeMicrosPerPlayerSecond.toFixed(1)} µs, redis-server ${model.redisMicrosPerPlayerSecond.toFixed(1)} µs`,
    `  one node core holds ${round(model.playersPerNodeCore)} players; one Redis core ${round(model.playersPerRedisCore)}`,
    `  ${round(work.players)} players need ${model.nodeCores} node cores and ${model.redisCores} Redis core${model.redisCores === 1 ? "" : "s"}` +
      (model.redisCommandsPerSecond === null
        ? ""
        : ` (${round(model.redisCommandsPerSecond)} Redis commands a second)`),
    model.redisCores > 1
      ? "  Lobby's store runs its transactions on one Redis primary (a player's and a room's keys in one MULTI), so past one Redis core split the players into independent clusters (by region or game) — see docs/scaling.md."
      : "  One Redis primary is enough.",
  ];
  console.info(lines.join("\n"));
}

await main();
