import { DELTA_SCHEMAS, MOVE_SCHEMAS, VIEW_SCHEMAS, deltasOf } from "@lobby/games";
import { z } from "zod";

/** A move of any game, tagged with the mode it belongs to. */
export const GameMove = z.discriminatedUnion("mode", MOVE_SCHEMAS);
export type GameMove = z.infer<typeof GameMove>;

/** A game's state as one viewer is allowed to see it, tagged with its mode. */
export const GameView = z.discriminatedUnion("mode", VIEW_SCHEMAS);
export type GameView = z.infer<typeof GameView>;

/** What changed in a game's view since the state before (real-time games that send deltas), tagged with its mode. */
export const GameDelta = z.discriminatedUnion("mode", DELTA_SCHEMAS);
export type GameDelta = z.infer<typeof GameDelta>;

/**
 * A game's view with a delta applied (its game's own `patch`); null when the
 * delta is of another game than the view, or of a game without deltas.
 */
export function patchGameView(base: GameView, delta: GameDelta): GameView | null {
  if (base.mode !== delta.mode) return null;
  return deltasOf(base.mode)?.patch(base, delta) ?? null;
}
