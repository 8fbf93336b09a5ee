import { ErrorCode } from "@lobby/contracts";
import { total, type Metric } from "./metrics";
import type { AttackCounts } from "./protocol";

/*
 * The abuse scenario's figures, as pure functions of the counts the bots and
 * the attacker report: what the attacker got through per second, what honest
 * players were refused, and how the server's memory moved over the window.
 */

/** What the attacker does, one counter each; `handshake` is a new identity (no token). */
export const ATTACK_KINDS = ["handshake", "junk", "chat", "room", "join-guess", "watch-guess"] as const;
export type AttackKind = (typeof ATTACK_KINDS)[number];

/** How the report names each kind's attempts and what got through. */
const KIND_LABELS = {
  handshake: { tried: "handshakes (new identities)", through: "handshakes accepted" },
  junk: { tried: "junk events (unknown, malformed, without ack)", through: "junk events accepted (must be 0)" },
  chat: { tried: "lobby chat lines", through: "lobby chat lines accepted" },
  room: { tried: "room:create", through: "rooms created" },
  "join-guess": { tried: "room:join code guesses", through: "codes found by room:join" },
  "watch-guess": { tried: "room:watch code guesses", through: "codes found by room:watch" },
} as const satisfies Record<AttackKind, { tried: string; through: string }>;

export function emptyAttackCounts(): AttackCounts {
  return { attempted: {}, accepted: {}, refusedHandshakes: {}, errorAcks: {}, cutOffs: {}, cpuMicros: 0, wallMs: 0 };
}

/** Error-ack codes get a row each, largest first, down to this many (the rest add up in one row). */
const MAX_CODE_ROWS = 8;

/** `{B: 1, A: 5, C: 2}` → the largest `max` as they are, plus `other` for the rest. */
export function topCounts(counts: Readonly<Record<string, number>>, max: number): [string, number][] {
  const sorted = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (sorted.length <= max) return sorted;
  const rest = sorted.slice(max - 1).reduce((sum, [, n]) => sum + n, 0);
  return [...sorted.slice(0, max - 1), ["other", rest]];
}

/**
 * The attacker's figures per second of its own run: attempts and what got
 * through by kind, refused handshakes, error acks by code, cut-offs, and its
 * own CPU. Each is keyed `attack.…`, so the run without an attack shows "—".
 */
export function attackMetrics(counts: AttackCounts): Metric[] {
  const seconds = counts.wallMs / 1000;
  const rate = (n: number) => (seconds > 0 ? n / seconds : null);
  const perKind = ATTACK_KINDS.flatMap((kind): Metric[] => [
    {
      key: `attack.${kind}.tried`,
      label: `attacker: ${KIND_LABELS[kind].tried}`,
      unit: "/s",
      value: rate(counts.attempted[kind] ?? 0),
    },
    {
      key: `attack.${kind}.through`,
      label: `attacker: ${KIND_LABELS[kind].through}`,
      unit: "/s",
      value: rate(counts.accepted[kind] ?? 0),
    },
  ]);
  const found = (counts.accepted["join-guess"] ?? 0) + (counts.accepted["watch-guess"] ?? 0);
  return [
    ...perKind,
    { key: "attack.codesFound", label: "attacker: invite codes found (count)", unit: "", value: found },
    {
      key: "attack.refusedHandshakes",
      label: "attacker: handshakes refused",
      unit: "/s",
      value: rate(total(counts.refusedHandshakes)),
    },
    ...topCounts(counts.refusedHandshakes, MAX_CODE_ROWS).map(([code, n]): Metric => ({
      key: `attack.refused.${code}`,
      label: `attacker: handshakes refused ${code}`,
      unit: "/s",
      value: rate(n),
    })),
    { key: "attack.errorAcks", label: "attacker: error acks", unit: "/s", value: rate(total(counts.errorAcks)) },
    ...topCounts(counts.errorAcks, MAX_CODE_ROWS).map(([code, n]): Metric => ({
      key: `attack.ack.${code}`,
      label: `attacker: error acks ${code}`,
      unit: "/s",
      value: rate(n),
    })),
    {
      key: "attack.cutOffs",
      label: "attacker: connections cut off by the server",
      unit: "/s",
      value: rate(total(counts.cutOffs)),
    },
    {
      key: "attack.cpu",
      label: "attacker CPU (share of one core)",
      unit: "%",
      value: counts.wallMs > 0 ? (counts.cpuMicros / 1000 / counts.wallMs) * 100 : null,
    },
  ];
}

