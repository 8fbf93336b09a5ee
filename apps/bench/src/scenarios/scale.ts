import type { ModeId } from "@lobby/contracts";
import { cpuPercent, describeCounts, type Check, type Metric, type ScaleStep, type ScenarioRun } from "../metrics";
import type { LatencySummary } from "../histogram";
import { beginServerWindow, collect, finish, measureFor, sleep, windowNotes, type ScenarioContext } from "./common";
import { seatEveryone } from "./relay";
import type { Scenario } from "./scenario";

/** The steps the issue asks for; `--players` caps them. */
export const SCALE_STEPS = [1000, 2000, 5000, 10_000, 20_000];
/** The relay p99 a step must stay under to count. */
export const SCALE_P99_LIMIT_MS = 100;
/** Past this the server is hopelessly saturated: larger steps would only take longer. */
const GIVE_UP_P99_MS = 1000;
const MAX_STEP_WINDOW_S = 8;

/** Steps up to `max`: the standard ones below it, then `max` itself; two halves for small runs. */
export function scaleSteps(max: number): number[] {
  const even = (n: number) => Math.max(2, n - (n % 2));
  if (max < SCALE_STEPS[0]!) return [...new Set([even(max / 2), even(max)])];
  return [...SCALE_STEPS.filter((s) => s < max), even(max)];
}

/**
 * Connect Four at a turn-based rhythm — every player moves once a second —
 * at growing player counts. Bots are added step by step (the earlier ones
 * keep playing); each step is measured for a window. Reports the largest
 * count whose move → own-state p99 stays under 100 ms.
 */
export const scale: Scenario = {
  name: "scale",
  env: () => ({ COUNTDOWN_MS: "0", QUICK_MATCH_WAIT_MS: "300", RECONNECT_GRACE_MS: "1500" }),
  graceMs: 1500,

  async run(ctx: ScenarioContext, label: string): Promise<Omit<ScenarioRun, "scenario" | "server">> {
    const { options, pool } = ctx;
    const started = Date.now();
    const steps: ScaleStep[] = [];
    const latencies: Record<string, LatencySummary> = {};
    const notes: string[] = [];
    let current = 0;
    let lastStepMs = 0;
    for (const players of scaleSteps(options.players)) {
      const elapsed = Date.now() - started;
      // Steps grow, so the next one takes at least as long as the last.
      if (steps.length > 0 && elapsed + lastStepMs > options.scaleBudgetS * 1000) {
        notes.push(`stopped before ${players} players: the ${options.scaleBudgetS} s budget would run out`);
        break;
      }
      const stepStarted = Date.now();
      const stepLabel = `${label} ${players}`;
      const modes = Array<ModeId>(players - current).fill("connect-four");
      const { connect, seat } = await seatEveryone(ctx, stepLabel, modes);
      current = players;
      await pool.all({ kind: "play", plan: { trailsHz: 0, connectFourHz: 1 } });
      ctx.progress.set(`${stepLabel} settling`);
      await sleep(2000);
      await collect(ctx, "reset");
      const endWindow = await beginServerWindow(ctx.server);
      await measureFor(ctx, `${stepLabel} measuring`, Math.min(options.durationS, MAX_STEP_WINDOW_S) * 1000);
      const [window, live] = await Promise.all([endWindow(), collect(ctx, "snapshot")]);
      const rtt = live.rttMs.summary();
      steps.push({
        players,
        seated: seat.seated,
        connectFailures: connect.connectFailures,
        p50: rtt.p50,
        p99: rtt.p99,
        movesPerSecond: live.moves / (live.wallMs / 1000),
        otherEventsPerSecond: (live.events - live.stateFrames) / (live.wallMs / 1000),
        serverCpuPercent: window ? cpuPercent(window.cpuMicros, window.wallMs) : null,
        botCpuPercent: cpuPercent(live.cpuMicros, live.wallMs) / ctx.botCores,
      });
      latencies[`rtt @${players}`] = rtt;
      notes.push(...windowNotes(ctx, window, live, `${players}: `));
      lastStepMs = Date.now() - stepStarted;
      if (connect.connectFailures > 0)
        notes.push(`${players}: connect errors ${describeCounts(connect.connectErrors)}`);
      if (connect.connectFailures > players * 0.01) {
        notes.push(`stopped at ${players} players: ${connect.connectFailures} could not connect`);
        break;
      }
      if (!(rtt.p99 < GIVE_UP_P99_MS)) {
        notes.push(`stopped at ${players} players: p99 ${rtt.p99.toFixed(0)} ms, the server is saturated`);
        break;
      }
    }
    const passing = steps.filter((s) => s.p99 < SCALE_P99_LIMIT_MS && s.connectFailures === 0);
    const largest = passing.length > 0 ? Math.max(...passing.map((s) => s.players)) : 0;
    const metrics: Metric[] = [
      {
        key: "scale.largest",
        label: `largest count with move → own-state p99 < ${SCALE_P99_LIMIT_MS} ms`,
        unit: "players",
        value: largest,
      },
      ...steps.flatMap((s): Metric[] => [
        { key: `scale.${s.players}.p99`, label: `${s.players} players: p99`, unit: "ms", value: s.p99 },
        {
          key: `scale.${s.players}.serverCpu`,
          label: `${s.players} players: server CPU`,
          unit: "%",
          value: s.serverCpuPercent,
        },
        {
          key: `scale.${s.players}.botsCpu`,
          label: `${s.players} players: bots CPU`,
          unit: "%",
          value: s.botCpuPercent,
        },
      ]),
    ];
    const end = await finish(ctx, label);
    const checks: Check[] = [
      ...end.checks,
      {
        name: "at least one step measured",
        ok: steps.length > 0 && steps.every((s) => Number.isFinite(s.p99)),
        detail: `${steps.length} steps`,
      },
    ];
    return { players: current, metrics: [...metrics, ...end.metrics], latencies, checks, notes, scaleSteps: steps };
  },
};
