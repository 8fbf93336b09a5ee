import { Histogram, type LatencySummary } from "./histogram";
import type { WorkerMetrics } from "./protocol";
import { addSequenceCounts, emptySequenceCounts } from "./sequence";
import type { ServerKind } from "./server-process";

/** The scenarios, in the order they run. */
export const SCENARIOS = ["burst", "relay", "chat", "churn", "scale", "abuse"] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/**
 * A scenario that compares Lobby with itself (see `Scenario.variants`) tells
 * its runs apart by these: the abuse scenario's honest players without and
 * with an attacker beside them.
 */
export const RUN_VARIANTS = ["no-attack", "attack"] as const;
export type RunVariant = (typeof RUN_VARIANTS)[number];

/** How the reports name a variant's runs. */
export const VARIANT_TITLES = {
  "no-attack": "Lobby, no attack",
  attack: "Lobby, under attack",
} as const satisfies Record<RunVariant, string>;

/** One figure of one run; the markdown table joins Lobby's and the baseline's by `key`. */
export interface Metric {
  key: string;
  label: string;
  unit: string;
  value: number | null;
  /**
   * A count of things that must not happen (lost states, failures, leftovers):
   * over repetitions the report quotes the worst (largest), never the median.
   */
  worst?: boolean;
}

/** The range of one figure over the repetitions that produced it. */
export interface Spread {
  min: number;
  max: number;
  /** Repetitions with a value (a failed repetition may have none). */
  n: number;
}

/** A pass/fail condition the smoke run gates on (never a timing). */
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/** One step of the scale scenario. */
export interface ScaleStep {
  players: number;
  seated: number;
  connectFailures: number;
  p50: number;
  p99: number;
  movesPerSecond: number;
  /** Events other than `room:state` (lobby stats, latency, chat…) per second. */
  otherEventsPerSecond: number;
  serverCpuPercent: number | null;
  botCpuPercent: number;
}

/** One scenario against one server. */
export interface ScenarioRun {
  scenario: ScenarioName;
  server: ServerKind;
  /** Only for a scenario with variants: which one this run is (both are against Lobby). */
  variant?: RunVariant;
  players: number;
  metrics: Metric[];
  /** Latency distributions by name (e.g. `rtt`, `seat`), for the charts. */
  latencies: Record<string, LatencySummary>;
  checks: Check[];
  notes: string[];
  scaleSteps?: ScaleStep[];
  /**
   * Set on the runs a report holds (see `aggregate.ts`): every repetition's
   * own run, raw, in the order they ran. The run's figures are then medians
   * over these (worst for `worst` metrics), its checks failed if any
   * repetition's did.
   */
  repetitions?: ScenarioRun[];
  /** Min–max of every metric over the repetitions, by key. */
  spread?: Record<string, Spread>;
}

/**
 * Totals over every worker's reply to one command: the same counters as a
 * worker's, with histograms merged (and the per-mode round trips also pooled).
 * `cpuMicros` is summed; `wallMs` is the longest worker window (they start together).
 */
export type Merged = Omit<WorkerMetrics, "connectMs" | "seatMs" | "chatMs" | "rttMs"> & {
  connectMs: Histogram;
  seatMs: Histogram;
  chatMs: Histogram;
  rttMs: Histogram;
  rttByMode: Record<string, Histogram>;
};

/** Add `from`'s counts into `into`, key by key. */
export function addCounts(into: Record<string, number>, from: Readonly<Record<string, number>>): void {
  for (const [key, count] of Object.entries(from)) into[key] = (into[key] ?? 0) + count;
}

/** Sum the workers' figures; histograms merge bucket by bucket. */
export function mergeMetrics(parts: readonly WorkerMetrics[]): Merged {
  const merged: Merged = {
    connectMs: new Histogram(),
    seatMs: new Histogram(),
    chatMs: new Histogram(),
    rttMs: new Histogram(),
    rttByMode: {},
    connected: 0,
    connectFailures: 0,
    connectRetries: 0,
    handshakeFailures: {},
    seated: 0,
    seatFailures: 0,
    states: 0,
    events: 0,
    stateFrames: 0,
    received: 0,
    moves: 0,
    lost: 0,
    sequence: emptySequenceCounts(),
    requests: 0,
    errors: {},
    connectErrors: {},
    actions: {},
    drops: {},
    chat: { sent: 0, expected: 0, delivered: 0, duplicated: 0 },
    cpuMicros: 0,
    wallMs: 0,
  };
  for (const part of parts) {
    merged.connectMs.merge(part.connectMs);
    merged.seatMs.merge(part.seatMs);
    merged.chatMs.merge(part.chatMs);
    for (const [mode, json] of Object.entries(part.rttMs)) {
      const rtt = Histogram.fromJson(json);
      merged.rttMs.merge(rtt);
      (merged.rttByMode[mode] ??= new Histogram()).merge(rtt);
    }
    merged.connected += part.connected;
    merged.connectFailures += part.connectFailures;
    merged.connectRetries += part.connectRetries;
    addCounts(merged.handshakeFailures, part.handshakeFailures);
    merged.seated += part.seated;
    merged.seatFailures += part.seatFailures;
    merged.states += part.states;
    merged.events += part.events;
    merged.stateFrames += part.stateFrames;
    merged.received += part.received;
    merged.moves += part.moves;
    merged.lost += part.lost;
    merged.sequence = addSequenceCounts(merged.sequence, part.sequence);
    merged.requests += part.requests;
    addCounts(merged.errors, part.errors);
    addCounts(merged.connectErrors, part.connectErrors);
    addCounts(merged.actions, part.actions);
    addCounts(merged.drops, part.drops);
    for (const key of ["sent", "expected", "delivered", "duplicated"] as const) merged.chat[key] += part.chat[key];
    merged.cpuMicros += part.cpuMicros;
    merged.wallMs = Math.max(merged.wallMs, part.wallMs);
  }
  return merged;
}

/**
 * Every metric key of several lists, each once, in order: the first list's,
 * then a key only a later list has right after the key it follows there (a
 * row one run or repetition added stays beside its neighbours), or at the end.
 */
export function metricOrder(lists: readonly (readonly Metric[])[]): Metric[] {
  const keys: Metric[] = [];
  for (const metrics of lists) {
    let after = -1;
    for (const metric of metrics) {
      const at = keys.findIndex((m) => m.key === metric.key);
      if (at >= 0) {
        after = at;
        continue;
      }
      const index = after >= 0 ? after + 1 : keys.length;
      keys.splice(index, 0, metric);
      after = index;
    }
  }
  return keys;
}

/** Total of a count record. */
export function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

/** `{A: 3, B: 1}` → "A 3, B 1" (largest first), or "none". */
export function describeCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return entries.length === 0 ? "none" : entries.map(([key, n]) => `${key} ${n}`).join(", ");
}

/** The bots' CPU as a percentage of one core over a window. */
export function cpuPercent(cpuMicros: number, wallMs: number): number {
  return wallMs > 0 ? (cpuMicros / 1000 / wallMs) * 100 : 0;
}

/** Latency metrics (p50/p95/p99) for the table, keyed `${key}.p50` etc. */
export function latencyMetrics(key: string, label: string, summary: LatencySummary): Metric[] {
  const value = (v: number) => (Number.isFinite(v) ? v : null);
  return [
    { key: `${key}.p50`, label: `${label} p50`, unit: "ms", value: value(summary.p50) },
    { key: `${key}.p95`, label: `${label} p95`, unit: "ms", value: value(summary.p95) },
    { key: `${key}.p99`, label: `${label} p99`, unit: "ms", value: value(summary.p99) },
  ];
}
