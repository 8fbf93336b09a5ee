import { z } from "zod";

export const TRAILS_MAX_PLAYERS = 8;

export const TrailsDirection = z.enum(["up", "down", "left", "right"]);
export type TrailsDirection = z.infer<typeof TrailsDirection>;

export const TrailsRider = z.object({
  seat: z
    .int()
    .min(0)
    .max(TRAILS_MAX_PLAYERS - 1),
  /** The rider's team (0-based) in a team mode; null when every rider rides for itself. */
  team: z
    .int()
    .min(0)
    .max(TRAILS_MAX_PLAYERS - 1)
    .nullable(),
  x: z.int().min(0),
  y: z.int().min(0),
  direction: TrailsDirection,
  alive: z.boolean(),
  /** Cells this rider has claimed, including its head. */
  length: z.int().min(0),
  /** Tick on which the rider crashed, or null while alive. */
  crashedAt: z.int().min(0).nullable(),
});
export type TrailsRider = z.infer<typeof TrailsRider>;

/** The arena as everyone sees it, whatever the mode: a view without its `mode` tag. */
export const TrailsArena = z.object({
  width: z.int().positive(),
  height: z.int().positive(),
  /** Server ticks since the round started. */
  tick: z.int().min(0),
  /** Milliseconds between ticks. */
  tickMs: z.int().positive(),
  /** Ticks after which the round ends and the longest trail (in a team mode, team) wins. */
  maxTicks: z.int().positive(),
  /**
   * Row-major, `width * height` characters: `.` is empty, `0`–`7` is the
   * trail of that seat.
   */
  cells: z.string(),
  riders: z.array(TrailsRider),
});
export type TrailsArena = z.infer<typeof TrailsArena>;

/** A move of the Trails mode `Id`. */
export type TrailsMoveOf<Id extends string> = { mode: Id; direction: TrailsDirection };
/** A view of the Trails mode `Id`. */
export type TrailsViewOf<Id extends string> = { mode: Id } & TrailsArena;

/**
 * The move and view schemas of a Trails mode. Every mode (free-for-all,
 * teams) plays the same arena, but the wire tells games apart by `mode`, so
 * each needs schemas tagged with its own literal.
 */
export function trailsSchemas<Id extends string>(id: Id) {
  return {
    /** Steer your rider. Reversing into your own trail is refused. */
    Move: z.strictObject({ mode: z.literal(id), direction: TrailsDirection }),
    View: z.object({ mode: z.literal(id), ...TrailsArena.shape }),
  };
}

const trailsOwn = trailsSchemas("trails");

/** Steer your rider (Trails, free-for-all). */
export const TrailsMove = trailsOwn.Move;
export type TrailsMove = z.infer<typeof TrailsMove>;

/** The arena of Trails, free-for-all. */
export const TrailsView = trailsOwn.View;
export type TrailsView = z.infer<typeof TrailsView>;
