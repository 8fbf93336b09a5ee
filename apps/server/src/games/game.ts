import type { GameMove, GameView, ModeInfo } from "@lobby/contracts";
import type { GameRules } from "@lobby/game-kit";

export type { MoveRefusal, Outcome, SetupContext } from "@lobby/game-kit";

/**
 * A game as the lobby runs it: its rules, with its own state, move and view
 * types erased to the contracts' unions (the lobby validates moves against
 * the union before they reach the rules), and its mode.
 */
export interface AnyGameDefinition extends GameRules<unknown, GameMove, GameView> {
  readonly mode: ModeInfo;
}
