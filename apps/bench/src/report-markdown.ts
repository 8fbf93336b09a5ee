import { repetitionsOf } from "./aggregate";
import {
  VARIANT_TITLES,
  metricOrder,
  type Metric,
  type RunVariant,
  type ScenarioName,
  type ScenarioRun,
  type Spread,
} from "./metrics";
import { clusterName, clusterTargetNote, ratioOf, type BenchReport, type TargetRow } from "./targets";

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

/** One metric of one scenario for every server kind, with the two ratios. */
export interface MetricRow {
  key: string;
  label: string;
  unit: string;
  lobby: number | null;
  baseline: number | null;
  /** `--cluster`: the cluster's figure (null without a cluster run). */
  cluster: number | null;
  /** Lobby / baseline. */
  ratio: number | null;
  /** Cluster / Lobby: the cluster against the single node. */
  clusterRatio: number | null;
}

/**
 * Every metric key of the runs in order: Lobby's first; a key only a later run
 * has goes right after the key it follows in that run (e.g. the cluster's
 * redis-server CPU after server CPU), or at the end.
 */
export function metricKeys(runs: readonly (ScenarioRun | undefined)[]): Metric[] {
  return metricOrder(runs.map((run) => run?.metrics ?? []));
}

/**
 * Join Lobby's, the baseline's (and the cluster's) metrics of one scenario
 * into rows, Lobby's order first. Over several repetitions a `worst` metric's
 * label says it is the worst repetition's (the others are medians; the column
 * headers say so).
 */
export function joinMetrics(
  lobby: ScenarioRun | undefined,
  baseline: ScenarioRun | undefined,
  cluster?: ScenarioRun,
): MetricRow[] {
  const reps = Math.max(repetitionsOf(lobby), repetitionsOf(baseline), cluster ? repetitionsOf(cluster) : 1);
  const valueOf = (run: ScenarioRun | undefined, key: string) => run?.metrics.find((m) => m.key === key)?.value ?? null;
  return metricKeys([lobby, baseline, cluster]).map((metric) => {
    const l = valueOf(lobby, metric.key);
    const b = valueOf(baseline, metric.key);
    const c = valueOf(cluster, metric.key);
    const label = metric.worst && reps > 1 ? `${metric.label} (worst of ${reps})` : metric.label;
    return {
      key: metric.key,
      label,
      unit: metric.unit,
      lobby: l,
      baseline: b,
      cluster: c,
      ratio: ratioOf(l, b),
      clusterRatio: ratioOf(c, l),
    };
  });
}

/** "Lobby" — or "Lobby (median of 3)" over several repetitions. */
export function columnTitle(name: string, run: ScenarioRun | undefined): string {
  const reps = repetitionsOf(run);
  return reps > 1 ? `${name} (median of ${reps})` : name;
}

/**
 * One scenario's table: Lobby, baseline, their ratio; with a cluster run also
 * the cluster's column ("Lobby ×N nodes") and cluster / Lobby.
 */
export function scenarioTable(
  lobby: ScenarioRun | undefined,
  baseline: ScenarioRun | undefined,
  cluster?: ScenarioRun,
  nodes?: number,
): string[] {
  if (!cluster) {
    const lines = [
      `| metric | ${columnTitle("Lobby", lobby)} | ${columnTitle("baseline", baseline)} | Lobby / baseline |`,
      "| --- | ---: | ---: | ---: |",
    ];
    for (const row of joinMetrics(lobby, baseline)) {
      lines.push(
        `| ${cell(row.label)} | ${withUnit(row.lobby, row.unit)} | ${withUnit(row.baseline, row.unit)} | ${formatRatio(row.ratio)} |`,
      );
    }
    return lines;
  }
  const lines = [
    `| metric | ${columnTitle("Lobby", lobby)} | ${columnTitle("baseline", baseline)} | ${columnTitle(clusterName(nodes), cluster)} | Lobby / baseline | cluster / Lobby |`,
    "| --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const row of joinMetrics(lobby, baseline, cluster)) {
    lines.push(
      `| ${cell(row.label)} | ${withUnit(row.lobby, row.unit)} | ${withUnit(row.baseline, row.unit)} | ${withUnit(row.cluster, row.unit)} | ${formatRatio(row.ratio)} | ${formatRatio(row.clusterRatio)} |`,
    );
  }
  return lines;
}

