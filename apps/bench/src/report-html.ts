import { VARIANT_TITLES, type ScenarioRun } from "./metrics";
import {
  clusterExplanation,
  columnTitle,
  formatNumber,
  formatSpread,
  interleaved,
  joinMetrics,
  runName,
  spreadRows,
  VARIANTS_EXPLANATION,
} from "./report-markdown";
import { clusterName, clusterTargetNote, type BenchReport } from "./targets";

/*
 * A self-contained HTML report: inline CSS and inline SVG charts, no
 * scripts and no external assets, so it opens from a CI artifact as is.
 */

const COLORS: Record<string, string> = {
  lobby: "#2563eb",
  baseline: "#9ca3af",
  cluster: "#ea580c",
  [VARIANT_TITLES.attack]: "#dc2626",
  [VARIANT_TITLES["no-attack"]]: "#2563eb",
};
const W = 720;
const H = 300;
const PAD = { left: 76, right: 16, top: 28, bottom: 84 };

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

/** A log10 scale covering `values` in whole decades, mapped onto [height, 0]. */
export function logScale(values: readonly number[], height: number) {
  const positive = values.filter((v) => Number.isFinite(v) && v > 0);
  const lo = 10 ** Math.floor(Math.log10(Math.min(...positive, 1)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...positive, 10)));
  const span = Math.log10(hi) - Math.log10(lo);
  const y = (v: number) => height - ((Math.log10(Math.max(v, lo)) - Math.log10(lo)) / span) * height;
  const ticks: number[] = [];
  for (let t = lo; t <= hi * 1.0001; t *= 10) ticks.push(t);
  return { y, ticks };
}

function yAxis(ticks: readonly number[], y: (v: number) => number, unit: string): string {
  const plotW = W - PAD.left - PAD.right;
  return ticks
    .map((t) => {
      const ty = PAD.top + y(t);
      return `<line x1="${PAD.left}" x2="${PAD.left + plotW}" y1="${ty}" y2="${ty}" stroke="#e5e7eb"/><text x="${PAD.left - 6}" y="${ty + 4}" text-anchor="end">${formatNumber(t)}${unit}</text>`;
    })
    .join("");
}

function legend(series: readonly string[]): string {
  return series
    .map(
      (name, i) =>
        `<rect x="${PAD.left + i * 110}" y="6" width="12" height="12" fill="${COLORS[name] ?? "#000"}"/><text x="${PAD.left + 16 + i * 110}" y="16">${escapeHtml(name)}</text>`,
    )
    .join("");
}

/** Grouped bars on a log axis: for each group (e.g. "seat p99"), one bar per series. */
export function barChart(
  title: string,
  groups: { label: string; values: Record<string, number | null> }[],
  series: string[],
): string {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const all = groups.flatMap((g) => Object.values(g.values)).filter((v): v is number => v !== null);
  if (groups.length === 0 || all.length === 0) return "";
  const { y, ticks } = logScale(all, plotH);
  const groupW = plotW / groups.length;
  const barW = Math.min(28, (groupW * 0.8) / series.length);
  const bars = groups
    .map((group, gi) => {
      const x0 = PAD.left + gi * groupW + (groupW - barW * series.length) / 2;
      const rects = series
        .map((name, si) => {
          const value = group.values[name];
          if (value === null || value === undefined || !Number.isFinite(value)) return "";
          const top = PAD.top + y(value);
          return `<rect x="${x0 + si * barW}" y="${top}" width="${barW - 2}" height="${PAD.top + plotH - top}" fill="${COLORS[name] ?? "#000"}"><title>${escapeHtml(`${name} ${group.label}: ${formatNumber(value)} ms`)}</title></rect>`;
        })
        .join("");
      const lx = PAD.left + gi * groupW + groupW / 2;
      return `${rects}<text x="${lx}" y="${H - PAD.bottom + 14}" text-anchor="end" transform="rotate(-30 ${lx} ${H - PAD.bottom + 14})">${escapeHtml(group.label)}</text>`;
    })
    .join("");
  return `<figure><figcaption>${escapeHtml(title)}</figcaption><svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(title)}">${legend(series)}${yAxis(ticks, y, " ms")}${bars}</svg></figure>`;
}

