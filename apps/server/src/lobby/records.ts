import type { MatchResult, ModeId, RoomPhase, SeatStatus } from "@lobby/contracts";

/** Where a player is. A player is in at most one queue or room at a time. */
export type PlayerLocation =
  | { kind: "idle" }
  | { kind: "queued"; mode: ModeId; joinedAt: number }
  | { kind: "seated"; roomId: string };

export interface PlayerRecord {
  id: string;
  name: string;
  connectedAt: number;
  location: PlayerLocation;
}

export interface QueueEntry {
  playerId: string;
  joinedAt: number;
}

export interface SeatRecord {
  playerId: string;
  name: string;
  status: SeatStatus;
  graceEndsAt: number | null;
  wantsRematch: boolean;
}

export interface RoomRecord {
  id: string;
  mode: ModeId;
  phase: RoomPhase;
  version: number;
  round: number;
  createdAt: number;
  seats: SeatRecord[];
  /** The game's own state: plain JSON, owned by the game definition. */
  game: unknown;
  result: MatchResult | null;
}
