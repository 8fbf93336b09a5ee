import type { LobbyState } from "./lobby-state";

/*
 * The roster's round trips: each player's last few reports from the room
 * (`room:latency`), and the figure shown for them.
 */

export interface RttSample {
  rttMs: number;
  /** Local time it arrived. */
  at: number;
}

export interface RoomLatency {
  roomId: string;
  /** Player id → their last few reports, oldest first. */
  samples: Readonly<Record<string, readonly RttSample[]>>;
}

/** Reports kept per player. */
export const RTT_SAMPLES = 5;

/**
 * How far back the roster looks for a player's best round trip. The server
 * sends a figure only when it changed noticeably, so a steady connection
 * sends one and then nothing: the latest report always counts.
 */
export const RTT_WINDOW_MS = 15_000;

/**
 * How long a player's first report waits before it is shown: it is often the
 * ping of a page still loading, and a second, truer one follows within a few
 * seconds if so.
 */
export const RTT_SETTLE_MS = 6_000;

/** A `room:latency` push (player id → round trip, ms), and when it arrived. */
export interface LatencyReport {
  roomId: string;
  rttMs: Readonly<Record<string, number>>;
  at: number;
}

/** Merge a room's round-trip figures: the server sends only the ones that changed. */
export function applyLatency(state: LobbyState, report: LatencyReport): LobbyState {
  if (state.room?.id !== report.roomId) return state;
  const samples = { ...(state.latency?.roomId === report.roomId ? state.latency.samples : {}) };
  for (const [playerId, rttMs] of Object.entries(report.rttMs)) {
    samples[playerId] = [...(samples[playerId] ?? []), { rttMs, at: report.at }].slice(-RTT_SAMPLES);
  }
  return { ...state, latency: { roomId: report.roomId, samples } };
}

/**
 * The round trip to show for a player at local time `now`, or null for none
 * yet: the best of their reports of the last `RTT_WINDOW_MS`, or the latest
 * if it is older. A busy browser (a page still loading, a machine under load)
 * delays a single ping far beyond the network's own delay, while a slow
 * network slows every ping: the best recent figure is the network's.
 */
export function shownRttMs(samples: readonly RttSample[] | undefined, now: number): number | null {
  const latest = samples?.at(-1);
  if (!samples || !latest) return null;
  if (samples.length === 1 && now - latest.at < RTT_SETTLE_MS) return null;
  const recent = samples.filter((sample) => sample.at > now - RTT_WINDOW_MS);
  return Math.min(latest.rttMs, ...recent.map((sample) => sample.rttMs));
}