/** Lines of (x, y) points on a linear x and log y axis, with an optional horizontal limit line. */
export function lineChart(
  title: string,
  lines: { name: string; points: [number, number][] }[],
  limit: number | null,
  xLabel: string,
): string {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const xs = lines.flatMap((l) => l.points.map((p) => p[0]));
  const ys = [...lines.flatMap((l) => l.points.map((p) => p[1])), ...(limit === null ? [] : [limit])];
  if (xs.length === 0) return "";
  const { y, ticks } = logScale(ys, plotH);
  const xMax = Math.max(...xs);
  const x = (v: number) => PAD.left + (v / xMax) * plotW;
  const paths = lines
    .map((line) => {
      const pts = line.points.filter((p) => Number.isFinite(p[1])).sort((a, b) => a[0] - b[0]);
      const color = COLORS[line.name] ?? "#000";
      const d = pts
        .map((p, i) => `${i === 0 ? "M" : "L"}${x(p[0]).toFixed(1)},${(PAD.top + y(p[1])).toFixed(1)}`)
        .join(" ");
      const dots = pts
        .map(
          (p) =>
            `<circle cx="${x(p[0]).toFixed(1)}" cy="${(PAD.top + y(p[1])).toFixed(1)}" r="4" fill="${color}"><title>${escapeHtml(`${line.name}: ${formatNumber(p[0])} players, p99 ${formatNumber(p[1])} ms`)}</title></circle>`,
        )
        .join("");
      return `<path d="${d}" fill="none" stroke="${color}" stroke-width="2"/>${dots}`;
    })
    .join("");
  const limitLine =
    limit === null
      ? ""
      : `<line x1="${PAD.left}" x2="${PAD.left + plotW}" y1="${PAD.top + y(limit)}" y2="${PAD.top + y(limit)}" stroke="#dc2626" stroke-dasharray="6 4"/>`;
  const xTicks = [...new Set(xs)]
    .map((v) => `<text x="${x(v)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${formatNumber(v)}</text>`)
    .join("");
  return `<figure><figcaption>${escapeHtml(title)}</figcaption><svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(title)}">${legend(lines.map((l) => l.name))}${yAxis(ticks, y, " ms")}${limitLine}${paths}${xTicks}<text x="${PAD.left + plotW / 2}" y="${H - 12}" text-anchor="middle">${escapeHtml(xLabel)}</text></svg></figure>`;
}

function latencyChart(scenario: string, runs: ScenarioRun[]): string {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.latencies)))];
  const groups = names.flatMap((name) =>
    (["p50", "p95", "p99"] as const).map((p) => ({
      label: `${name} ${p}`,
      values: Object.fromEntries(runs.map((r) => [runName(r), r.latencies[name]?.[p] ?? null])),
    })),
  );
  return barChart(`${scenario}: latency percentiles (log scale)`, groups, runs.map(runName));
}

const ratioText = (ratio: number | null) => (ratio === null ? "—" : `${ratio.toFixed(2)}×`);

function table(
  lobby: ScenarioRun | undefined,
  baseline: ScenarioRun | undefined,
  cluster: ScenarioRun | undefined,
  nodes: number | undefined,
): string {
  const rows = joinMetrics(lobby, baseline, cluster)
    .map((r) => {
      const clusterCells = cluster ? `<td>${formatNumber(r.cluster)} ${escapeHtml(r.unit)}</td>` : "";
      const clusterRatio = cluster ? `<td>${ratioText(r.clusterRatio)}</td>` : "";
      return `<tr><td>${escapeHtml(r.label)}</td><td>${formatNumber(r.lobby)} ${escapeHtml(r.unit)}</td><td>${formatNumber(r.baseline)} ${escapeHtml(r.unit)}</td>${clusterCells}<td>${ratioText(r.ratio)}</td>${clusterRatio}</tr>`;
    })
    .join("");
  const clusterHead = cluster ? `<th>${escapeHtml(columnTitle(clusterName(nodes), cluster))}</th>` : "";
  return `<table><thead><tr><th>metric</th><th>${escapeHtml(columnTitle("Lobby", lobby))}</th><th>${escapeHtml(columnTitle("baseline", baseline))}</th>${clusterHead}<th>Lobby / baseline</th>${cluster ? "<th>cluster / Lobby</th>" : ""}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** A scenario that compares Lobby with itself: under attack, without, and their ratio. */
function variantHtmlTable(attack: ScenarioRun | undefined, quiet: ScenarioRun | undefined): string {
  const rows = joinMetrics(attack, quiet)
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.label)}</td><td>${formatNumber(r.lobby)} ${escapeHtml(r.unit)}</td><td>${formatNumber(r.baseline)} ${escapeHtml(r.unit)}</td><td>${ratioText(r.ratio)}</td></tr>`,
    )
    .join("");
  const head = [columnTitle(VARIANT_TITLES.attack, attack), columnTitle(VARIANT_TITLES["no-attack"], quiet)]
    .map((t) => `<th>${escapeHtml(t)}</th>`)
    .join("");
  return `<table><thead><tr><th>metric</th>${head}<th>attack / no attack</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** Median and min–max of the main figures over the repetitions; empty for a single repetition. */
function spreadSection(report: BenchReport): string {
  if (report.repeat <= 1) return "";
  const withCluster = report.runs.some((r) => r.server === "cluster");
  const rows = spreadRows(report.runs)
    .map((r) => {
      const clusterCells = withCluster
        ? `<td>${formatNumber(r.cluster?.median)} ${escapeHtml(r.unit)}</td><td>${escapeHtml(formatSpread(r.cluster, r.unit))}</td>`
        : "";
      return `<tr><td>${escapeHtml(r.label)}</td><td>${formatNumber(r.lobby?.median)} ${escapeHtml(r.unit)}</td><td>${escapeHtml(formatSpread(r.lobby, r.unit))}</td><td>${formatNumber(r.baseline?.median)} ${escapeHtml(r.unit)}</td><td>${escapeHtml(formatSpread(r.baseline, r.unit))}</td>${clusterCells}</tr>`;
    })
    .join("");
  if (!rows) return "";
  const name = escapeHtml(clusterName(report.clusterNodes));
  const clusterHead = withCluster ? `<th>${name} median</th><th>${name} min–max</th>` : "";
  return `<section><h2>Spread over ${report.repeat} repetitions</h2><table><thead><tr><th>figure</th><th>Lobby median</th><th>Lobby min–max</th><th>baseline median</th><th>baseline min–max</th>${clusterHead}</tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** The report as one HTML document. */
