import { describeCounts, latencyMetrics, mergeMetrics, type Metric, type ScenarioRun } from "../metrics";
import {
  CONNECT_CONCURRENCY,
  assignModes,
  beginServerWindow,
  clusterCostMetrics,
  commonMetrics,
  everyoneSeatedCheck,
  finish,
  leaveAll,
  windowNotes,
  type ScenarioContext,
} from "./common";
import type { Scenario } from "./scenario";

const SEAT_TIMEOUT_MS = 60_000;

/**
 * N players connect, then all quick-match at once, half into Connect Four
 * (2 players) and half into Trails (up to 8). Measures the connect rate,
 * memory per connected player, and how fast and at what server CPU the
 * lobby seats everyone. Then everyone leaves and N new players do it again
 * on the same server: the seat figures are the second round's, a server that
 * has seated players before (as a running one has), and the first round's
 * CPU per seat is reported beside them. The first round also pays for V8
 * compiling the seat path: a one-time cost of a fresh process, which the
 * bare baseline, having little code, hardly pays.
 *
 * Memory per player is read once, after the first round's players connected,
 * from a forced collection. The second round reads none: collections forced
 * while nobody is seated free the layouts of a room's objects, and V8 then
 * drops all the seat path's optimized code that checks for them, so the
 * round after would be measuring V8 compiling it again (docs/performance.md,
 * "A forced collection before the window").
 */
export const burst: Scenario = {
  name: "burst",
  // A long countdown: no game starts (and no Trails clock ticks) while seating is measured.
  env: () => ({ COUNTDOWN_MS: "600000", QUICK_MATCH_WAIT_MS: "500", RECONNECT_GRACE_MS: "1500" }),
  graceMs: 1500,

  async run(ctx: ScenarioContext, label: string): Promise<Omit<ScenarioRun, "scenario" | "server">> {
    const { options, server } = ctx;
    const empty = await server.stats({ gc: true });
    const first = await connectAndSeat(ctx, label, "", true);
    const { drops: firstDrops } = await leaveAll(ctx, label);
    const again = await connectAndSeat(ctx, label, " again", false);
    const { connect, connectSeconds, full } = first;
    const { seat, window } = again;

    const perPlayer = (bytes: (s: NonNullable<typeof full>) => number) =>
      empty && full && connect.connected > 0 ? (bytes(full) - bytes(empty)) / connect.connected / 1024 : null;
    // The last seat is the one that took longest since everyone asked at once.
    const seatSeconds = seat.seatMs.count > 0 ? seat.seatMs.summary().max / 1000 : null;
    const metrics: Metric[] = [
      { key: "connect.rate", label: "connect rate", unit: "/s", value: connect.connected / connectSeconds },
      ...latencyMetrics("connect", "connect (handshake → session:ready)", connect.connectMs.summary()),
      {
        key: "connect.failures",
        label: "connect failures",
        unit: "",
        value: connect.connectFailures + again.connect.connectFailures,
        worst: true,
      },
      {
        key: "memory.rssPerPlayer",
        label: "server RSS per connected player",
        unit: "KiB",
        value: perPlayer((s) => s.memory.rssBytes),
      },
      {
        key: "memory.heapPerPlayer",
        label: "server heap (after GC) per connected player",
        unit: "KiB",
        value: perPlayer((s) => s.memory.heapUsedBytes),
      },
      {
        key: "seat.rate",
        label: "players seated per second",
        unit: "/s",
        value: seatSeconds ? seat.seated / seatSeconds : null,
      },
      ...latencyMetrics("seat", "queue-join → seated", seat.seatMs.summary()),
      {
        key: "seat.failures",
        label: "players not seated",
        unit: "",
        value: first.seat.seatFailures + seat.seatFailures,
        worst: true,
      },
      {
        key: "seat.events",
        label: "events delivered per seated player (while seating)",
        unit: "",
        value: seat.seated > 0 ? seat.events / seat.seated : null,
      },
      {
        key: "server.cpuPerSeat",
        label: "server CPU per seated player",
        unit: "µs",
        value: window && seat.seated > 0 ? window.cpuMicros / seat.seated : null,
      },
      {
        key: "server.cpuPerSeatFirst",
        label: "server CPU per seated player, first round on a fresh server",
        unit: "µs",
        value: first.window && first.seat.seated > 0 ? first.window.cpuMicros / first.seat.seated : null,
      },
      ...clusterCostMetrics(window, seat.seated, "seat"),
      ...commonMetrics(window, seat, ctx.botCores),
    ];
    const end = await finish(ctx, label, firstDrops);
    return {
      players: options.players,
      metrics: [...metrics, ...end.metrics],
      latencies: { connect: connect.connectMs.summary(), seat: seat.seatMs.summary() },
      checks: [
        ...end.checks,
        { ...everyoneSeatedCheck(connect, first.seat), name: "everyone connected and seated, first round" },
        { ...everyoneSeatedCheck(again.connect, seat), name: "everyone connected and seated, second round" },
      ],
      notes: [
        ...windowNotes(ctx, window, seat),
        ...[first, again].flatMap(({ connect: c }) => [
          ...(c.connectFailures > 0 ? [`connect errors: ${describeCounts(c.connectErrors)}`] : []),
          ...(c.connectRetries > 0 ? [`${c.connectRetries} handshakes retried`] : []),
        ]),
      ],
    };
  },
};

/**
 * N new players connect, then all quick-match at once; the server's window is the seating.
 * `readMemory`: the server's memory once everyone connected, after a forced collection.
 */
async function connectAndSeat(ctx: ScenarioContext, label: string, round: string, readMemory: boolean) {
  const { options, pool, server } = ctx;
  ctx.progress.set(`${label} connecting${round}`);
  await pool.all({ kind: "reset" });
  const connectStarted = Date.now();
  const connect = mergeMetrics(await pool.spawnBots(server.urls, assignModes(options.players), CONNECT_CONCURRENCY));
  const connectSeconds = (Date.now() - connectStarted) / 1000;
  const full = readMemory ? await server.stats({ gc: true }) : null;

  ctx.progress.set(`${label} quick match${round}`);
  await pool.all({ kind: "reset" });
  const endWindow = await beginServerWindow(server);
  const seat = mergeMetrics(await pool.all({ kind: "queue", timeoutMs: SEAT_TIMEOUT_MS }));
  const window = await endWindow();
  return { connect, connectSeconds, full, seat, window };
}