/** How the reports name a run: its server, or for a scenario with variants, the variant ("Lobby, under attack"). */
export function runName(run: ScenarioRun): string {
  return run.variant ? VARIANT_TITLES[run.variant] : run.server;
}

/** A scenario that compares Lobby with itself: the attack run, the run without, and attack / no attack. */
export function variantTable(attack: ScenarioRun | undefined, quiet: ScenarioRun | undefined): string[] {
  const lines = [
    `| metric | ${columnTitle(VARIANT_TITLES.attack, attack)} | ${columnTitle(VARIANT_TITLES["no-attack"], quiet)} | attack / no attack |`,
    "| --- | ---: | ---: | ---: |",
  ];
  for (const row of joinMetrics(attack, quiet)) {
    lines.push(
      `| ${cell(row.label)} | ${withUnit(row.lobby, row.unit)} | ${withUnit(row.baseline, row.unit)} | ${formatRatio(row.ratio)} |`,
    );
  }
  return lines;
}

/** What the abuse scenario's two columns are, for the report's header. */
export const VARIANTS_EXPLANATION =
  "abuse: honest players on Lobby alone and on Lobby with an attacker beside them — each a fresh server with the same settings (rate limits on, X-Forwarded-For trusted, the server's own cap per address), run one after the other in each repetition; the baseline and the cluster do not run it.";

/**
 * The figures whose spread over the repetitions the markdown shows: the ones
 * the targets judge. A figure of a scenario with variants names its variant,
 * and shows in the Lobby columns (both variants run against Lobby).
 */
export const SPREAD_FIGURES: readonly { scenario: ScenarioName; key: string; label: string; variant?: RunVariant }[] = [
  { scenario: "burst", key: "server.cpuPerSeat", label: "server CPU per seated player (burst)" },
  {
    scenario: "burst",
    key: "server.cpuPerSeatFirst",
    label: "server CPU per seated player, a fresh server's first round (burst)",
  },
  { scenario: "chat", key: "seat.byCode.cpuPerSeat", label: "server CPU per player seated by code (chat)" },
  {
    scenario: "chat",
    key: "seat.byCode.cpuPerSeatFirst",
    label: "server CPU per player seated by code, a fresh server's first round (chat)",
  },
  { scenario: "relay", key: "server.cpuPerMessage", label: "server CPU per delivered state (relay)" },
  { scenario: "chat", key: "server.cpuPerMessage", label: "server CPU per delivered chat line (chat)" },
  { scenario: "relay", key: "rtt.p99", label: "relay move → own state p99" },
  { scenario: "burst", key: "memory.rssPerPlayer", label: "server RSS per connected player (burst)" },
  { scenario: "scale", key: "scale.largest", label: "scale: largest count with p99 < 100 ms" },
  { scenario: "abuse", key: "rtt.p99", label: "abuse: honest move → own state p99, under attack", variant: "attack" },
  { scenario: "abuse", key: "rtt.p99", label: "abuse: honest move → own state p99, no attack", variant: "no-attack" },
  {
    scenario: "abuse",
    key: "memory.heapGrowth",
    label: "abuse: server heap growth (after GC), under attack",
    variant: "attack",
  },
];

/** One figure's median and min–max for Lobby, the baseline and the cluster. */
export interface SpreadRow {
  label: string;
  unit: string;
  lobby: { median: number | null; spread: Spread | null; repetitions: number } | null;
  baseline: { median: number | null; spread: Spread | null; repetitions: number } | null;
  /** Null also when the report has no cluster run. */
  cluster: { median: number | null; spread: Spread | null; repetitions: number } | null;
}

/** The spread rows for the figures in SPREAD_FIGURES that the report has. */
export function spreadRows(runs: readonly ScenarioRun[]): SpreadRow[] {
  return SPREAD_FIGURES.flatMap((figure): SpreadRow[] => {
    const side = (server: ScenarioRun["server"]) => {
      const run = runs.find(
        (r) => r.scenario === figure.scenario && r.server === server && r.variant === figure.variant,
      );
      const metric = run?.metrics.find((m) => m.key === figure.key);
      if (!run || !metric) return null;
      return { median: metric.value, spread: run.spread?.[figure.key] ?? null, repetitions: repetitionsOf(run) };
    };
    const lobby = side("lobby");
    const baseline = side("baseline");
    const cluster = side("cluster");
    if (!lobby && !baseline && !cluster) return [];
    const unit =
      runs.find((r) => r.scenario === figure.scenario)?.metrics.find((m) => m.key === figure.key)?.unit ?? "";
    return [{ label: figure.label, unit, lobby, baseline, cluster }];
  });
}

