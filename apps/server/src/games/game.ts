import type { GameDelta, GameMove, GameView, ModeInfo } from "@lobby/contracts";
import type { GameRules, ViewDeltas } from "@lobby/game-kit";
import type { z } from "zod";

export type { MoveRefusal, Outcome, SetupContext } from "@lobby/game-kit";

/**
 * A game as the lobby runs it: its rules, with its own state, move and view
 * types erased to the contracts' unions (the lobby validates moves against
 * the union before they reach the rules), and its mode.
 */
export interface AnyGameDefinition extends GameRules<unknown, GameMove, GameView> {
  readonly mode: ModeInfo;
  /** Real-time games that send what changed rather than their whole view. */
  readonly deltas?: ViewDeltas<GameView, z.ZodType<GameDelta>>;
}
