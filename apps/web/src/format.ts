/** A duration as mm:ss; minutes keep counting past 59. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
}

/** Whole seconds left until `deadline`, never negative. */
export function secondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

export type RttQuality = "good" | "ok" | "poor";

/**
 * How a round trip feels. In a real-time game: under 100 ms is good, under
 * 250 ms playable, above that poor. A turn-based game waits on people, not
 * packets: under 300 ms is good, under 800 ms still fine.
 */
export function rttQuality(ms: number, realtime = true): RttQuality {
  const [good, ok] = realtime ? [100, 250] : [300, 800];
  return ms < good ? "good" : ms < ok ? "ok" : "poor";
}

/** A round trip for a roster: "42 ms". */
export function formatRtt(ms: number): string {
  return `${Math.max(0, Math.round(ms))} ms`;
}

/** How long ago something happened, roughly: "just now", "3 min ago", "2 h ago", "yesterday", "5 days ago". */
export function formatAgo(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return days === 1 ? "yesterday" : `${days} days ago`;
}
