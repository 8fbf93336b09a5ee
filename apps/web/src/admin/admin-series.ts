import type { AdminSnapshot } from "@lobby/contracts";

/*
 * The admin page's charts, derived from successive snapshots. A snapshot
 * carries each node's figures as of now, and its counters (matches made,
 * queue waits) as totals since that node started; the page keeps what it
 * needs of each snapshot for the last ten minutes and differences the totals
 * itself, node by node, so a node that restarts (its totals fall back to
 * zero) reads as what it did since, never as a negative rate.
 */

/** How much history the charts keep, by the snapshots' own clock. */
export const HISTORY_MS = 10 * 60_000;
/** Rates (matches per minute, the average wait) are taken over this trailing window. */
export const RATE_WINDOW_MS = 60_000;

/** What the charts need of one node in one snapshot. */
export interface NodeSample {
  id: string;
  uptimeSeconds: number;
  /** Share of one core. */
  cpu: number;
  rssBytes: number;
  matchesMade: number;
  waitCount: number;
  waitTotalMs: number;
}

/** What the charts need of one snapshot. */
export interface Sample {
  at: number;
  online: number;
  nodes: readonly NodeSample[];
}

/** One point of a chart; null where there is no figure (the line breaks there). */
export interface Point {
  at: number;
  value: number | null;
}

/** One line of a chart. */
export interface Series {
  label: string;
  points: readonly Point[];
}

export function sampleOf(snapshot: AdminSnapshot): Sample {
  return {
    at: snapshot.at,
    online: snapshot.online,
    nodes: snapshot.nodes.map((node) => ({
      id: node.id,
      uptimeSeconds: node.uptimeSeconds,
      cpu: node.cpu,
      rssBytes: node.rssBytes,
      matchesMade: node.matchesMade,
      waitCount: node.queueWaits.count,
      waitTotalMs: node.queueWaits.totalMs,
    })),
  };
}

/**
 * The history with `sample` appended, less what has fallen out of the last
 * `HISTORY_MS`. A sample no newer than the last one (a repeat, or a late
 * one) is left out, so time only moves forward along the charts.
 */
export function appendSample(history: readonly Sample[], sample: Sample): readonly Sample[] {
  const last = history.at(-1);
  if (last && sample.at <= last.at) return history;
  const since = sample.at - HISTORY_MS;
  return [...history.filter((s) => s.at >= since), sample];
}

type Counter = (node: NodeSample) => number;

/**
 * How much a node's counter grew between two of its samples `intervalMs`
 * apart. A node that restarted meanwhile (its uptime or its counter went
 * back) counts everything since its start; a node first seen now counts its
 * total only if it started within the interval (else that total happened
 * before we were watching).
 */
export function counterGrowth(
  before: NodeSample | undefined,
  after: NodeSample,
  read: Counter,
  intervalMs: number,
): number {
  if (!before) return after.uptimeSeconds * 1000 <= intervalMs ? read(after) : 0;
  const restarted = after.uptimeSeconds < before.uptimeSeconds || read(after) < read(before);
  return restarted ? read(after) : read(after) - read(before);
}

/** Growth of a counter summed over the nodes, between consecutive samples: element i is for (i-1, i]; element 0 is 0. */
function growthPerInterval(history: readonly Sample[], read: Counter): number[] {
  return history.map((sample, i) => {
    const before = history[i - 1];
    if (!before) return 0;
    const previous = new Map(before.nodes.map((node) => [node.id, node]));
    const interval = sample.at - before.at;
    return sample.nodes.reduce((sum, node) => sum + counterGrowth(previous.get(node.id), node, read, interval), 0);
  });
}

/**
 * For each sample, the first sample of its trailing window: the oldest no
 * more than `RATE_WINDOW_MS` before it, and at least one interval back.
 */
function windowStarts(history: readonly Sample[]): number[] {
  let start = 0;
  return history.map((sample, i) => {
    while (start < i && sample.at - history[start]!.at > RATE_WINDOW_MS) start++;
    return Math.min(start, Math.max(0, i - 1));
  });
}

/** Sum of `values` over (from, to]. */
function sumOver(values: readonly number[], from: number, to: number): number {
  let sum = 0;
  for (let i = from + 1; i <= to; i++) sum += values[i] ?? 0;
  return sum;
}

/** Players online, as each snapshot counted them. */
export function onlineSeries(history: readonly Sample[]): Point[] {
  return history.map((s) => ({ at: s.at, value: s.online }));
}

/** Matches made per minute over the trailing window, summed over the nodes; no point before a second sample. */
export function matchesPerMinute(history: readonly Sample[]): Point[] {
  const growth = growthPerInterval(history, (n) => n.matchesMade);
  const starts = windowStarts(history);
  return history.map((sample, i) => {
    const from = starts[i]!;
    const span = sample.at - history[from]!.at;
    return { at: sample.at, value: span > 0 ? (sumOver(growth, from, i) * 60_000) / span : null };
  });
}

/** The average wait (ms) of the players quick match seated within the trailing window; null when it seated nobody. */
export function averageQueueWait(history: readonly Sample[]): Point[] {
  const seated = growthPerInterval(history, (n) => n.waitCount);
  const waited = growthPerInterval(history, (n) => n.waitTotalMs);
  const starts = windowStarts(history);
  return history.map((sample, i) => {
    const count = sumOver(seated, starts[i]!, i);
    return { at: sample.at, value: count > 0 ? sumOver(waited, starts[i]!, i) / count : null };
  });
}

/** One line per node (in id order) of `read`; a node missing from a snapshot has no point there. */
export function perNodeSeries(history: readonly Sample[], read: Counter): Series[] {
  const ids = [...new Set(history.flatMap((s) => s.nodes.map((n) => n.id)))].sort();
  return ids.map((id) => ({
    label: id,
    points: history.map((s) => {
      const node = s.nodes.find((n) => n.id === id);
      return { at: s.at, value: node ? read(node) : null };
    }),
  }));
}

/** CPU per node, in percent of one core. */
export function cpuSeries(history: readonly Sample[]): Series[] {
  return perNodeSeries(history, (n) => n.cpu * 100);
}

/** Resident memory per node, in MiB. */
export function memorySeries(history: readonly Sample[]): Series[] {
  return perNodeSeries(history, (n) => n.rssBytes / 2 ** 20);
}

/** The newest figure of a line, skipping its gaps; null if it has none. */
export function latestValue(points: readonly Point[]): number | null {
  for (let i = points.length - 1; i >= 0; i--) {
    const value = points[i]!.value;
    if (value !== null) return value;
  }
  return null;
}
