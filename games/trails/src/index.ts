import { defineGame } from "@lobby/game-kit";
import { trails } from "./rules";
import { OPPOSITE } from "./arena";
import { trailsBot } from "./bot";
import { TrailsDirection, TrailsMove, TrailsView } from "./schemas";

export * from "./schemas";
export * from "./rules";
export * from "./arena";
export * from "./bot";

/** Trails: light cycles for up to eight riders, on the server's clock. */
export const trailsGame = defineGame({
  id: "trails",
  mode: {
    id: "trails",
    name: "Trails",
    description: "Light cycles for up to eight: box them in, dodge every wall, be the last one riding.",
    minPlayers: 2,
    maxPlayers: 8,
    quickMatchPlayers: 8,
    realtime: true,
  },
  Move: TrailsMove,
  View: TrailsView,
  rules: trails,
  moves: {
    samples: TrailsDirection.options.map((direction) => ({ mode: "trails", direction })) as [
      TrailsMove,
      ...TrailsMove[],
    ],
    sensible(view, seat) {
      const rider = view.riders[seat];
      if (!rider?.alive) return [];
      // Any turn but back into its own trail.
      return TrailsDirection.options
        .filter((d) => d !== OPPOSITE[rider.direction])
        .map((direction): TrailsMove => ({ mode: "trails", direction }));
    },
    bot: trailsBot,
  },
});
