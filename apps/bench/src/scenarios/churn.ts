import { describeCounts, mergeMetrics, total, type Metric, type ScenarioRun } from "../metrics";
import {
  CONNECT_CONCURRENCY,
  assignModes,
  beginServerWindow,
  commonMetrics,
  finish,
  windowNotes,
  type ScenarioContext,
} from "./common";
import type { Scenario } from "./scenario";

const GRACE_MS = 1500;

/**
 * Players keep arriving, queueing, cancelling, leaving, dropping and coming
 * back with their session token. Measures the error-ack rate while it
 * happens, then — after everyone has gone and the grace period has passed —
 * checks the server's own account: no ghost players, no zombie rooms, no
 * stale queue entries, no invariant violations.
 */
export const churn: Scenario = {
  name: "churn",
  env: () => ({ COUNTDOWN_MS: "300", QUICK_MATCH_WAIT_MS: "300", RECONNECT_GRACE_MS: String(GRACE_MS) }),
  graceMs: GRACE_MS,

  async run(ctx: ScenarioContext, label: string): Promise<Omit<ScenarioRun, "scenario" | "server">> {
    const { options, pool, server } = ctx;
    ctx.progress.set(`${label} connecting`);
    const connect = mergeMetrics(await pool.spawnBots(server.urls, assignModes(options.players), CONNECT_CONCURRENCY));
    await pool.all({ kind: "reset" });
    const endWindow = await beginServerWindow(server);
    ctx.progress.set(`${label} churning`);
    const plan = { durationMs: options.durationS * 1000, maxPauseMs: 400, reconnectWithinMs: GRACE_MS * 0.6 };
    const live = mergeMetrics(await pool.all({ kind: "churn", plan }));
    const window = await endWindow();

    const seconds = live.wallMs / 1000;
    const errors = total(live.errors);
    const metrics: Metric[] = [
      { key: "churn.actions", label: "player actions per second", unit: "/s", value: total(live.actions) / seconds },
      { key: "churn.requests", label: "requests per second", unit: "/s", value: live.requests / seconds },
      {
        key: "churn.connects",
        label: "connects per second (new + resumed)",
        unit: "/s",
        value: live.connected / seconds,
      },
      {
        key: "churn.errorRate",
        label: "error-ack rate",
        unit: "%",
        value: live.requests > 0 ? (errors / live.requests) * 100 : 0,
      },
      {
        key: "churn.cpuPerRequest",
        label: "server CPU per request (incl. connects)",
        unit: "µs",
        value: window && live.requests > 0 ? window.cpuMicros / (live.requests + live.connected) : null,
      },
      {
        key: "churn.connectFailures",
        label: "connect failures",
        unit: "",
        value: live.connectFailures + connect.connectFailures,
        worst: true,
      },
      ...commonMetrics(window, live, ctx.botCores),
    ];
    const end = await finish(ctx, label);
    return {
      players: options.players,
      metrics: [...metrics, ...end.metrics],
      latencies: { "connect (churn)": live.connectMs.summary(), "seat (churn)": live.seatMs.summary() },
      checks: [
        ...end.checks,
        { name: "players churned", ok: total(live.actions) > 0, detail: describeCounts(live.actions) },
      ],
      notes: [
        ...windowNotes(ctx, window, live),
        `actions: ${describeCounts(live.actions)}`,
        `error acks: ${describeCounts(live.errors)}`,
        ...(live.connectFailures > 0 ? [`connect errors: ${describeCounts(live.connectErrors)}`] : []),
      ],
    };
  },
};
