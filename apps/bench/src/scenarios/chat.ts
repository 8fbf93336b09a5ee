import type { ModeId } from "@lobby/contracts";
import { describeCounts, latencyMetrics, mergeMetrics, type Metric, type ScenarioRun } from "../metrics";
import {
  CONNECT_CONCURRENCY,
  beginServerWindow,
  collect,
  commonMetrics,
  errorRateMetric,
  everyoneSeatedCheck,
  finish,
  leaveAll,
  measureFor,
  sleep,
  windowNotes,
  type ScenarioContext,
} from "./common";
import type { Scenario } from "./scenario";

/** Players a room seats: the host and three who join by its invite code. */
export const CHAT_ROOM_SIZE = 4;
/** Lines each player says a second: five a second in a room of four. */
export const CHAT_HZ = 1.25;
const SEAT_TIMEOUT_MS = 60_000;
/** The longest wait for lines still on their way after the bots stop (it ends as soon as none is). */
const DRAIN_MS = 10_000;

/**
 * Players sit down in private rooms of four by invite code (one makes the
 * room, three join it), leave, and new ones do the same on the same server
 * (the seat figure is the second round's; see `burst`), then chat: each says a short line to the room 1.25
 * times a second, five lines a second per room, while nothing else happens.
 * Measures the server CPU per player seated by code and per chat line
 * delivered, how long a line takes from its sayer to a room-mate, and that
 * every line reached every room-mate exactly once.
 */
export const chat: Scenario = {
  name: "chat",
  // The chat budget is a limit for the open internet; here every bot talks at a fixed, modest rate.
  env: () => ({ CHAT_BURST: "100", CHAT_REFILL_MS: "10", RECONNECT_GRACE_MS: "1500" }),
  graceMs: 1500,

  async run(ctx: ScenarioContext, label: string): Promise<Omit<ScenarioRun, "scenario" | "server">> {
    const { options, pool } = ctx;
    const first = await connectAndGather(ctx, label, "");
    const { drops: firstDrops } = await leaveAll(ctx, label);
    const { connect, seat, seating } = await connectAndGather(ctx, label, " again");

    await pool.all({ kind: "chat", plan: { hz: CHAT_HZ } });
    ctx.progress.set(`${label} warming up`);
    await sleep(Math.min(2000, options.durationS * 200));
    const before = await collect(ctx, "reset");
    const endWindow = await beginServerWindow(ctx.server);
    await measureFor(ctx, `${label} measuring`, options.durationS * 1000);
    const [window, live] = await Promise.all([endWindow(), collect(ctx, "snapshot")]);

    ctx.progress.set(`${label} draining`);
    await pool.all({ kind: "stop", drainMs: DRAIN_MS });
    // Answers are in; lines to the room-mates may still be on their way.
    const deadline = Date.now() + DRAIN_MS;
    let drained = await collect(ctx, "snapshot");
    while (drained.chat.delivered + drained.chat.duplicated < drained.chat.expected && Date.now() < deadline) {
      await sleep(100);
      drained = await collect(ctx, "snapshot");
    }

    const seconds = live.wallMs / 1000;
    const delivered = live.chat.delivered - before.chat.delivered;
    const lost = Math.max(0, drained.chat.expected - drained.chat.delivered);
    const metrics: Metric[] = [
      ...(seat.seated > 0
        ? [
            {
              key: "seat.byCode.cpuPerSeat",
              label: "server CPU per player seated by invite code",
              unit: "µs",
              value: seating ? seating.cpuMicros / seat.seated : null,
            },
            {
              key: "seat.byCode.cpuPerSeatFirst",
              label: "server CPU per player seated by invite code, first round on a fresh server",
              unit: "µs",
              value: first.seating && first.seat.seated > 0 ? first.seating.cpuMicros / first.seat.seated : null,
            },
            {
              key: "seat.byCode.events",
              label: "events delivered per player seated by code (while seating)",
              unit: "",
              value: seat.events / seat.seated,
            },
          ]
        : []),
      {
        key: "chat.rate",
        label: "chat lines delivered per second",
        unit: "/s",
        value: delivered / seconds,
      },
      {
        key: "server.cpuPerMessage",
        label: "server CPU per delivered chat line",
        unit: "µs",
        value: window && delivered > 0 ? window.cpuMicros / delivered : null,
      },
      {
        key: "events.perLine",
        label: "events delivered per line delivered (pushes, not answers)",
        unit: "",
        value: delivered > 0 ? live.events / delivered : null,
      },
      ...latencyMetrics("chat.heard", "chat line said → heard by a room-mate", live.chatMs.summary()),
      { key: "lost", label: "chat lines lost (owed to a room-mate, never heard)", unit: "", value: lost, worst: true },
      {
        key: "duplicates",
        label: "chat lines heard twice",
        unit: "",
        value: drained.chat.duplicated,
        worst: true,
      },
      errorRateMetric(live),
      ...commonMetrics(window, live, ctx.botCores),
    ];
    const end = await finish(ctx, label, firstDrops);
    return {
      players: options.players,
      metrics: [...metrics, ...end.metrics],
      latencies: { heard: live.chatMs.summary() },
      checks: [
        {
          name: "every chat line reached every room-mate once",
          ok: lost === 0 && drained.chat.duplicated === 0 && drained.chat.sent > 0,
          detail: `${drained.chat.sent} sent, ${drained.chat.expected} owed, ${drained.chat.delivered} delivered, ${drained.chat.duplicated} twice`,
        },
        { ...everyoneSeatedCheck(first.connect, first.seat), name: "everyone connected and seated, first round" },
        { ...everyoneSeatedCheck(connect, seat), name: "everyone connected and seated, second round" },
        ...end.checks,
      ],
      notes: [
        ...windowNotes(ctx, window, live),
        `error acks: ${describeCounts(live.errors)}`,
        ...(connect.connectFailures > 0 ? [`connect errors: ${describeCounts(connect.connectErrors)}`] : []),
      ],
    };
  },
};

/** N new players connect, then sit down in rooms by invite code; the server's window is the seating. */
async function connectAndGather(ctx: ScenarioContext, label: string, round: string) {
  const { options, pool } = ctx;
  ctx.progress.set(`${label} connecting${round}`);
  const modes: ModeId[] = Array.from({ length: options.players }, () => "trails");
  const connect = mergeMetrics(await pool.spawnBots(ctx.server.urls, modes, CONNECT_CONCURRENCY));

  ctx.progress.set(`${label} joining by code${round}`);
  await collect(ctx, "reset");
  const endSeating = await beginServerWindow(ctx.server);
  const seat = mergeMetrics(await pool.all({ kind: "gather", roomSize: CHAT_ROOM_SIZE, timeoutMs: SEAT_TIMEOUT_MS }));
  const seating = await endSeating();
  return { connect, seat, seating };
}
