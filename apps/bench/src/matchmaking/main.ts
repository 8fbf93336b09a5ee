import { parseArgs } from "node:util";
import { DEFAULT_WIDENING, type Widening } from "@lobby/server";
import { leastSpread } from "./bound";
import { simulate, type SimulationOptions, type SimulationResult } from "./simulate";

/*
 * `pnpm bench:matchmaking`: the matchmaking scenario. A simulated population
 * through Lobby's own matcher and rating rules (see simulate.ts): first come,
 * first served against the default widening window, then a few other
 * windows, as a trade-off curve of rating spread against wait. No server and
 * no sockets: it measures the quality of the matches, not their cost.
 */

const USAGE = `Usage: pnpm bench:matchmaking [--players N] [--games N] [--idle S] [--game S] [--seed N]

  --players N   population                                  default 5000
  --games N     stop at this many games per player (mean)    default 30
  --idle S      mean idle time between a player's games, s   default 300
  --game S      length of a game, s                          default 90
  --seed N      random seed                                  default 1`;

const CURVES: { name: string; widening: Widening }[] = [
  { name: "default", widening: DEFAULT_WIDENING },
  { name: "narrow start", widening: { ...DEFAULT_WIDENING, initial: 25 } },
  { name: "fast widening", widening: { ...DEFAULT_WIDENING, perSecond: 100 } },
  { name: "wide start", widening: { ...DEFAULT_WIDENING, initial: 100, perSecond: 50 } },
  { name: "wider start", widening: { ...DEFAULT_WIDENING, initial: 150, perSecond: 100 } },
];

function main(): number {
  let values;
  try {
    ({ values } = parseArgs({
      // pnpm forwards a literal "--" before the script's own arguments.
      args: process.argv.slice(2).filter((arg) => arg !== "--"),
      options: {
        players: { type: "string" },
        games: { type: "string" },
        idle: { type: "string" },
        game: { type: "string" },
        seed: { type: "string" },
        help: { type: "boolean" },
      },
    }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const base: Omit<SimulationOptions, "matcher"> = {
    players: Number(values.players ?? 5000),
    gamesPerPlayer: Number(values.games ?? 30),
    idleMeanS: Number(values.idle ?? 300),
    gameS: Number(values.game ?? 90),
    seed: Number(values.seed ?? 1),
  };
  process.stdout.write(
    `matchmaking: ${base.players} players, 1v1, idle ${base.idleMeanS} s on average between games of ${base.gameS} s, ` +
      `until ${base.gamesPerPlayer} games a player; seed ${base.seed}\n\n`,
  );
  const rows: { name: string; widening: Widening | null; result: SimulationResult }[] = [];
  const run = (name: string, matcher: SimulationOptions["matcher"]) => {
    const result = simulate({ ...base, matcher });
    rows.push({ name, widening: matcher === "first-come" ? null : matcher, result });
  };
  run("first come, first served", "first-come");
  for (const curve of CURVES) run(curve.name, curve.widening);
  // A window that takes anyone well before first come, first served's p95 wait, so that its own p95 is within
  // 10 % of it: to set beside what no matcher can beat at that wait (below).
  const anyoneAfterMs = Math.round(0.7 * rows[0]!.result.wait.p95 * 1000);
  run("first come's wait", {
    initial: 100,
    perSecond: Math.round(400 / (anyoneAfterMs / 1000)),
    cap: 1000,
    anyoneAfterMs,
  });

  const fifo = rows[0]!.result;
  const header =
    "| matcher | window (initial, per s, cap, anyone after) | spread mean | spread p95 | wait p50 | wait p95 | wait p99 | 40–60 % | rank corr. |";
  const lines = [header, "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"];
  for (const { name, widening, result } of rows) {
    const curve = widening
      ? `±${widening.initial}, +${widening.perSecond}/s, ±${widening.cap}, ${Number((widening.anyoneAfterMs / 1000).toFixed(2))} s`
      : "—";
    lines.push(
      `| ${name} | ${curve} | ${result.spread.mean.toFixed(1)} | ${result.spread.p95} | ${result.wait.p50.toFixed(2)} s | ` +
        `${result.wait.p95.toFixed(2)} s | ${result.wait.p99.toFixed(2)} s | ${(result.balanced * 100).toFixed(1)} % | ` +
        `${result.rankCorrelation.toFixed(3)} |`,
    );
  }
  const chosen = rows[1]!.result;
  process.stdout.write(`${lines.join("\n")}\n\n`);
  process.stdout.write(
    `default against first come, first served: mean spread ${(fifo.spread.mean / chosen.spread.mean).toFixed(1)}× smaller, ` +
      `p95 wait ${chosen.wait.p95.toFixed(2)} s against ${fifo.wait.p95.toFixed(2)} s; ` +
      `${(chosen.balanced * 100).toFixed(1)} % of matches within 40–60 %; rank correlation ${chosen.rankCorrelation.toFixed(3)} ` +
      `over ${chosen.ranked} players with ${base.gamesPerPlayer}+ games; ${chosen.matches} matches in ${Math.round(chosen.simulatedS)} simulated s\n`,
  );

  // How far any matcher could go at first come, first served's p95 wait plus 10 %.
  const maxWaitS = 1.1 * fifo.wait.p95;
  const least = leastSpread(fifo.arrivals, maxWaitS, 0.05);
  const within = rows.filter((row) => row.widening && row.result.wait.p95 <= maxWaitS);
  const closest = within.sort((a, b) => a.result.spread.mean - b.result.spread.mean)[0];
  process.stdout.write(
    `at a p95 wait within 10 % of first come, first served's (${maxWaitS.toFixed(3)} s), no matcher, even one that knew ` +
      `every arrival in advance, brings the mean spread on first come, first served's ${fifo.arrivals.length} arrivals ` +
      `below ${least.toFixed(1)}: at most ${(fifo.spread.mean / least).toFixed(2)}× smaller` +
      (closest
        ? `; of the windows above, "${closest.name}" waits that little and is ` +
          `${(fifo.spread.mean / closest.result.spread.mean).toFixed(2)}× smaller\n`
        : "\n"),
  );
  return 0;
}

process.exitCode = main();
