import { describeCounts, mergeMetrics, type Metric, type ScenarioRun } from "../metrics";
import {
  CONNECT_CONCURRENCY,
  assignModes,
  beginServerWindow,
  clusterCostMetrics,
  collect,
  commonMetrics,
  errorRateMetric,
  everyoneSeatedCheck,
  finish,
  measureFor,
  sleep,
  windowNotes,
  type ScenarioContext,
} from "./common";
import { deliveryChecks, deliveryMetrics, roundTripLatencies, roundTripMetrics, roundTrips } from "./round-trips";
import type { Scenario } from "./scenario";

const SEAT_TIMEOUT_MS = 60_000;
/** The longest wait for outstanding states after the bots stop (it ends as soon as none is). */
const DRAIN_MS = 10_000;

/** Connect, quick-match and wait until every game runs; shared with scale. */
export async function seatEveryone(
  ctx: ScenarioContext,
  label: string,
  modes: Parameters<typeof ctx.pool.spawnBots>[1],
) {
  ctx.progress.set(`${label} connecting`);
  const connect = mergeMetrics(await ctx.pool.spawnBots(ctx.server.urls, modes, CONNECT_CONCURRENCY));
  ctx.progress.set(`${label} seating`);
  const seat = mergeMetrics(await ctx.pool.all({ kind: "queue", timeoutMs: SEAT_TIMEOUT_MS }));
  await ctx.pool.all({ kind: "await-playing", timeoutMs: SEAT_TIMEOUT_MS });
  return { connect, seat };
}

/**
 * Every match is seated and every player moves: Trails at `--hz`, Connect
 * Four as fast as its turns allow (one move in flight per room). Measures
 * the round trip from a move to the sender's own copy of the state it
 * caused, the messages delivered per second, and lost or duplicated states.
 */
export const relay: Scenario = {
  name: "relay",
  env: () => ({ COUNTDOWN_MS: "0", QUICK_MATCH_WAIT_MS: "300", RECONNECT_GRACE_MS: "1500" }),
  graceMs: 1500,

  async run(ctx: ScenarioContext, label: string): Promise<Omit<ScenarioRun, "scenario" | "server">> {
    const { options, pool } = ctx;
    const { connect, seat } = await seatEveryone(ctx, label, assignModes(options.players));
    await pool.all({ kind: "play", plan: { trailsHz: options.hz, connectFourHz: 0 } });
    ctx.progress.set(`${label} warming up`);
    await sleep(Math.min(2000, options.durationS * 200));

    await collect(ctx, "reset");
    const endWindow = await beginServerWindow(ctx.server);
    await measureFor(ctx, `${label} measuring`, options.durationS * 1000);
    const [window, live] = await Promise.all([endWindow(), collect(ctx, "snapshot")]);
    ctx.progress.set(`${label} draining`);
    // Stop moving, wait for the last answers, then count what never arrived.
    const drained = mergeMetrics(await pool.all({ kind: "stop", drainMs: DRAIN_MS }));

    const seconds = live.wallMs / 1000;
    const trips = roundTrips(live);
    const { sequence } = drained;
    const metrics: Metric[] = [
      ...roundTripMetrics(trips, "move → own state", {
        connectFour: "Connect Four",
        trails: `Trails ${options.hz} Hz`,
      }),
      { key: "moves.rate", label: "moves accepted per second", unit: "/s", value: live.moves / seconds },
      { key: "states.rate", label: "room:state delivered per second", unit: "/s", value: live.states / seconds },
      {
        key: "other.rate",
        label: "other events delivered per second",
        unit: "/s",
        value: (live.events - live.stateFrames) / seconds,
      },
      {
        key: "states.received",
        label: "characters received per delivered state (every packet, acks included)",
        unit: "B",
        value: live.states > 0 ? live.received / live.states : null,
      },
      {
        key: "server.cpuPerMessage",
        label: "server CPU per delivered state",
        unit: "µs",
        value: window && live.states > 0 ? window.cpuMicros / live.states : null,
      },
      // Per move accepted: what the game's clock (Trails ticks) costs comes with it, at this rate of moves.
      ...clusterCostMetrics(window, live.moves, "move"),
      ...deliveryMetrics(drained),
      {
        key: "late",
        label: "states that arrived after a newer one (reordered across nodes; not lost)",
        unit: "",
        value: sequence.late,
        worst: true,
      },
      errorRateMetric(live),
      ...commonMetrics(window, live, ctx.botCores),
    ];
    const end = await finish(ctx, label);
    return {
      players: options.players,
      metrics: [...metrics, ...end.metrics],
      latencies: roundTripLatencies(trips),
      checks: [...deliveryChecks(live, drained, trips), everyoneSeatedCheck(connect, seat), ...end.checks],
      notes: [
        ...windowNotes(ctx, window, live),
        `error acks: ${describeCounts(live.errors)}`,
        ...(connect.connectRetries > 0 ? [`${connect.connectRetries} handshakes retried`] : []),
        ...(connect.connectFailures > 0 ? [`connect errors: ${describeCounts(connect.connectErrors)}`] : []),
      ],
    };
  },
};
