import { repetitionsOf } from "./aggregate";
import type { Metric, ScenarioName, ScenarioRun, Spread } from "./metrics";
import { ratioOf, type BenchReport, type TargetRow } from "./targets";

/** A number for a table: grouped thousands, fewer decimals the larger it is; "—" when missing. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const abs = Math.abs(value);
  const digits = abs >= 100 || Number.isInteger(value) ? 0 : abs >= 10 ? 1 : 2;
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function withUnit(value: number | null, unit: string): string {
  const text = formatNumber(value);
  return text === "—" || !unit ? text : `${text} ${unit}`;
}

function formatRatio(ratio: number | null): string {
  return ratio === null ? "—" : `${ratio.toFixed(2)}×`;
}

/** Escape a table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/**
 * Join Lobby's and the baseline's metrics of one scenario into rows, Lobby's
 * order first. Over several repetitions a `worst` metric's label says it is
 * the worst repetition's (the others are medians; the column headers say so).
 */
export function joinMetrics(lobby: ScenarioRun | undefined, baseline: ScenarioRun | undefined) {
  const rows: { key: string; label: string; unit: string; lobby: number | null; baseline: number | null; ratio: number | null }[] = [];
  const keys: Metric[] = [...(lobby?.metrics ?? [])];
  for (const metric of baseline?.metrics ?? []) if (!keys.some((m) => m.key === metric.key)) keys.push(metric);
  const reps = Math.max(repetitionsOf(lobby), repetitionsOf(baseline));
  for (const metric of keys) {
    const l = lobby?.metrics.find((m) => m.key === metric.key)?.value ?? null;
    const b = baseline?.metrics.find((m) => m.key === metric.key)?.value ?? null;
    const label = metric.worst && reps > 1 ? `${metric.label} (worst of ${reps})` : metric.label;
    rows.push({ key: metric.key, label, unit: metric.unit, lobby: l, baseline: b, ratio: ratioOf(l, b) });
  }
  return rows;
}

/** "Lobby" — or "Lobby (median of 3)" over several repetitions. */
export function columnTitle(name: string, run: ScenarioRun | undefined): string {
  const reps = repetitionsOf(run);
  return reps > 1 ? `${name} (median of ${reps})` : name;
}

function scenarioTable(lobby: ScenarioRun | undefined, baseline: ScenarioRun | undefined): string[] {
  const lines = [`| metric | ${columnTitle("Lobby", lobby)} | ${columnTitle("baseline", baseline)} | Lobby / baseline |`, "| --- | ---: | ---: | ---: |"];
  for (const row of joinMetrics(lobby, baseline)) {
    lines.push(`| ${cell(row.label)} | ${withUnit(row.lobby, row.unit)} | ${withUnit(row.baseline, row.unit)} | ${formatRatio(row.ratio)} |`);
  }
  return lines;
}

/** The figures whose spread over the repetitions the markdown shows: the ones the targets judge. */
export const SPREAD_FIGURES: readonly { scenario: ScenarioName; key: string; label: string }[] = [
  { scenario: "burst", key: "server.cpuPerSeat", label: "server CPU per seated player (burst)" },
  { scenario: "relay", key: "server.cpuPerMessage", label: "server CPU per delivered state (relay)" },
  { scenario: "relay", key: "rtt.p99", label: "relay move → own state p99" },
  { scenario: "burst", key: "memory.rssPerPlayer", label: "server RSS per connected player (burst)" },
  { scenario: "scale", key: "scale.largest", label: "scale: largest count with p99 < 100 ms" },
];

/** One figure's median and min–max for Lobby and the baseline. */
export interface SpreadRow {
  label: string;
  unit: string;
  lobby: { median: number | null; spread: Spread | null; repetitions: number } | null;
  baseline: { median: number | null; spread: Spread | null; repetitions: number } | null;
}

/** The spread rows for the figures in SPREAD_FIGURES that the report has. */
export function spreadRows(runs: readonly ScenarioRun[]): SpreadRow[] {
  return SPREAD_FIGURES.flatMap((figure): SpreadRow[] => {
    const side = (server: ScenarioRun["server"]) => {
      const run = runs.find((r) => r.scenario === figure.scenario && r.server === server);
      const metric = run?.metrics.find((m) => m.key === figure.key);
      if (!run || !metric) return null;
      return { median: metric.value, spread: run.spread?.[figure.key] ?? null, repetitions: repetitionsOf(run) };
    };
    const lobby = side("lobby");
    const baseline = side("baseline");
    if (!lobby && !baseline) return [];
    const unit = runs.find((r) => r.scenario === figure.scenario)?.metrics.find((m) => m.key === figure.key)?.unit ?? "";
    return [{ label: figure.label, unit, lobby, baseline }];
  });
}

/** "98.2–121 µs", with "(2 of 3)" when some repetitions had no figure; "—" when none had. */
export function formatSpread(side: SpreadRow["lobby"], unit: string): string {
  if (!side?.spread) return "—";
  const { min, max, n } = side.spread;
  const range = `${formatNumber(min)}–${formatNumber(max)}${unit ? ` ${unit}` : ""}`;
  return n < side.repetitions ? `${range} (${n} of ${side.repetitions})` : range;
}

