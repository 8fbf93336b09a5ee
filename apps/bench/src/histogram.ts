/**
 * A mergeable latency histogram over HdrHistogram (`hdr-histogram-js`, its
 * pure-JS build), so every bot worker records locally and the coordinator adds
 * the workers' histograms: percentiles over all workers without shipping raw
 * samples over IPC. Beside the HdrHistogram it keeps the exact count, sum,
 * minimum and maximum, so means and extremes are exact.
 */
import * as hdr from "hdr-histogram-js";

/** Samples are recorded in whole microseconds: 0.01 ms is 10 µs, kept exactly. */
const MICROS_PER_MS = 1000;
/** Values above this (600 s, in µs) are recorded as this; nothing the bench waits for takes longer. */
const HIGHEST_MICROS = 600_000 * MICROS_PER_MS;
/** Three significant digits: below 2.048 ms every microsecond apart, above it within 0.1 %. */
const SIGNIFICANT_DIGITS = 3;

function emptyHdr(): hdr.Histogram {
  return hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: HIGHEST_MICROS,
    numberOfSignificantValueDigits: SIGNIFICANT_DIGITS,
    autoResize: false,
    useWebAssembly: false,
  });
}

/** A histogram as plain JSON: HdrHistogram's compressed base64 encoding plus the exact count, sum and extremes. */
export interface HistogramJson {
  /** HdrHistogram's `encodeIntoCompressedBase64` of the samples in microseconds; empty when there are none. */
  encoded: string;
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

/** Latency samples in milliseconds. */
export class Histogram {
  private readonly samples = emptyHdr();
  private total = 0;
  private sumMs = 0;
  private minMs = Number.POSITIVE_INFINITY;
  private maxMs = 0;

  /** Rebuild a histogram a worker sent over IPC. */
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
    this.samples.recordValue(Math.min(HIGHEST_MICROS, Math.round(value * MICROS_PER_MS)));
    this.total++;
    this.sumMs += value;
    if (value < this.minMs) this.minMs = value;
    if (value > this.maxMs) this.maxMs = value;
  }

  /** Add another histogram's samples to this one. */
  merge(other: Histogram | HistogramJson): void {
    if (other.count === 0) return;
    if (other instanceof Histogram) {
      this.samples.add(other.samples);
      this.addExact(other.total, other.sumMs, other.minMs, other.maxMs);
    } else {
      this.samples.add(hdr.decodeFromCompressedBase64(other.encoded, 32, false));
      this.addExact(other.count, other.sum, other.min, other.max);
    }
  }

  /**
   * The value at or below which `p` percent of the samples fall (nearest
   * rank), clamped to the exact extremes; NaN when empty.
   */
  percentile(p: number): number {
    if (this.total === 0) return Number.NaN;
    const micros = this.samples.getValueAtPercentile(Math.min(100, Math.max(0, p)));
    // Samples past the top were recorded at the top: at most the maximum, with no meaningful value of their own.
    if (micros >= HIGHEST_MICROS) return this.maxMs;
    return Math.min(this.maxMs, Math.max(this.minMs, micros / MICROS_PER_MS));
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
    this.samples.reset();
    this.total = 0;
    this.sumMs = 0;
    this.minMs = Number.POSITIVE_INFINITY;
    this.maxMs = 0;
  }

  toJson(): HistogramJson {
    return {
      encoded: this.total === 0 ? "" : hdr.encodeIntoCompressedBase64(this.samples),
      count: this.total,
      sum: this.sumMs,
      min: this.total === 0 ? 0 : this.minMs,
      max: this.maxMs,
    };
  }

  private addExact(count: number, sum: number, min: number, max: number): void {
    this.total += count;
    this.sumMs += sum;
    this.minMs = Math.min(this.minMs, min);
    this.maxMs = Math.max(this.maxMs, max);
  }
}

/** Merge several histograms (e.g. one per worker) into one summary. */
export function summarize(parts: readonly (Histogram | HistogramJson)[]): LatencySummary {
  const all = new Histogram();
  for (const part of parts) all.merge(part);
  return all.summary();
}
