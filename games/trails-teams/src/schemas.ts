import { trailsSchemas, type TrailsMoveOf, type TrailsViewOf } from "@lobby/game-trails";

/** The mode id, on the wire and in the registry. */
export const TRAILS_TEAMS_ID = "trails-teams";

const schemas = trailsSchemas(TRAILS_TEAMS_ID);

/** Steer your rider: Trails' move, tagged `mode: "trails-teams"`. */
export const TrailsTeamsMove = schemas.Move;
export type TrailsTeamsMove = TrailsMoveOf<typeof TRAILS_TEAMS_ID>;

/** The arena: Trails' view (each rider with its team), tagged `mode: "trails-teams"`. */
export const TrailsTeamsView = schemas.View;
export type TrailsTeamsView = TrailsViewOf<typeof TRAILS_TEAMS_ID>;