function spreadTable(runs: readonly ScenarioRun[]): string[] {
  const rows = spreadRows(runs);
  if (rows.length === 0) return [];
  const lines = ["| figure | Lobby median | Lobby min–max | baseline median | baseline min–max |", "| --- | ---: | ---: | ---: | ---: |"];
  for (const row of rows) {
    lines.push(
      `| ${cell(row.label)} | ${withUnit(row.lobby?.median ?? null, row.unit)} | ${formatSpread(row.lobby, row.unit)} | ${withUnit(row.baseline?.median ?? null, row.unit)} | ${formatSpread(row.baseline, row.unit)} |`,
    );
  }
  return lines;
}

function scaleTable(lobby: ScenarioRun | undefined, baseline: ScenarioRun | undefined): string[] {
  const steps = [...new Set([...(lobby?.scaleSteps ?? []), ...(baseline?.scaleSteps ?? [])].map((s) => s.players))];
  if (steps.length === 0) return [];
  const lines = [
    "",
    "| players | Lobby p50 | Lobby p99 | baseline p99 | Lobby server CPU | baseline server CPU | bots CPU (Lobby run) | moves/s (Lobby) | other events/s (Lobby / baseline) |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const players of steps.sort((a, b) => a - b)) {
    const l = lobby?.scaleSteps?.find((s) => s.players === players);
    const b = baseline?.scaleSteps?.find((s) => s.players === players);
    lines.push(
      `| ${formatNumber(players)} | ${withUnit(l?.p50 ?? null, "ms")} | ${withUnit(l?.p99 ?? null, "ms")} | ${withUnit(b?.p99 ?? null, "ms")} | ${withUnit(l?.serverCpuPercent ?? null, "%")} | ${withUnit(b?.serverCpuPercent ?? null, "%")} | ${withUnit(l?.botCpuPercent ?? null, "%")} | ${formatNumber(l?.movesPerSecond ?? null)} | ${formatNumber(l?.otherEventsPerSecond ?? null)} / ${formatNumber(b?.otherEventsPerSecond ?? null)} |`,
    );
  }
  return lines;
}

function targetLine(row: TargetRow): string {
  const mark = row.ok === null ? "n/a" : row.ok ? "✓" : "✗";
  return `| ${cell(row.target)} | ${formatNumber(row.lobby)} | ${formatNumber(row.baseline)} | ${formatRatio(row.ratio)} | ${row.limit} | ${mark} | ${cell(row.note)} |`;
}

/** The whole report as markdown, for stdout. */
export function renderMarkdown(report: BenchReport): string {
  const { machine, options } = report;
  const lines = [
    `## Lobby bench — ${report.startedAt}`,
    "",
    `\`${report.command}\` · ${machine.cpus} cores · Node ${machine.node} · ${machine.pinning} · ${machine.workers} bot workers · ${machine.build} · open-file limit ${machine.fileLimit ?? "?"} · load average ${machine.loadAverage.start.join("/")} → ${machine.loadAverage.end.join("/")}`,
    `players ${String(options.players)} · ${String(options.durationS)} s per scenario · Trails ${String(options.hz)} Hz${
      report.repeat > 1
        ? ` · ${report.repeat} repetitions per scenario and server, Lobby and baseline interleaved: figures are medians, lost/duplicated counts and failures the worst repetition, a check fails if it failed in any`
        : ""
    }`,
  ];
  const scenarios = [...new Set(report.runs.map((r) => r.scenario))];
  for (const scenario of scenarios) {
    const lobby = report.runs.find((r) => r.scenario === scenario && r.server === "lobby");
    const baseline = report.runs.find((r) => r.scenario === scenario && r.server === "baseline");
    lines.push("", `### ${scenario} (${formatNumber(lobby?.players ?? baseline?.players ?? null)} players)`, "");
    lines.push(...scenarioTable(lobby, baseline));
    if (scenario === "scale") lines.push(...scaleTable(lobby, baseline));
    lines.push("");
    for (const run of [lobby, baseline]) {
      if (!run) continue;
      const failed = run.checks.filter((c) => !c.ok);
      const status = failed.length === 0 ? `all ${run.checks.length} checks ✓` : failed.map((c) => `✗ ${c.name}: ${c.detail}`).join("; ");
      const reps = repetitionsOf(run);
      const inAll = reps > 1 && failed.length === 0 ? ` in all ${reps} repetitions` : "";
      lines.push(`- ${run.server}: ${status}${inAll}${run.notes.length ? ` — ${run.notes.join("; ")}` : ""}`);
    }
  }
  if (report.repeat > 1) {
    lines.push("", `### Spread over ${report.repeat} repetitions`, "", ...spreadTable(report.runs));
  }
  lines.push("", report.repeat > 1 ? `### Targets (medians of ${report.repeat} repetitions; lost or duplicated: the worst)` : "### Targets", "", "| target | Lobby | baseline | ratio | limit | | note |", "| --- | ---: | ---: | ---: | --- | --- | --- |");
  lines.push(...report.targets.map(targetLine));
  lines.push("", report.ok ? "All checks passed." : "Some checks FAILED (see ✗ above).", "");
  return lines.join("\n");
}
