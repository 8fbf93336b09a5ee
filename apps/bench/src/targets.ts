import type { RunVariant, ScenarioName, ScenarioRun } from "./metrics";
import type { ServerKind } from "./server-process";

/** One row of the targets table. */
export interface TargetRow {
  target: string;
  lobby: number | null;
  baseline: number | null;
  /** Lobby / baseline, when both exist. */
  ratio: number | null;
  /** The limit as text, e.g. "≤ 1.25×". */
  limit: string;
  /** null when the run did not produce the figures. */
  ok: boolean | null;
  note: string;
}

/** Everything a report holds, as written to JSON. */
export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  command: string;
  options: Record<string, unknown>;
  machine: {
    cpus: number;
    node: string;
    platform: string;
    pinning: string;
    workers: number;
    fileLimit: number | null;
    /** How servers and bots were built (compiled with esbuild, or through tsx). */
    build: string;
    /** 1/5/15-minute load averages at the start and end: other work skews every figure. */
    loadAverage: { start: number[]; end: number[] };
  };
  /** Repetitions of each scenario against each server (`--repeat`). */
  repeat: number;
  /** `--cluster N`: the nodes of the "cluster" runs; 0 or absent when there are none. */
  clusterNodes?: number;
  /**
   * One run per scenario and server: medians over the repetitions (worst for
   * `worst` metrics), each holding its repetitions' raw runs in `repetitions`.
   */
  runs: ScenarioRun[];
  /** Judged on the runs' figures: medians, and the worst repetition's lost/duplicated count. */
  targets: TargetRow[];
  /** Every check of every repetition of every run held. */
  ok: boolean;
}

/** The run of `scenario` against `server` (and for a scenario with variants, of `variant`). */
export function runOf(
  runs: readonly ScenarioRun[],
  scenario: ScenarioName,
  server: ServerKind,
  variant?: RunVariant,
): ScenarioRun | undefined {
  return runs.find((r) => r.scenario === scenario && r.server === server && r.variant === variant);
}

/** A metric's value from the run of `scenario` against `server` (and `variant`, for a scenario with variants). */
export function metricOf(
  runs: readonly ScenarioRun[],
  scenario: ScenarioName,
  server: ServerKind,
  key: string,
  variant?: RunVariant,
): number | null {
  const value = runOf(runs, scenario, server, variant)?.metrics.find((m) => m.key === key)?.value;
  return value ?? null;
}

/** "Lobby ×2 nodes": the cluster's column title (nodes unknown: "Lobby cluster"). */
export function clusterName(nodes: number | undefined): string {
  return nodes && nodes > 0 ? `Lobby ×${nodes} nodes` : "Lobby cluster";
}

/** Lobby / baseline, or null when either is missing or the baseline is zero. */
export function ratioOf(lobby: number | null, baseline: number | null): number | null {
  if (lobby === null || baseline === null || !Number.isFinite(lobby) || !Number.isFinite(baseline) || baseline <= 0)
    return null;
  return lobby / baseline;
}

/** The names of the checks Lobby's run of `scenario` failed. */
function failedChecks(runs: readonly ScenarioRun[], scenario: ScenarioName, variant?: RunVariant): string[] {
  return (
    runOf(runs, scenario, "lobby", variant)
      ?.checks.filter((c) => !c.ok)
      .map((c) => c.name) ?? []
  );
}

function ratioRow(
  runs: readonly ScenarioRun[],
  scenario: ScenarioName,
  key: string,
  target: string,
  max: number,
  note: string,
): TargetRow {
  const lobby = metricOf(runs, scenario, "lobby", key);
  const baseline = metricOf(runs, scenario, "baseline", key);
  const ratio = ratioOf(lobby, baseline);
  // A ratio from a run that dropped players or lost state is no pass, however it looks.
  const failed = failedChecks(runs, scenario);
  if (failed.length > 0)
    return {
      target,
      lobby,
      baseline,
      ratio,
      limit: `≤ ${max}×`,
      ok: false,
      note: `${note}; Lobby failed: ${failed.join(", ")}`,
    };
  return { target, lobby, baseline, ratio, limit: `≤ ${max}×`, ok: ratio === null ? null : ratio <= max, note };
}

