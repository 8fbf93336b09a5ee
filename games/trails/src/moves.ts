import type { GameMoves } from "@lobby/game-kit";
import { OPPOSITE } from "./arena";
import { trailsBot } from "./bot";
import { TrailsDirection, type TrailsArena, type TrailsMoveOf } from "./schemas";

/** The moves of the Trails mode `id` for tests and bots: every direction, tagged `mode: id`. */
export function trailsMoves<Id extends string>(id: Id): GameMoves<TrailsMoveOf<Id>, TrailsArena> {
  const steer = (direction: TrailsDirection): TrailsMoveOf<Id> => ({ mode: id, direction });
  return {
    samples: TrailsDirection.options.map(steer) as [TrailsMoveOf<Id>, ...TrailsMoveOf<Id>[]],
    sensible(view, seat) {
      const rider = view.riders[seat];
      if (!rider?.alive) return [];
      // Any turn but back into its own trail.
      return TrailsDirection.options.filter((d) => d !== OPPOSITE[rider.direction]).map(steer);
    },
    bot: () => trailsBot(id),
  };
}
