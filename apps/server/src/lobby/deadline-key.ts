import { MODE_IDS, type ModeId } from "@lobby/contracts";

/** What a deadline is for: a room's next timed step, a player's grace period, or a quick-match wait. */
export type DeadlineKey =
  { kind: "room"; roomId: string } | { kind: "player"; playerId: string } | { kind: "queue"; mode: ModeId };

/**
 * Deadline keys, and their one stored form: `room:<id>`, `player:<id>`,
 * `queue:<mode>`. Deadlines are stored (so any process can fire them) and
 * Redis data and tests rely on these strings, so only `encode` builds them
 * and only `decode` reads them.
 */
export const deadlineKey = {
  room: (roomId: string): DeadlineKey => ({ kind: "room", roomId }),
  player: (playerId: string): DeadlineKey => ({ kind: "player", playerId }),
  queue: (mode: ModeId): DeadlineKey => ({ kind: "queue", mode }),

  encode(key: DeadlineKey): string {
    switch (key.kind) {
      case "room":
        return `room:${key.roomId}`;
      case "player":
        return `player:${key.playerId}`;
      case "queue":
        return `queue:${key.mode}`;
    }
  },

  /**
   * A stored key, or undefined for one this version cannot act on (an
   * unknown kind, or the queue of a mode it does not have).
   */
  decode(text: string): DeadlineKey | undefined {
    const split = text.indexOf(":");
    if (split < 0) return undefined;
    const kind = text.slice(0, split);
    const id = text.slice(split + 1);
    if (kind === "room") return { kind, roomId: id };
    if (kind === "player") return { kind, playerId: id };
    const mode = MODE_IDS.find((m) => m === id);
    return kind === "queue" && mode ? { kind, mode } : undefined;
  },
} as const;