/** "98.2–121 µs", with "(2 of 3)" when some repetitions had no figure; "—" when none had. */
export function formatSpread(side: SpreadRow["lobby"], unit: string): string {
  if (!side?.spread) return "—";
  const { min, max, n } = side.spread;
  const range = `${formatNumber(min)}–${formatNumber(max)}${unit ? ` ${unit}` : ""}`;
  return n < side.repetitions ? `${range} (${n} of ${side.repetitions})` : range;
}

function spreadTable(runs: readonly ScenarioRun[], nodes: number | undefined): string[] {
  const rows = spreadRows(runs);
  if (rows.length === 0) return [];
  const withCluster = runs.some((r) => r.server === "cluster");
  const name = clusterName(nodes);
  const lines = withCluster
    ? [
        `| figure | Lobby median | Lobby min–max | baseline median | baseline min–max | ${name} median | ${name} min–max |`,
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
      ]
    : [
        "| figure | Lobby median | Lobby min–max | baseline median | baseline min–max |",
        "| --- | ---: | ---: | ---: | ---: |",
      ];
  for (const row of rows) {
    const clusterCells = withCluster
      ? ` ${withUnit(row.cluster?.median ?? null, row.unit)} | ${formatSpread(row.cluster, row.unit)} |`
      : "";
    lines.push(
      `| ${cell(row.label)} | ${withUnit(row.lobby?.median ?? null, row.unit)} | ${formatSpread(row.lobby, row.unit)} | ${withUnit(row.baseline?.median ?? null, row.unit)} | ${formatSpread(row.baseline, row.unit)} |${clusterCells}`,
    );
  }
  return lines;
}

function scaleTable(
  lobby: ScenarioRun | undefined,
  baseline: ScenarioRun | undefined,
  cluster?: ScenarioRun,
): string[] {
  const steps = [
    ...new Set(
      [...(lobby?.scaleSteps ?? []), ...(baseline?.scaleSteps ?? []), ...(cluster?.scaleSteps ?? [])].map(
        (s) => s.players,
      ),
    ),
  ];
  if (steps.length === 0) return [];
  const lines = [
    "",
    `| players | Lobby p50 | Lobby p99 | baseline p99 |${cluster ? " cluster p99 |" : ""} Lobby server CPU | baseline server CPU |${cluster ? " cluster server CPU |" : ""} bots CPU (Lobby run) | moves/s (Lobby) | other events/s (Lobby / baseline) |`,
    `| ---: | ---: | ---: | ---: |${cluster ? " ---: |" : ""} ---: | ---: |${cluster ? " ---: |" : ""} ---: | ---: | ---: |`,
  ];
  for (const players of steps.sort((a, b) => a - b)) {
    const l = lobby?.scaleSteps?.find((s) => s.players === players);
    const b = baseline?.scaleSteps?.find((s) => s.players === players);
    const c = cluster?.scaleSteps?.find((s) => s.players === players);
    const clusterP99 = cluster ? ` ${withUnit(c?.p99 ?? null, "ms")} |` : "";
    const clusterCpu = cluster ? ` ${withUnit(c?.serverCpuPercent ?? null, "%")} |` : "";
    lines.push(
      `| ${formatNumber(players)} | ${withUnit(l?.p50 ?? null, "ms")} | ${withUnit(l?.p99 ?? null, "ms")} | ${withUnit(b?.p99 ?? null, "ms")} |${clusterP99} ${withUnit(l?.serverCpuPercent ?? null, "%")} | ${withUnit(b?.serverCpuPercent ?? null, "%")} |${clusterCpu} ${withUnit(l?.botCpuPercent ?? null, "%")} | ${formatNumber(l?.movesPerSecond ?? null)} | ${formatNumber(l?.otherEventsPerSecond ?? null)} / ${formatNumber(b?.otherEventsPerSecond ?? null)} |`,
    );
  }
  return lines;
}

/** What the cluster's column sums and what it does not, for the report's header. */
export function clusterExplanation(nodes: number | undefined): string {
  return `${clusterName(nodes)}: the same compiled Lobby, one redis-server, all on the server cores, bot i connected to node i mod N (no balancer). Its CPU and memory are summed over the nodes and redis-server, event-loop delay and run-queue wait are the worst process's, leftovers are read from one node (the state is shared in Redis). On the cores of one server the nodes compete with each other and redis-server: the figures measure the cost of going through Redis, not added capacity.`;
}

