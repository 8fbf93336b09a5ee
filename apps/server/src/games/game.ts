import type { ErrorCode, GameMove, GameView, ModeInfo } from "@lobby/contracts";
import type { Random } from "../core/random";

/** The end of a game as the rules decide it. Seats are roster indexes. */
export type Outcome = { kind: "win"; winners: number[] } | { kind: "draw" };

/** Why a move was refused. */
export interface MoveRefusal {
  code: typeof ErrorCode.NotYourTurn | typeof ErrorCode.IllegalMove;
  message: string;
}

export interface SetupContext {
  players: number;
  /** 1 for the first game of a room, +1 for every rematch. */
  round: number;
  random: Random;
}

/**
 * A game plugin. Everything here is pure and every state is plain JSON, so
 * the lobby can store it anywhere and run any game through this interface.
 */
export interface GameDefinition<
  State = unknown,
  Move extends GameMove = GameMove,
  View extends GameView = GameView,
> {
  readonly mode: ModeInfo;
  setup(ctx: SetupContext): State;
  /** `null` when `seat` may play `move` now; otherwise why not. */
  validateMove(state: State, seat: number, move: Move): MoveRefusal | null;
  /** Apply a move that `validateMove` accepted. Must not mutate `state`. */
  applyMove(state: State, seat: number, move: Move): State;
  /** The result once the game is over, else `null`. */
  outcome(state: State): Outcome | null;
  /** What `seat` (or a spectator, `null`) may see of the state. */
  view(state: State, seat: number | null): View;
  /**
   * True when views differ per seat. When false the lobby serializes one
   * view for the whole room instead of one per player.
   */
  readonly hidesInformation: boolean;
  /** Real-time games: the lobby calls `tick` every `tickMs` while the game runs. */
  readonly tickMs?: number;
  /** Advance a real-time game by one tick. Must not mutate `state`. */
  tick?(state: State): State;
  /**
   * A seat is gone for good (it left, or its grace period ran out). Return
   * the state without it; the lobby then asks `outcome`. A game without this
   * hook ends as soon as a seat is lost, the remaining seats winning.
   */
  removeSeat?(state: State, seat: number): State;
}

/** A game definition whose types have been erased for the registry. */
export type AnyGameDefinition = GameDefinition<unknown, GameMove, GameView>;

/** Type-erase a definition so games of different types share one registry. */
export function defineGame<State, Move extends GameMove, View extends GameView>(
  game: GameDefinition<State, Move, View>,
): AnyGameDefinition {
  return game;
}
