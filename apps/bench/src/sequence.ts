/**
 * Gap and duplicate detection on the per-room `version` of `room:state`,
 * as each bot receives it.
 *
 * Lobby bumps the version once per state change and pushes every saved
 * change, but one saved change may hold several bumps outside play (seating
 * plus the countdown start, or the last rematch request plus the countdown
 * start). So a jump is only a *gap* — a lost message — when it leaves a
 * `playing` state, where every move and every tick is exactly one bump and
 * one push. Going backwards or repeating a version is always wrong.
 */

/** What one observation meant. */
export type SequenceEvent = "first" | "next" | "jump" | "gap" | "duplicate" | "stale";

/** Totals over many observations. */
export interface SequenceCounts {
  received: number;
  /** Jumps out of a `playing` state: at least one state was lost. */
  gaps: number;
  /** How many versions the gaps skipped. */
  missing: number;
  /** The same version twice. */
  duplicates: number;
  /** An older version after a newer one. */
  stale: number;
}

export function emptySequenceCounts(): SequenceCounts {
  return { received: 0, gaps: 0, missing: 0, duplicates: 0, stale: 0 };
}

export function addSequenceCounts(a: SequenceCounts, b: SequenceCounts): SequenceCounts {
  return {
    received: a.received + b.received,
    gaps: a.gaps + b.gaps,
    missing: a.missing + b.missing,
    duplicates: a.duplicates + b.duplicates,
    stale: a.stale + b.stale,
  };
}

interface Last {
  version: number;
  phase: string;
}

/** One bot's view of the rooms it is in. */
export class SequenceTracker {
  private readonly rooms = new Map<string, Last>();
  counts: SequenceCounts = emptySequenceCounts();

  /** Record a received state and classify it against the previous one from the same room. */
  observe(roomId: string, version: number, phase: string): SequenceEvent {
    this.counts.received++;
    const last = this.rooms.get(roomId);
    let event: SequenceEvent;
    if (!last) event = "first";
    else if (version === last.version) event = "duplicate";
    else if (version < last.version) event = "stale";
    else if (version === last.version + 1) event = "next";
    else event = last.phase === "playing" ? "gap" : "jump";

    if (event === "duplicate") this.counts.duplicates++;
    if (event === "stale") this.counts.stale++;
    if (event === "gap" && last) {
      this.counts.gaps++;
      this.counts.missing += version - last.version - 1;
    }
    // Never move backwards: a stale state must not hide a later gap.
    if (!last || version > last.version) this.rooms.set(roomId, { version, phase });
    return event;
  }

  /** The bot left the room: a later visit starts a fresh sequence. */
  forget(roomId: string): void {
    this.rooms.delete(roomId);
  }

  resetCounts(): void {
    this.counts = emptySequenceCounts();
  }
}