function targetLine(row: TargetRow): string {
  const mark = row.ok === null ? "n/a" : row.ok ? "✓" : "✗";
  return `| ${cell(row.target)} | ${formatNumber(row.lobby)} | ${formatNumber(row.baseline)} | ${formatRatio(row.ratio)} | ${row.limit} | ${mark} | ${cell(row.note)} |`;
}

/** One line per run: its checks (the failed ones in full) and its notes. */
function checkLines(runs: readonly (ScenarioRun | undefined)[]): string[] {
  return runs.flatMap((run) => {
    if (!run) return [];
    const failed = run.checks.filter((c) => !c.ok);
    const status =
      failed.length === 0
        ? `all ${run.checks.length} checks ✓`
        : failed.map((c) => `✗ ${c.name}: ${c.detail}`).join("; ");
    const reps = repetitionsOf(run);
    const inAll = reps > 1 && failed.length === 0 ? ` in all ${reps} repetitions` : "";
    return [`- ${runName(run)}: ${status}${inAll}${run.notes.length ? ` — ${run.notes.join("; ")}` : ""}`];
  });
}

/** What ran one after the other in each repetition: "Lobby and baseline", "… and cluster", "no attack and attack". */
export function interleaved(runs: readonly ScenarioRun[]): string {
  const servers = runs.filter((r) => !r.variant).some((r) => r.server === "cluster")
    ? "Lobby, baseline and cluster"
    : "Lobby and baseline";
  const withVariants = runs.some((r) => r.variant);
  if (!withVariants) return servers;
  return runs.some((r) => !r.variant)
    ? `${servers} (abuse: Lobby without and with an attacker)`
    : "Lobby without and with an attacker";
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
        ? ` · ${report.repeat} repetitions per scenario and server, ${interleaved(report.runs)} interleaved: figures are medians, lost/duplicated counts and failures the worst repetition, a check fails if it failed in any`
        : ""
    }`,
  ];
  const nodes = report.clusterNodes;
  if (report.runs.some((r) => r.server === "cluster")) lines.push(clusterExplanation(nodes));
  if (report.runs.some((r) => r.variant)) lines.push(VARIANTS_EXPLANATION);
  const scenarios = [...new Set(report.runs.map((r) => r.scenario))];
  for (const scenario of scenarios) {
    const variants = report.runs.filter((r) => r.scenario === scenario && r.variant);
    if (variants.length > 0) {
      const attack = variants.find((r) => r.variant === "attack");
      const quiet = variants.find((r) => r.variant === "no-attack");
      lines.push(
        "",
        `### ${scenario} (${formatNumber(attack?.players ?? quiet?.players ?? null)} honest players)`,
        "",
        ...variantTable(attack, quiet),
        "",
      );
      lines.push(...checkLines(variants));
      continue;
    }
    const lobby = report.runs.find((r) => r.scenario === scenario && r.server === "lobby");
    const baseline = report.runs.find((r) => r.scenario === scenario && r.server === "baseline");
    const cluster = report.runs.find((r) => r.scenario === scenario && r.server === "cluster");
    lines.push(
      "",
      `### ${scenario} (${formatNumber(lobby?.players ?? baseline?.players ?? cluster?.players ?? null)} players)`,
      "",
    );
    lines.push(...scenarioTable(lobby, baseline, cluster, nodes));
    if (scenario === "scale") lines.push(...scaleTable(lobby, baseline, cluster));
    lines.push("", ...checkLines([lobby, baseline, cluster]));
  }
  if (report.repeat > 1) {
    const spread = spreadTable(report.runs, nodes);
    if (spread.length > 0) lines.push("", `### Spread over ${report.repeat} repetitions`, "", ...spread);
  }
  lines.push(
    "",
    report.repeat > 1
      ? `### Targets (medians of ${report.repeat} repetitions; lost or duplicated: the worst)`
      : "### Targets",
    "",
    "| target | Lobby | baseline | ratio | limit | | note |",
    "| --- | ---: | ---: | ---: | --- | --- | --- |",
  );
  lines.push(...report.targets.map(targetLine));
  const clusterNote = clusterTargetNote(report.runs, nodes, formatNumber);
  if (clusterNote) lines.push("", cell(clusterNote));
  lines.push("", report.ok ? "All checks passed." : "Some checks FAILED (see ✗ above).", "");
  return lines.join("\n");
}