/** The targets' figures for the cluster's line under the targets table (not judged: the limits are Lobby's against the baseline). */
const CLUSTER_FIGURES: readonly { scenario: ScenarioName; key: string; label: string; unit: string }[] = [
  { scenario: "burst", key: "server.cpuPerSeat", label: "CPU per seat", unit: "µs" },
  { scenario: "relay", key: "server.cpuPerMessage", label: "CPU per state", unit: "µs" },
  { scenario: "chat", key: "server.cpuPerMessage", label: "CPU per chat line", unit: "µs" },
  { scenario: "relay", key: "rtt.p99", label: "relay p99", unit: "ms" },
  { scenario: "burst", key: "memory.rssPerPlayer", label: "RSS per player", unit: "KiB" },
  { scenario: "scale", key: "scale.largest", label: "scale", unit: "players" },
];

/**
 * One line on the cluster's figures for the targets the table judges, each
 * with its ratio to the single Lobby node, plus its lost or duplicated count
 * and failed checks; null when the report has no cluster run. `format`
 * renders a number (the reports' own).
 */
export function clusterTargetNote(
  runs: readonly ScenarioRun[],
  nodes: number | undefined,
  format: (value: number | null) => string,
): string | null {
  const clusterRuns = runs.filter((r) => r.server === "cluster");
  if (clusterRuns.length === 0) return null;
  const parts = CLUSTER_FIGURES.flatMap(({ scenario, key, label, unit }) => {
    const value = metricOf(runs, scenario, "cluster", key);
    if (value === null) return [];
    const ratio = ratioOf(value, metricOf(runs, scenario, "lobby", key));
    return [`${label} ${format(value)} ${unit}${ratio === null ? "" : ` (${ratio.toFixed(2)}× Lobby)`}`];
  });
  const lost = metricOf(runs, "relay", "cluster", "lost");
  const duplicated = metricOf(runs, "relay", "cluster", "duplicates");
  if (lost !== null || duplicated !== null) parts.push(`lost or duplicated ${format((lost ?? 0) + (duplicated ?? 0))}`);
  const late = metricOf(runs, "relay", "cluster", "late");
  if (late !== null) parts.push(`arrived late (reordered, not lost) ${format(late)}`);
  const failed = clusterRuns.flatMap((r) => r.checks.filter((c) => !c.ok).map((c) => `${r.scenario}: ${c.name}`));
  parts.push(failed.length === 0 ? "all checks passed" : `failed: ${failed.join(", ")}`);
  return `${clusterName(nodes)} (not judged; CPU and memory summed over the nodes and redis-server): ${parts.join(" · ")}`;
}

/**
 * The issue's targets, judged on this run's figures — with `--repeat`, the
 * medians (a ratio is Lobby's median over the baseline's), the worst
 * repetition's lost/duplicated count, and checks any repetition failed.
 */
export function evaluateTargets(runs: readonly ScenarioRun[], relay: { players: number; hz: number }): TargetRow[] {
  const relayNote =
    relay.players === 2000 && relay.hz === 5
      ? "2,000 players, Trails 5 Hz"
      : `ran at ${relay.players.toLocaleString("en")} players, Trails ${relay.hz} Hz (target: 2,000 at 5 Hz)`;
  const lost = metricOf(runs, "relay", "lobby", "lost");
  const duplicated = metricOf(runs, "relay", "lobby", "duplicates");
  const lostAll = lost === null || duplicated === null ? null : lost + duplicated;
  const largest = metricOf(runs, "scale", "lobby", "scale.largest");
  return [
    ratioRow(
      runs,
      "burst",
      "server.cpuPerSeat",
      "server CPU per seated player (burst)",
      1.25,
      "µs per seat, a server that has seated players before (a fresh one's first round: server.cpuPerSeatFirst)",
    ),
    ratioRow(
      runs,
      "chat",
      "seat.byCode.cpuPerSeat",
      "server CPU per player seated by invite code (chat)",
      1.25,
      "µs per seat, a server that has seated players before (a fresh one's first round: seat.byCode.cpuPerSeatFirst)",
    ),
    ratioRow(runs, "relay", "server.cpuPerMessage", "server CPU per delivered message (relay)", 1.2, "µs per state"),
    ratioRow(runs, "chat", "server.cpuPerMessage", "server CPU per delivered chat line (chat)", 1.2, "µs per line"),
    ratioRow(runs, "relay", "rtt.p99", "relay RTT p99", 1.2, relayNote),
    ratioRow(runs, "burst", "memory.rssPerPlayer", "memory per connected player (burst, RSS)", 1.2, "KiB per player"),
    {
      target: "lost or duplicated messages (relay, Lobby)",
      lobby: lostAll,
      baseline: null,
      ratio: null,
      limit: "= 0",
      ok: lostAll === null ? null : lostAll === 0,
      note: "gaps in each bot's per-room version sequence + acked moves never seen",
    },
    chatDeliveryRow(runs),
    ...abuseTargets(runs),
    {
      target: "scale: players seated and moving at 1 Hz with p99 < 100 ms",
      lobby: largest,
      baseline: metricOf(runs, "scale", "baseline", "scale.largest"),
      ratio: null,
      limit: "≥ 10,000",
      ok: largest === null ? null : largest >= 10_000,
      note: "largest step that passed",
    },
  ];
}

