import {
  attackMetrics,
  describeRefusals,
  honestRefusalCount,
  memoryGrowth,
  splitErrorAcks,
  type HonestRefusals,
  type MemorySample,
} from "../abuse-metrics";
import { ATTACKER_ADDRESS } from "../forwarded-for";
import { addCounts, describeCounts, mergeMetrics, total, type Merged, type Metric, type ScenarioRun } from "../metrics";
import type { AttackCounts } from "../protocol";
import type { ServerStats } from "../server-process";
import {
  CONNECT_CONCURRENCY,
  assignModes,
  beginServerWindow,
  collect,
  commonMetrics,
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
const GRACE_MS = 1500;
/**
 * Honest players play like people: Connect Four at two moves a second per
 * player (thinking between turns, not as fast as acks allow, which the move
 * budget of a connection — 25 a second — would refuse), Trails at `--hz`
 * but never faster than its clock ticks (10 Hz).
 */
const CONNECT_FOUR_HZ = 2;
const TRAILS_MAX_HZ = 10;

/** Server memory after a forced GC, or null when the reading is missing or was not collected. */
function collectedMemory(stats: ServerStats | null): MemorySample | null {
  return stats?.memory.collected
    ? { rssBytes: stats.memory.rssBytes, heapUsedBytes: stats.memory.heapUsedBytes }
    : null;
}

/** Everything honest players were refused: before the window (`before`), and in it and the drain after (`after`). */
function refusalsOf(before: Merged, after: Merged, notSeated: number): HonestRefusals {
  const errors: Record<string, number> = {};
  const handshakes: Record<string, number> = {};
  for (const part of [before, after]) {
    addCounts(errors, part.errors);
    addCounts(handshakes, part.handshakeFailures);
  }
  // Drops are kept until the scenario ends, so the last reply has them all.
  return { ...splitErrorAcks(errors), handshakes, drops: { ...after.drops }, notSeated };
}

function attackNotes(counts: AttackCounts): string[] {
  return [
    `attacker (one address, ${ATTACKER_ADDRESS}, in a worker of its own at lower CPU priority): tried ${describeCounts(counts.attempted)}; got through ${describeCounts(counts.accepted)}`,
    `attacker's refused handshakes: ${describeCounts(counts.refusedHandshakes)}`,
    `attacker's error acks: ${describeCounts(counts.errorAcks)}`,
    `attacker cut off: ${describeCounts(counts.cutOffs)}`,
  ];
}

/**
 * Honest players quick-match (half Connect Four, half Trails), each from an
 * address of its own, and play; in the `attack` variant one more address
 * floods the server beside them (see `attacker.ts`) for the whole window.
 * The two variants run on fresh servers with the same settings — rate
 * limits on, `X-Forwarded-For` trusted, the server's own per-address cap —
 * so their move → own-state p99, server CPU per honest move and memory
 * growth compare Lobby under attack with Lobby at peace.
 */
export const abuse: Scenario = {
  name: "abuse",
  env: () => ({
    COUNTDOWN_MS: "0",
    QUICK_MATCH_WAIT_MS: "300",
    RECONNECT_GRACE_MS: String(GRACE_MS),
    RATE_LIMITS: "on",
    TRUST_PROXY: "on",
    // Whatever the server's default cap per address is, that is what the attacker meets.
    MAX_CONNECTIONS_PER_ADDRESS: null,
  }),
  graceMs: GRACE_MS,
  variants: ["no-attack", "attack"],

  async run(ctx: ScenarioContext, label: string): Promise<Omit<ScenarioRun, "scenario" | "server" | "variant">> {
    const { options, pool, server } = ctx;
    const attacker = ctx.variant === "attack" ? ctx.attacker : null;
    if (ctx.variant === "attack" && !attacker) throw new Error("abuse: no worker for the attacker");
    const hz = Math.min(options.hz, TRAILS_MAX_HZ);

    // Counts from here on are the honest players' whole run.
    await collect(ctx, "reset");
    ctx.progress.set(`${label} connecting`);
    await pool.spawnBots(server.urls, assignModes(options.players), CONNECT_CONCURRENCY, true);
    ctx.progress.set(`${label} seating`);
    const seat = mergeMetrics(await pool.all({ kind: "queue", timeoutMs: SEAT_TIMEOUT_MS }));
    await pool.all({ kind: "await-playing", timeoutMs: SEAT_TIMEOUT_MS });
    await pool.all({ kind: "play", plan: { trailsHz: hz, connectFourHz: CONNECT_FOUR_HZ } });
    ctx.progress.set(`${label} warming up`);
    await sleep(Math.min(2000, options.durationS * 200));

    const before = await collect(ctx, "reset");
    const memoryAtStart = collectedMemory(await server.stats({ gc: true }));
    const endWindow = await beginServerWindow(server);
    const attack = attacker?.attack({ url: server.url, durationMs: options.durationS * 1000 }) ?? null;
    // Awaited below; until then a failing attacker must not be an unhandled rejection that ends the bench.
    attack?.catch(() => undefined);
    await measureFor(ctx, `${label} ${attack ? "under attack" : "measuring"}`, options.durationS * 1000);
    const [window, live] = await Promise.all([endWindow(), collect(ctx, "snapshot")]);
    ctx.progress.set(`${label} draining`);
    const [counts, drained] = await Promise.all([
      attack,
      pool.all({ kind: "stop", drainMs: DRAIN_MS }).then(mergeMetrics),
    ]);

    const memoryAtEnd =
      window?.heapAfterGcBytes != null && window.rssAfterGcBytes != null
        ? { rssBytes: window.rssAfterGcBytes, heapUsedBytes: window.heapAfterGcBytes }
        : null;
    const growth = memoryGrowth(memoryAtStart, memoryAtEnd);
    const refusals = refusalsOf(before, drained, seat.seatFailures);
    const seconds = live.wallMs / 1000;
    const trips = roundTrips(live);
    const metrics: Metric[] = [
      ...roundTripMetrics(trips, "honest move → own state", {
        connectFour: `Connect Four ${CONNECT_FOUR_HZ} Hz`,
        trails: `Trails ${hz} Hz`,
      }),
      { key: "moves.rate", label: "honest moves accepted per second", unit: "/s", value: live.moves / seconds },
      {
        key: "states.rate",
        label: "room:state delivered to honest players per second",
        unit: "/s",
        value: live.states / seconds,
      },
      {
        key: "server.cpuPerMove",
        label: "server CPU per honest move",
        unit: "µs",
        value: window && live.moves > 0 ? window.cpuMicros / live.moves : null,
      },
      {
        key: "honest.refusals",
        label: "honest players refused (error acks, failed handshakes, drops, not seated)",
        unit: "",
        value: honestRefusalCount(refusals),
        worst: true,
      },
      {
        key: "honest.staleView",
        label: "honest moves the game refused for a stale view (not refusals)",
        unit: "",
        value: total(refusals.staleView),
        worst: true,
      },
      ...deliveryMetrics(drained),
      {
        key: "memory.heapStart",
        label: "server heap after GC at the start of the window",
        unit: "MiB",
        value: memoryAtStart ? memoryAtStart.heapUsedBytes / 2 ** 20 : null,
      },
      {
        key: "memory.heapGrowth",
        label: "server heap after GC: growth over the window",
        unit: "MiB",
        value: growth?.heapMiB ?? null,
      },
      {
        key: "memory.rssGrowth",
        label: "server RSS: growth over the window",
        unit: "MiB",
        value: growth?.rssMiB ?? null,
      },
      ...(counts ? attackMetrics(counts) : []),
      ...commonMetrics(window, live, ctx.botCores),
    ];
    const end = await finish(ctx, label);
    return {
      players: options.players,
      metrics: [...metrics, ...end.metrics],
      latencies: roundTripLatencies(trips),
      checks: [
        { name: "nothing honest refused", ok: honestRefusalCount(refusals) === 0, detail: describeRefusals(refusals) },
        ...deliveryChecks(live, drained, trips),
        ...(counts
          ? [
              {
                name: "the attacker attacked",
                ok: total(counts.attempted) > 0,
                detail: describeCounts(counts.attempted),
              },
            ]
          : []),
        ...end.checks,
      ],
      notes: [
        counts
          ? `this run: honest players with an attacker beside them for the whole window`
          : "this run: honest players alone (the comparison for the attack run)",
        ...windowNotes(ctx, window, live),
        ...(counts ? attackNotes(counts) : []),
      ],
    };
  },
};
