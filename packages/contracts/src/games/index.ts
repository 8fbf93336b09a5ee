import { z } from "zod";
import { ConnectFourMove, ConnectFourView } from "./connect-four";
import { TrailsMove, TrailsView } from "./trails";

export * from "./connect-four";
export * from "./trails";

/** A move of any game, tagged with the mode it belongs to. */
export const GameMove = z.discriminatedUnion("mode", [ConnectFourMove, TrailsMove]);
export type GameMove = z.infer<typeof GameMove>;

/** A game's state as one viewer is allowed to see it, tagged with its mode. */
export const GameView = z.discriminatedUnion("mode", [ConnectFourView, TrailsView]);
export type GameView = z.infer<typeof GameView>;