/** Chat lines lost or heard twice, in Lobby's chat run (the worst repetition). */
function chatDeliveryRow(runs: readonly ScenarioRun[]): TargetRow {
  const lost = metricOf(runs, "chat", "lobby", "lost");
  const duplicated = metricOf(runs, "chat", "lobby", "duplicates");
  const both = lost === null || duplicated === null ? null : lost + duplicated;
  return {
    target: "chat lines lost or heard twice (chat, Lobby)",
    lobby: both,
    baseline: null,
    ratio: null,
    limit: "= 0",
    ok: both === null ? null : both === 0,
    note: "lines owed to a room-mate never heard + lines heard twice",
  };
}

/** The abuse scenario's limits: honest p99 under attack against without, and how much more the heap may grow under attack. */
export const ABUSE_P99_LIMIT = 1.5;
export const ABUSE_HEAP_SLACK_MIB = 16;

/**
 * The abuse scenario's targets. In these rows the "Lobby" column is Lobby
 * under attack and the "baseline" column the same Lobby without one (the
 * note says so): honest p99 within 1.5×, nothing honest refused in either
 * run, and the heap after GC growing over the window no more than
 * `ABUSE_HEAP_SLACK_MIB` beyond what it grew without the attack.
 */
export function abuseTargets(runs: readonly ScenarioRun[]): TargetRow[] {
  const attack = (key: string) => metricOf(runs, "abuse", "lobby", key, "attack");
  const quiet = (key: string) => metricOf(runs, "abuse", "lobby", key, "no-attack");
  const failed = [
    ...failedChecks(runs, "abuse", "attack").map((c) => `under attack: ${c}`),
    ...failedChecks(runs, "abuse", "no-attack").map((c) => `no attack: ${c}`),
  ];
  const columns = "Lobby column under attack, baseline column without";
  const p99 = { lobby: attack("rtt.p99"), baseline: quiet("rtt.p99") };
  const p99Ratio = ratioOf(p99.lobby, p99.baseline);
  // A ratio from a run that refused honest players or lost state is no pass, however it looks.
  const p99Ok = failed.length > 0 ? false : p99Ratio === null ? null : p99Ratio <= ABUSE_P99_LIMIT;
  const refused = { lobby: attack("honest.refusals"), baseline: quiet("honest.refusals") };
  const heap = { lobby: attack("memory.heapGrowth"), baseline: quiet("memory.heapGrowth") };
  return [
    {
      target: "honest move → own state p99 under attack (abuse)",
      ...p99,
      ratio: p99Ratio,
      limit: `≤ ${ABUSE_P99_LIMIT}×`,
      ok: p99Ok,
      note: `ms; ${columns}${failed.length > 0 ? `; failed: ${failed.join(", ")}` : ""}`,
    },
    {
      target: "honest players refused (abuse)",
      ...refused,
      ratio: null,
      limit: "= 0",
      ok: refused.lobby === null || refused.baseline === null ? null : refused.lobby === 0 && refused.baseline === 0,
      note: `error acks (not the game's answers to a stale view), failed handshakes, drops, not seated; ${columns}`,
    },
    {
      target: "server heap growth over the window (abuse, after GC)",
      ...heap,
      ratio: null,
      limit: `≤ no attack + ${ABUSE_HEAP_SLACK_MIB} MiB`,
      ok:
        heap.lobby === null || heap.baseline === null
          ? null
          : heap.lobby - Math.max(0, heap.baseline) <= ABUSE_HEAP_SLACK_MIB,
      note: `MiB; ${columns}`,
    },
  ];
}
