import { connectFourGame } from "../../connect-four/src/index";
import { liarsDiceGame } from "../../liars-dice/src/index";
import type { BotStrategy, GameMoves, ViewDeltas } from "@lobby/game-kit";
import { trailsGame } from "../../trails/src/index";
import { trailsTeamsGame } from "../../trails-teams/src/index";
import type { z } from "zod";

/**
 * Every game Lobby runs, in the order players see them. A game is its
 * folder under games/ plus one line here (imported by path, so no manifest
 * changes with it); every list of games elsewhere
 * (mode ids, the move and view unions, the server's rules, the property
 * generators, the fuzz seeds, the bench's bots) is derived from this one.
 */
export const GAMES = [connectFourGame, trailsGame, trailsTeamsGame, liarsDiceGame] as const;

export type Games = typeof GAMES;
export type AnyGame = Games[number];
/** A game's id, which is also its mode id on the wire. */
export type GameId = AnyGame["id"];

// Mapped over a type parameter, so each maps the tuple to a tuple (one entry per game, in order).
type Ids<T extends readonly AnyGame[]> = { -readonly [K in keyof T]: T[K] extends { id: infer I } ? I : never };
type Moves<T extends readonly AnyGame[]> = { -readonly [K in keyof T]: T[K] extends { Move: infer M } ? M : never };
type Views<T extends readonly AnyGame[]> = { -readonly [K in keyof T]: T[K] extends { View: infer V } ? V : never };

// The delta schemas of the games that have deltas, in order (a tuple that skips the others).
type Deltas<T extends readonly unknown[]> = T extends readonly [infer G, ...infer Rest]
  ? G extends { deltas?: { Delta: infer D } }
    ? [D] extends [never]
      ? Deltas<Rest>
      : [D, ...Deltas<Rest>]
    : Deltas<Rest>
  : [];

/** The games' ids, as a tuple for `z.enum`. */
export const GAME_IDS = GAMES.map((game) => game.id) as Ids<Games>;

/** The games' move schemas, as a tuple for `z.discriminatedUnion`. */
export const MOVE_SCHEMAS = GAMES.map((game) => game.Move) as Moves<Games>;

/** The games' view schemas, as a tuple for `z.discriminatedUnion`. */
export const VIEW_SCHEMAS = GAMES.map((game) => game.View) as Views<Games>;

/** The delta schemas of the games that send deltas (see `ViewDeltas`), as a tuple for `z.discriminatedUnion`. */
export const DELTA_SCHEMAS = GAMES.flatMap((game) => (game.deltas ? [game.deltas.Delta] : [])) as Deltas<Games>;

/** The game with this id. */
export function gameById<Id extends GameId>(id: Id): Extract<AnyGame, { id: Id }> {
  const game = GAMES.find((g) => g.id === id);
  if (!game) throw new Error(`no game "${id}"`);
  return game as Extract<AnyGame, { id: Id }>;
}

/** A move of any game. */
export type AnyMove = z.infer<AnyGame["Move"]>;
/** A view of any game. */
export type AnyView = z.infer<AnyGame["View"]>;

/**
 * A game's move hooks, typed for any game's moves and views: for callers
 * that hold a view of some game and pass it to that game's own hooks.
 */
export function movesOf(id: GameId): GameMoves<AnyMove, AnyView> {
  return gameById(id).moves as unknown as GameMoves<AnyMove, AnyView>;
}

/** A delta of any game that sends them. */
export type AnyDelta = z.infer<Deltas<Games>[number]>;

/** Game `id`'s deltas, typed for any game's views and deltas; undefined for a game that sends whole views. */
export function deltasOf(id: GameId): ViewDeltas<AnyView, z.ZodType<AnyDelta>> | undefined {
  return gameById(id).deltas;
}

/** Every game's sample moves: one list, for fuzzing and wild test steps. */
export const SAMPLE_MOVES: readonly AnyMove[] = GAMES.flatMap((game) => [...game.moves.samples]);

/** A new bot for one seat of game `id`: the game's own, or one that plays a sensible move at random. */
export function botFor(id: GameId): BotStrategy<AnyMove, AnyView> {
  const moves = movesOf(id);
  if (moves.bot) return moves.bot();
  return (view, seat, random) => {
    const options = moves.sensible(view, seat);
    return options[Math.floor(random * options.length)] ?? null;
  };
}