/**
 * Answers the game itself gives a player who acted on a view one state
 * behind — a Trails turn sent after its rider crashed or its round ended, a
 * move that crossed the end of the game — whoever else is on the server.
 * Honest play meets them under any lag, so they are reported but refuse no
 * one; every other error ack is the server turning an honest player away.
 */
export const STALE_VIEW_CODES: ReadonlySet<string> = new Set<string>([
  ErrorCode.IllegalMove,
  ErrorCode.NotYourTurn,
  ErrorCode.GameNotRunning,
  ErrorCode.RematchUnavailable,
]);

/** Everything honest players were refused over a run, by what it was. */
export interface HonestRefusals {
  /** Error acks by code, but for `STALE_VIEW_CODES`: an honest player's request refused. */
  errorAcks: Record<string, number>;
  /** Error acks with a `STALE_VIEW_CODES` code: reported, not counted as refusals. */
  staleView: Record<string, number>;
  /** Failed handshake attempts by cause, retried or not. */
  handshakes: Record<string, number>;
  /** Connections the server (or a missed heartbeat) closed, by reason. */
  drops: Record<string, number>;
  /** Players never seated by quick match. */
  notSeated: number;
}

/** Split honest players' error acks into refusals and the game's answers to a stale view. */
export function splitErrorAcks(
  errors: Readonly<Record<string, number>>,
): Pick<HonestRefusals, "errorAcks" | "staleView"> {
  const errorAcks: Record<string, number> = {};
  const staleView: Record<string, number> = {};
  for (const [code, n] of Object.entries(errors)) (STALE_VIEW_CODES.has(code) ? staleView : errorAcks)[code] = n;
  return { errorAcks, staleView };
}

/** The total of every kind of refusal (stale-view answers are none): the "nothing honest refused" target wants 0. */
export function honestRefusalCount(refusals: HonestRefusals): number {
  return total(refusals.errorAcks) + total(refusals.handshakes) + total(refusals.drops) + refusals.notSeated;
}

/** One line for a check's detail: each kind with its causes, or "none". */
export function describeRefusals(refusals: HonestRefusals): string {
  const part = (name: string, counts: Record<string, number>) => {
    const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
    return entries.length === 0 ? [] : [`${name} ${entries.map(([k, n]) => `${k} ${n}`).join(", ")}`];
  };
  const parts = [
    ...part("error acks:", refusals.errorAcks),
    ...part("handshakes:", refusals.handshakes),
    ...part("dropped:", refusals.drops),
    ...(refusals.notSeated > 0 ? [`not seated: ${refusals.notSeated}`] : []),
  ];
  const stale = part("not counted, the game's answers to a stale view:", refusals.staleView);
  return [...(parts.length === 0 ? ["none"] : parts), ...stale].join("; ");
}

/** Server memory at one moment (from `/debug/stats`, after a forced GC where it could). */
export interface MemorySample {
  rssBytes: number;
  heapUsedBytes: number;
}

/** RSS and heap growth from `start` to `end`, in MiB (negative when it shrank); null without both samples. */
export function memoryGrowth(
  start: MemorySample | null,
  end: MemorySample | null,
): { rssMiB: number; heapMiB: number } | null {
  if (!start || !end) return null;
  return {
    rssMiB: (end.rssBytes - start.rssBytes) / 2 ** 20,
    heapMiB: (end.heapUsedBytes - start.heapUsedBytes) / 2 ** 20,
  };
}
