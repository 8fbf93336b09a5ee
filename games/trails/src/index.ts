import { defineGame } from "@lobby/game-kit";
import { trails } from "./rules";
import { trailsMoves } from "./moves";
import { trailsDeltas } from "./deltas";
import { TrailsMove, TrailsView } from "./schemas";

export * from "./schemas";
export * from "./rules";
export * from "./arena";
export * from "./bot";
export * from "./moves";
export * from "./sides";
export * from "./deltas";

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
  moves: trailsMoves("trails"),
  deltas: trailsDeltas("trails"),
});