export function renderHtml(report: BenchReport): string {
  const sections = [...new Set(report.runs.map((r) => r.scenario))].map((scenario) => {
    const runs = report.runs.filter((r) => r.scenario === scenario);
    const lobby = runs.find((r) => r.server === "lobby");
    const baseline = runs.find((r) => r.server === "baseline");
    const cluster = runs.find((r) => r.server === "cluster");
    const checks = runs
      .flatMap((r) =>
        r.checks.map(
          (c) =>
            `<li class="${c.ok ? "ok" : "bad"}">${c.ok ? "✓" : "✗"} ${escapeHtml(runName(r))}: ${escapeHtml(c.name)} — ${escapeHtml(c.detail)}</li>`,
        ),
      )
      .join("");
    if (runs.some((r) => r.variant)) {
      const figures = variantHtmlTable(
        runs.find((r) => r.variant === "attack"),
        runs.find((r) => r.variant === "no-attack"),
      );
      return `<section><h2>${escapeHtml(scenario)}</h2><p>${escapeHtml(VARIANTS_EXPLANATION)}</p>${figures}${latencyChart(scenario, runs)}<ul>${checks}</ul></section>`;
    }
    const scaleChart =
      scenario === "scale"
        ? lineChart(
            "players vs move → own-state p99 (log scale; dashed: 100 ms)",
            runs.map((r) => ({
              name: r.server,
              points: (r.scaleSteps ?? []).map((s): [number, number] => [s.players, s.p99]),
            })),
            100,
            "players",
          )
        : "";
    return `<section><h2>${escapeHtml(scenario)}</h2>${table(lobby, baseline, cluster, report.clusterNodes)}${latencyChart(scenario, runs)}${scaleChart}<ul>${checks}</ul></section>`;
  });
  const targets = report.targets
    .map(
      (t) =>
        `<tr><td>${escapeHtml(t.target)}</td><td>${formatNumber(t.lobby)}</td><td>${formatNumber(t.baseline)}</td><td>${t.ratio === null ? "—" : `${t.ratio.toFixed(2)}×`}</td><td>${escapeHtml(t.limit)}</td><td class="${t.ok === null ? "" : t.ok ? "ok" : "bad"}">${t.ok === null ? "n/a" : t.ok ? "✓" : "✗"}</td><td>${escapeHtml(t.note)}</td></tr>`,
    )
    .join("");
  const m = report.machine;
  const withCluster = report.runs.some((r) => r.server === "cluster");
  const clusterNote = clusterTargetNote(report.runs, report.clusterNodes, formatNumber);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Lobby bench ${escapeHtml(report.startedAt)}</title>
<style>body{font:14px system-ui,sans-serif;margin:24px;max-width:820px;color:#111}table{border-collapse:collapse;margin:8px 0}td,th{border-bottom:1px solid #e5e7eb;padding:3px 8px;text-align:right}td:first-child,th:first-child{text-align:left}svg text{font-size:11px;fill:#374151}figure{margin:12px 0}figcaption{font-weight:600}.ok{color:#15803d}.bad{color:#b91c1c}li{list-style:none}</style>
</head><body><h1>Lobby bench</h1>
<p>${escapeHtml(report.startedAt)} · <code>${escapeHtml(report.command)}</code> · ${m.cpus} cores · Node ${escapeHtml(m.node)} · ${escapeHtml(m.pinning)} · ${m.workers} bot workers</p>
${withCluster ? `<p>${escapeHtml(clusterExplanation(report.clusterNodes))}</p>` : ""}
${report.repeat > 1 ? `<p>${report.repeat} repetitions per scenario and server, ${escapeHtml(interleaved(report.runs))} interleaved: figures and charts are medians; lost/duplicated counts and failures are the worst repetition's; a check fails if it failed in any repetition. Every repetition's raw figures are in the JSON report.</p>` : ""}
<p class="${report.ok ? "ok" : "bad"}">${report.ok ? "All checks passed." : "Some checks failed."}</p>
${sections.join("\n")}
${spreadSection(report)}
<section><h2>Targets</h2><table><thead><tr><th>target</th><th>Lobby</th><th>baseline</th><th>ratio</th><th>limit</th><th></th><th>note</th></tr></thead><tbody>${targets}</tbody></table>${clusterNote ? `<p>${escapeHtml(clusterNote)}</p>` : ""}</section>
</body></html>
`;
}
