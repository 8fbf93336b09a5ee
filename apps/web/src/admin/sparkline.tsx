import { useId } from "react";
import { formatDuration } from "./admin-format";
import { latestValue, type Point, type Series } from "./admin-series";

/*
 * A small line chart in hand-written SVG: one line (with a soft area under
 * it) or one line per node with a legend. Lines break where a point is
 * missing. The whole figure reads out as one sentence (its aria-label) with
 * the latest figures, since a screen reader cannot look at the lines.
 */

const WIDTH = 300;
const HEIGHT = 84;
/** Room above the highest point, so a flat line at the top stays visible. */
const HEADROOM = 1.15;
export const LINE_COLOURS = ["#2dd4bf", "#a99dff", "#ffb347", "#ff6b81", "#8be9fd", "#3ddc97"] as const;

interface SparklineProps {
  title: string;
  series: readonly Series[];
  /** How a figure reads: "12", "38%", "4.2 s". */
  format: (value: number) => string;
  /** The lowest top of the scale, so a quiet lobby does not look like a busy one. */
  minCeiling?: number;
  /** What the latest figure says when there is none yet. */
  empty?: string;
}

export function Sparkline({ title, series, format, minCeiling = 1, empty = "—" }: SparklineProps) {
  const gradientId = useId();
  const all = series.flatMap((s) => s.points);
  const times = all.map((p) => p.at);
  const from = Math.min(...times);
  const to = Math.max(...times);
  const values = all.map((p) => p.value).filter((v): v is number => v !== null);
  const ceiling = Math.max(minCeiling, ...values) * HEADROOM;
  const x = (at: number) => (to > from ? ((at - from) / (to - from)) * WIDTH : WIDTH);
  const y = (value: number) => HEIGHT - (value / ceiling) * HEIGHT;
  const single = series.length === 1;
  const latest = series.map((s) => ({ label: s.label, value: latestValue(s.points) }));
  const headline = single ? latest[0]?.value : null;
  const span = times.length > 1 ? formatDuration(to - from) : null;

  return (
    <figure className="chart">
      <figcaption className="chart-head">
        <span className="chart-title">{title}</span>
        {single && <strong className="chart-value">{headline == null ? empty : format(headline)}</strong>}
      </figcaption>
      <svg
        className="chart-plot"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={describe(title, latest, format, empty, span)}
      >
        <defs>
          <linearGradient id={gradientId} x1="0" x2="0" y1="0" y2="1">
            <stop offset="0%" stopColor={LINE_COLOURS[0]} stopOpacity="0.28" />
            <stop offset="100%" stopColor={LINE_COLOURS[0]} stopOpacity="0" />
          </linearGradient>
        </defs>
        <line className="chart-grid" x1="0" x2={WIDTH} y1={y(ceiling / HEADROOM)} y2={y(ceiling / HEADROOM)} />
        <line className="chart-grid" x1="0" x2={WIDTH} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} />
        {single && series[0] && <path d={areaPath(series[0].points, x, y)} fill={`url(#${gradientId})`} />}
        {series.map((s, i) => (
          <path
            key={s.label}
            d={linePath(s.points, x, y)}
            className="chart-line"
            stroke={LINE_COLOURS[i % LINE_COLOURS.length]}
          />
        ))}
      </svg>
      <div className="chart-scale" aria-hidden="true">
        <span>{span ? `${span} ago` : "just now"}</span>
        <span>
          <span className="chart-scale-word">scale </span>0–{format(ceiling / HEADROOM)}
        </span>
        <span className="chart-now">now</span>
      </div>
      {single ? (
        <p className="chart-range" aria-hidden="true">
          {values.length > 0 ? (
            <>
              low <strong>{format(Math.min(...values))}</strong> · high <strong>{format(Math.max(...values))}</strong>
            </>
          ) : (
            empty
          )}
        </p>
      ) : (
        <ul className="chart-legend" aria-hidden="true">
          {latest.map((line, i) => (
            <li key={line.label}>
              <span className="chart-swatch" style={{ background: LINE_COLOURS[i % LINE_COLOURS.length] }} />
              {line.label} <strong>{line.value === null ? empty : format(line.value)}</strong>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}

function describe(
  title: string,
  latest: readonly { label: string; value: number | null }[],
  format: (value: number) => string,
  empty: string,
  span: string | null,
): string {
  const figure = (value: number | null) => (value === null ? empty : format(value));
  const now =
    latest.length === 1
      ? `${figure(latest[0]!.value)} now`
      : latest.length === 0
        ? "no figures yet"
        : `now ${latest.map((l) => `${l.label} ${figure(l.value)}`).join(", ")}`;
  return `${title}: ${now}${span ? `, chart of the last ${span}` : ""}.`;
}

type Scale = (n: number) => number;
type Plotted = Point & { value: number };

/** The unbroken runs of a line: a missing value breaks it. */
function runsOf(points: readonly Point[]): Plotted[][] {
  const runs: Plotted[][] = [[]];
  for (const point of points) {
    if (point.value === null) runs.push([]);
    else runs.at(-1)!.push({ at: point.at, value: point.value });
  }
  return runs.filter((run) => run.length > 0);
}

function pathThrough(run: readonly Plotted[], x: Scale, y: Scale): string {
  // A lone point still shows: round caps draw a zero-length segment as a dot.
  const drawn = run.length === 1 ? [run[0]!, run[0]!] : run;
  return drawn.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.at).toFixed(1)} ${y(p.value).toFixed(1)}`).join(" ");
}

/** The line through `points`, broken where a value is missing. */
function linePath(points: readonly Point[], x: Scale, y: Scale): string {
  return runsOf(points)
    .map((run) => pathThrough(run, x, y))
    .join(" ");
}

/** The area under each unbroken run of the line. */
function areaPath(points: readonly Point[], x: Scale, y: Scale): string {
  return runsOf(points)
    .filter((run) => run.length > 1)
    .map((run) => {
      const [first, last] = [run[0]!, run.at(-1)!];
      return `${pathThrough(run, x, y)} L${x(last.at).toFixed(1)} ${HEIGHT} L${x(first.at).toFixed(1)} ${HEIGHT} Z`;
    })
    .join(" ");
}
