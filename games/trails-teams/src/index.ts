import { defineGame } from "@lobby/game-kit";
import { trailsDeltas, trailsMoves, trailsRules } from "@lobby/game-trails";
import { TRAILS_TEAMS_ID, TrailsTeamsMove, TrailsTeamsView } from "./schemas";

export * from "./schemas";

/** Two teams: the lobby splits the seats evenly (by rating, parties together). */
export const TRAILS_TEAMS = 2;

/**
 * Trails: Teams: Trails' rules, bot and board with the seats in two teams.
 * The last team riding wins, every rider of it, crashed or not.
 */
export const trailsTeamsGame = defineGame({
  id: TRAILS_TEAMS_ID,
  mode: {
    id: TRAILS_TEAMS_ID,
    name: "Trails: Teams",
    description:
      "Light cycles, two teams: cut the other team off, keep out of your own team's way, ride it out together.",
    minPlayers: 4,
    maxPlayers: 8,
    quickMatchPlayers: 4,
    realtime: true,
    teams: TRAILS_TEAMS,
  },
  Move: TrailsTeamsMove,
  View: TrailsTeamsView,
  rules: trailsRules(TRAILS_TEAMS_ID, { teams: TRAILS_TEAMS }),
  moves: trailsMoves(TRAILS_TEAMS_ID),
  deltas: trailsDeltas(TRAILS_TEAMS_ID),
});
