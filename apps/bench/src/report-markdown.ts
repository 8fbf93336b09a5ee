import type { Metric, ScenarioRun } from "./metrics";
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

/** Join Lobby's and the baseline's metrics of one scenario into rows, Lobby's order first. */
export function joinMetrics(lobby: ScenarioRun | undefined, baseline: ScenarioRun | undefined) {
  const rows: { label: string; unit: string; lobby: number | null; baseline: number | null; ratio: number | null }[] = [];
  const keys: Metric[] = [...(lobby?.metrics ?? [])];
  for (const metric of baseline?.metrics ?? []) if (!keys.some((m) => m.key === metric.key)) keys.push(metric);
  for (const metric of keys) {
    const l = lobby?.metrics.find((m) => m.key === metric.key)?.value ?? null;
    const b = baseline?.metrics.find((m) => m.key === metric.key)?.value ?? null;
    rows.push({ label: metric.label, unit: metric.unit, lobby: l, baseline: b, ratio: ratioOf(l, b) });
  }
  return rows;
}

function scenarioTable(lobby: ScenarioRun | undefined, baseline: ScenarioRun | undefined): string[] {
  const lines = ["| metric | Lobby | baseline | Lobby / baseline |", "| --- | ---: | ---: | ---: |"];
  for (const row of joinMetrics(lobby, baseline)) {
    lines.push(`| ${cell(row.label)} | ${withUnit(row.lobby, row.unit)} | ${withUnit(row.baseline, row.unit)} | ${formatRatio(row.ratio)} |`);
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
    `players ${String(options.players)} · ${String(options.durationS)} s per scenario · Trails ${String(options.hz)} Hz`,
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
      lines.push(`- ${run.server}: ${status}${run.notes.length ? ` — ${run.notes.join("; ")}` : ""}`);
    }
  }
  lines.push("", "### Targets", "", "| target | Lobby | baseline | ratio | limit | | note |", "| --- | ---: | ---: | ---: | --- | --- | --- |");
  lines.push(...report.targets.map(targetLine));
  lines.push("", report.ok ? "All checks passed." : "Some checks FAILED (see ✗ above).", "");
  return lines.join("\n");
}
