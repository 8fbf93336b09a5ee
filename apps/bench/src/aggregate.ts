import type { LatencySummary } from "./histogram";
import { metricOrder, type Check, type Metric, type ScaleStep, type ScenarioRun, type Spread } from "./metrics";

/*
 * `--repeat N`: each scenario runs N times against each server. These pure
 * functions fold the repetitions of one scenario against one server into the
 * single run the reports show: every figure is the median over the
 * repetitions, except the correctness counts (`Metric.worst`: lost states,
 * failures, leftovers), which take the worst repetition; a check holds only
 * if it held in every repetition. The raw repetitions stay on the run.
 */

function finite(values: readonly (number | null | undefined)[]): number[] {
  return values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
}

/**
 * The median of the finite values (missing ones — a repetition that produced
 * no figure — are skipped); the mean of the middle two for an even count;
 * null when there is none.
 */
export function median(values: readonly (number | null | undefined)[]): number | null {
  const sorted = finite(values).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Min, max and how many repetitions had a value; null when none had. */
export function spreadOf(values: readonly (number | null | undefined)[]): Spread | null {
  const present = finite(values);
  if (present.length === 0) return null;
  return { min: Math.min(...present), max: Math.max(...present), n: present.length };
}

/** The worst (largest) of a count of things that must not happen; null when no repetition counted. */
export function worstOf(values: readonly (number | null | undefined)[]): number | null {
  const present = finite(values);
  return present.length === 0 ? null : Math.max(...present);
}

const repLabel = (indexes: readonly number[]) => `rep ${indexes.map((i) => i + 1).join(", ")}`;

/**
 * One check per name (in the order they first appear): failed if it failed
 * in any repetition, and the detail names the failing repetitions. A
 * repetition without the check (e.g. "scenario completed", which only a
 * crashed repetition carries) neither fails nor passes it; the detail says so.
 */
export function mergeChecks(reps: readonly (readonly Check[])[]): Check[] {
  if (reps.length === 1) return [...reps[0]!];
  const names = [...new Set(reps.flatMap((checks) => checks.map((c) => c.name)))];
  return names.map((name) => {
    const found = reps.map((checks) => checks.find((c) => c.name === name));
    const failed = found.flatMap((c, i) => (c && !c.ok ? [i] : []));
    const absent = found.flatMap((c, i) => (c ? [] : [i]));
    const absentNote = absent.length > 0 ? ` (not checked in ${repLabel(absent)})` : "";
    if (failed.length > 0) {
      const detail = failed.map((i) => `${repLabel([i])}: ${found[i]?.detail ?? ""}`).join("; ");
      return {
        name,
        ok: false,
        detail: `failed in ${failed.length} of ${reps.length} repetitions — ${detail}${absentNote}`,
      };
    }
    const present = found.flatMap((c, i) => (c ? [{ c, i }] : []));
    const details = [...new Set(present.map(({ c }) => c.detail))];
    const detail =
      details.length === 1 ? details[0]! : present.map(({ c, i }) => `${repLabel([i])}: ${c.detail}`).join("; ");
    return { name, ok: true, detail: `${detail}${absentNote}` };
  });
}

/** Notes of every repetition, each once; one that not every repetition had names the ones it came from. */
export function mergeNotes(reps: readonly (readonly string[])[]): string[] {
  if (reps.length === 1) return [...reps[0]!];
  const from = new Map<string, number[]>();
  reps.forEach((notes, i) => {
    for (const note of new Set(notes)) from.set(note, [...(from.get(note) ?? []), i]);
  });
  return [...from].map(([note, indexes]) => (indexes.length === reps.length ? note : `${repLabel(indexes)}: ${note}`));
}

/**
 * Every metric key (in `metricOrder`: a row only a later repetition has stays
 * beside its neighbours) with its median — or worst — value and its spread.
 */
export function aggregateMetrics(reps: readonly (readonly Metric[])[]): {
  metrics: Metric[];
  spread: Record<string, Spread>;
} {
  const keys = metricOrder(reps);
  const spread: Record<string, Spread> = {};
  const metrics = keys.map((first): Metric => {
    const values = reps.map((metrics) => metrics.find((m) => m.key === first.key)?.value);
    const range = spreadOf(values);
    if (range) spread[first.key] = range;
    return { ...first, value: first.worst ? worstOf(values) : median(values) };
  });
  return { metrics, spread };
}

/** Each latency's percentiles, count, mean and max: the median over the repetitions that measured it. */
export function aggregateLatencies(reps: readonly Record<string, LatencySummary>[]): Record<string, LatencySummary> {
  const names = [...new Set(reps.flatMap((r) => Object.keys(r)))];
  const field = (summaries: LatencySummary[], key: keyof LatencySummary) =>
    median(summaries.map((s) => s[key])) ?? Number.NaN;
  return Object.fromEntries(
    names.map((name) => {
      const summaries = reps.flatMap((r) => (r[name] ? [r[name]] : []));
      const summary: LatencySummary = {
        count: field(summaries, "count"),
        mean: field(summaries, "mean"),
        p50: field(summaries, "p50"),
        p95: field(summaries, "p95"),
        p99: field(summaries, "p99"),
        max: field(summaries, "max"),
      };
      return [name, summary];
    }),
  );
}

/**
 * Scale steps by player count: medians over the repetitions that reached the
 * step, connect failures the worst; plus a note for each step that not every
 * repetition reached (its median then covers fewer runs).
 */
export function aggregateScaleSteps(reps: readonly (readonly ScaleStep[] | undefined)[]): {
  steps: ScaleStep[];
  notes: string[];
} {
  const counts = [...new Set(reps.flatMap((steps) => (steps ?? []).map((s) => s.players)))].sort((a, b) => a - b);
  const notes: string[] = [];
  const steps = counts.map((players): ScaleStep => {
    const at = reps.flatMap((steps) => steps?.filter((s) => s.players === players) ?? []);
    if (at.length < reps.length)
      notes.push(`${players} players: reached in ${at.length} of ${reps.length} repetitions; figures are over those`);
    const med = (pick: (s: ScaleStep) => number | null) => median(at.map(pick));
    return {
      players,
      seated: med((s) => s.seated) ?? 0,
      connectFailures: worstOf(at.map((s) => s.connectFailures)) ?? 0,
      p50: med((s) => s.p50) ?? Number.NaN,
      p99: med((s) => s.p99) ?? Number.NaN,
      movesPerSecond: med((s) => s.movesPerSecond) ?? Number.NaN,
      otherEventsPerSecond: med((s) => s.otherEventsPerSecond) ?? Number.NaN,
      serverCpuPercent: med((s) => s.serverCpuPercent),
      botCpuPercent: med((s) => s.botCpuPercent) ?? Number.NaN,
    };
  });
  return { steps, notes };
}

/** Fold the repetitions of one scenario against one server (in the order they ran) into the run the reports show. */
export function aggregateRepetitions(reps: readonly ScenarioRun[]): ScenarioRun {
  const first = reps[0];
  if (!first) throw new Error("aggregateRepetitions: no repetitions");
  if (reps.some((r) => r.scenario !== first.scenario || r.server !== first.server || r.variant !== first.variant)) {
    throw new Error("aggregateRepetitions: repetitions of different scenarios, servers or variants");
  }
  const { metrics, spread } = aggregateMetrics(reps.map((r) => r.metrics));
  const hasSteps = reps.some((r) => r.scaleSteps !== undefined);
  const scale = hasSteps ? aggregateScaleSteps(reps.map((r) => r.scaleSteps)) : null;
  return {
    scenario: first.scenario,
    server: first.server,
    ...(first.variant ? { variant: first.variant } : {}),
    players: median(reps.map((r) => r.players)) ?? first.players,
    metrics,
    latencies: aggregateLatencies(reps.map((r) => r.latencies)),
    checks: mergeChecks(reps.map((r) => r.checks)),
    notes: [...mergeNotes(reps.map((r) => r.notes)), ...(scale?.notes ?? [])],
    ...(scale ? { scaleSteps: scale.steps } : {}),
    repetitions: reps.map((r) => ({ ...r })),
    spread,
  };
}

/**
 * Group raw runs by scenario, server and variant (first-seen order, so Lobby
 * before the baseline, and the abuse scenario's run without attack before the
 * one with) and aggregate each group.
 */
export function aggregateAll(runs: readonly ScenarioRun[]): ScenarioRun[] {
  const groups = new Map<string, ScenarioRun[]>();
  for (const run of runs) {
    const key = JSON.stringify([run.scenario, run.server, run.variant ?? null]);
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  return [...groups.values()].map(aggregateRepetitions);
}

/** How many repetitions stand behind a (possibly aggregated) run. */
export function repetitionsOf(run: ScenarioRun | undefined): number {
  return run?.repetitions?.length ?? 1;
}
