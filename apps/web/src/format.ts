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

/** How a round trip feels: under 100 ms is good, under 250 ms is playable, above is poor. */
export function rttQuality(ms: number): RttQuality {
  return ms < 100 ? "good" : ms < 250 ? "ok" : "poor";
}

/** A round trip for a roster: "42 ms". */
export function formatRtt(ms: number): string {
  return `${Math.max(0, Math.round(ms))} ms`;
}
