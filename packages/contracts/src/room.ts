import { z } from "zod";
import { GameView } from "./games";
import { ModeId } from "./modes";
import { PublicPlayer } from "./player";

export const RoomId = z.string().min(1).max(64);
export type RoomId = z.infer<typeof RoomId>;

/**
 * - `connected`: present and able to act.
 * - `disconnected`: the connection dropped during a game; the seat is kept
 *   until `graceEndsAt`, then the game is forfeited.
 * - `left`: the player left the room; the seat stays in the roster so the
 *   board keeps its colours, but it can no longer act.
 */
export const SeatStatus = z.enum(["connected", "disconnected", "left"]);
export type SeatStatus = z.infer<typeof SeatStatus>;

export const SeatView = z.object({
  seat: z.int().min(0),
  player: PublicPlayer,
  status: SeatStatus,
  /** Server time (ms since epoch) at which a disconnected seat forfeits. */
  graceEndsAt: z.number().nullable(),
  /** Whether this seat has asked to play again after the result. */
  wantsRematch: z.boolean(),
});
export type SeatView = z.infer<typeof SeatView>;

/** How a match ended. Seats are indexes into the room's roster. */
export const MatchResult = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("win"),
    winners: z.array(z.int().min(0)),
    /** `rules`: won on the board; `forfeit`: the others timed out; `left`: the others left. */
    reason: z.enum(["rules", "forfeit", "left"]),
  }),
  z.object({ kind: z.literal("draw") }),
]);
export type MatchResult = z.infer<typeof MatchResult>;

export const RoomPhase = z.enum(["playing", "finished"]);
export type RoomPhase = z.infer<typeof RoomPhase>;

/** The full state of a match room, pushed to its members on every change. */
export const RoomView = z.object({
  id: RoomId,
  mode: ModeId,
  phase: RoomPhase,
  /** Increments with every state change; clients ignore older versions. */
  version: z.int().min(0),
  /** 1 for the first game, +1 for every rematch. */
  round: z.int().min(1),
  seats: z.array(SeatView),
  game: GameView,
  result: MatchResult.nullable(),
});
export type RoomView = z.infer<typeof RoomView>;
