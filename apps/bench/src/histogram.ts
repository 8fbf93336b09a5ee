/**
 * A mergeable latency histogram with log-spaced buckets (1 % wide), so
 * every bot worker records locally and the coordinator sums the buckets:
 * percentiles over all workers without shipping raw samples over IPC.
 */

/** Smallest distinguishable value (ms); anything below lands in bucket 0. */
const MIN_MS = 0.01;
/** Relative width of a bucket: percentiles are exact to within this. */
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
/** Values above this (ms) share the last bucket; nothing the bench waits for takes longer. */
const MAX_MS = 600_000;
const BUCKETS = Math.ceil(Math.log(MAX_MS / MIN_MS) / LOG_GROWTH) + 2;

/** A histogram as plain JSON: sparse `[bucket, count]` pairs plus exact extremes. */
export interface HistogramJson {
  buckets: [number, number][];
  count: number;
  sum: number;
  min: number;
  max: number;
}

/** What the reports show for one latency. */
export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function bucketOf(ms: number): number {
  if (!(ms > MIN_MS)) return 0;
  return Math.min(BUCKETS - 1, Math.floor(Math.log(ms / MIN_MS) / LOG_GROWTH) + 1);
}

/** The geometric middle of a bucket: at most half a bucket (0.5 %) from any value in it. */
function representative(bucket: number): number {
  if (bucket === 0) return MIN_MS / 2;
  return MIN_MS * GROWTH ** (bucket - 0.5);
}

/** Latency samples in milliseconds. */
export class Histogram {
  private counts = new Map<number, number>();
  private total = 0;
  private sumMs = 0;
  private minMs = Number.POSITIVE_INFINITY;
  private maxMs = 0;

  /** Rebuild a histogram sent over IPC or read back from a report. */
  static fromJson(json: HistogramJson): Histogram {
    const h = new Histogram();
    h.merge(json);
    return h;
  }

  get count(): number {
    return this.total;
  }

  record(ms: number): void {
    if (!Number.isFinite(ms)) return;
    const value = Math.max(0, ms);
    const bucket = bucketOf(value);
    this.counts.set(bucket, (this.counts.get(bucket) ?? 0) + 1);
    this.total++;
    this.sumMs += value;
    if (value < this.minMs) this.minMs = value;
    if (value > this.maxMs) this.maxMs = value;
  }

  /** Add another histogram's samples to this one. */
  merge(other: Histogram | HistogramJson): void {
    const json = other instanceof Histogram ? other.toJson() : other;
    if (json.count === 0) return;
    for (const [bucket, count] of json.buckets) this.counts.set(bucket, (this.counts.get(bucket) ?? 0) + count);
    this.total += json.count;
    this.sumMs += json.sum;
    this.minMs = Math.min(this.minMs, json.min);
    this.maxMs = Math.max(this.maxMs, json.max);
  }

  /**
   * The value at or below which `p` percent of the samples fall (nearest
   * rank), clamped to the exact extremes; NaN when empty.
   */
  percentile(p: number): number {
    if (this.total === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil((Math.min(100, Math.max(0, p)) / 100) * this.total));
    if (rank >= this.total) return this.maxMs;
    let seen = 0;
    for (const bucket of [...this.counts.keys()].sort((a, b) => a - b)) {
      seen += this.counts.get(bucket) ?? 0;
      // The overflow bucket has no meaningful middle; its samples are at most the maximum.
      if (seen >= rank)
        return bucket === BUCKETS - 1 ? this.maxMs : Math.min(this.maxMs, Math.max(this.minMs, representative(bucket)));
    }
    return this.maxMs;
  }

  summary(): LatencySummary {
    return {
      count: this.total,
      mean: this.total === 0 ? Number.NaN : this.sumMs / this.total,
      p50: this.percentile(50),
      p95: this.percentile(95),
      p99: this.percentile(99),
      max: this.total === 0 ? Number.NaN : this.maxMs,
    };
  }

  reset(): void {
    this.counts = new Map();
    this.total = 0;
    this.sumMs = 0;
    this.minMs = Number.POSITIVE_INFINITY;
    this.maxMs = 0;
  }

  toJson(): HistogramJson {
    return {
      buckets: [...this.counts.entries()],
      count: this.total,
      sum: this.sumMs,
      min: this.total === 0 ? 0 : this.minMs,
      max: this.maxMs,
    };
  }
}

/** Merge several histograms (e.g. one per worker) into one summary. */
export function summarize(parts: readonly (Histogram | HistogramJson)[]): LatencySummary {
  const all = new Histogram();
  for (const part of parts) all.merge(part);
  return all.summary();
}
