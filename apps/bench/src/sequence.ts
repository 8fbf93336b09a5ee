/**
 * Gap and duplicate detection on the per-room `version` of `room:state`,
 * as each bot receives it.
 *
 * Lobby bumps the version once per state change and pushes every saved
 * change, but one saved change may hold several bumps outside play (seating
 * plus the countdown start, or the last rematch request plus the countdown
 * start). So a jump is only a *gap* — a lost message — when it leaves a
 * `playing` state, where every move and every tick is exactly one bump and
 * one push. An older version than the newest seen is *late* when it fills a
 * hole a jump left — reordered, not lost: on a cluster, broadcasts of two
 * nodes can cross — and *stale* otherwise. Repeating a version is always wrong.
 */

/** What one observation meant. */
export type SequenceEvent = "first" | "next" | "jump" | "gap" | "late" | "duplicate" | "stale";

/** Totals over many observations. */
export interface SequenceCounts {
  received: number;
  /** Jumps out of a `playing` state whose skipped versions have not all arrived since. */
  gaps: number;
  /** Versions those gaps skipped that never arrived: lost states. */
  missing: number;
  /**
   * Versions that arrived after a newer one and filled a hole a jump left:
   * reordered, not lost (on a cluster, two nodes' broadcasts can cross).
   */
  late: number;
  /** The same version twice. */
  duplicates: number;
  /** An older version after a newer one that fills no hole (seen already, or never expected). */
  stale: number;
}

export function emptySequenceCounts(): SequenceCounts {
  return { received: 0, gaps: 0, missing: 0, late: 0, duplicates: 0, stale: 0 };
}

export function addSequenceCounts(a: SequenceCounts, b: SequenceCounts): SequenceCounts {
  return {
    received: a.received + b.received,
    gaps: a.gaps + b.gaps,
    missing: a.missing + b.missing,
    late: a.late + b.late,
    duplicates: a.duplicates + b.duplicates,
    stale: a.stale + b.stale,
  };
}

/** Holes kept per room; a state later than this many newer versions is not waited for. */
const MAX_HOLES = 256;

interface Hole {
  /** The gap that left it (null for a jump outside play, which loses nothing, or one counted before a reset). */
  gap: { open: number } | null;
}

interface RoomSequence {
  version: number;
  phase: string;
  /** Versions skipped by jumps, oldest first, that may still arrive late. */
  holes: Map<number, Hole>;
}

/** One bot's view of the rooms it is in. */
export class SequenceTracker {
  private readonly rooms = new Map<string, RoomSequence>();
  counts: SequenceCounts = emptySequenceCounts();

  /** Record a received state and classify it against the previous one from the same room. */
  observe(roomId: string, version: number, phase: string): SequenceEvent {
    this.counts.received++;
    const room = this.rooms.get(roomId);
    if (!room) {
      this.rooms.set(roomId, { version, phase, holes: new Map() });
      return "first";
    }
    if (version === room.version) {
      this.counts.duplicates++;
      return "duplicate";
    }
    if (version < room.version) return this.older(room, version);
    const skipped = version - room.version - 1;
    const event: SequenceEvent = skipped === 0 ? "next" : room.phase === "playing" ? "gap" : "jump";
    if (skipped > 0) {
      const gap = event === "gap" ? { open: skipped } : null;
      if (gap) {
        this.counts.gaps++;
        this.counts.missing += skipped;
      }
      for (let v = Math.max(room.version + 1, version - MAX_HOLES); v < version; v++) room.holes.set(v, { gap });
      this.trim(room);
    }
    // Never move backwards: an older state must not hide a later gap.
    room.version = version;
    room.phase = phase;
    return event;
  }

  /** The bot left the room: a later visit starts a fresh sequence. */
  forget(roomId: string): void {
    this.rooms.delete(roomId);
  }

  resetCounts(): void {
    this.counts = emptySequenceCounts();
    // Holes left before the reset were counted before it: filling one later is late, not a recovery.
    for (const room of this.rooms.values()) for (const hole of room.holes.values()) hole.gap = null;
  }

  private older(room: RoomSequence, version: number): SequenceEvent {
    const hole = room.holes.get(version);
    if (!hole) {
      this.counts.stale++;
      return "stale";
    }
    room.holes.delete(version);
    this.counts.late++;
    if (hole.gap) {
      this.counts.missing--;
      if (--hole.gap.open === 0) this.counts.gaps--;
    }
    return "late";
  }

  private trim(room: RoomSequence): void {
    for (const version of room.holes.keys()) {
      if (room.holes.size <= MAX_HOLES) break;
      room.holes.delete(version);
    }
  }
}
