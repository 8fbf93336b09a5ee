import { MOVE_SCHEMAS, VIEW_SCHEMAS } from "@lobby/games";
import { z } from "zod";

/** A move of any game, tagged with the mode it belongs to. */
export const GameMove = z.discriminatedUnion("mode", MOVE_SCHEMAS);
export type GameMove = z.infer<typeof GameMove>;

/** A game's state as one viewer is allowed to see it, tagged with its mode. */
export const GameView = z.discriminatedUnion("mode", VIEW_SCHEMAS);
export type GameView = z.infer<typeof GameView>;
