import { z } from "zod";

export const TRAILS_MAX_PLAYERS = 8;

export const TrailsDirection = z.enum(["up", "down", "left", "right"]);
export type TrailsDirection = z.infer<typeof TrailsDirection>;

/** Steer your rider. Reversing into your own trail is refused. */
export const TrailsMove = z.strictObject({
  mode: z.literal("trails"),
  direction: TrailsDirection,
});
export type TrailsMove = z.infer<typeof TrailsMove>;

export const TrailsRider = z.object({
  seat: z
    .int()
    .min(0)
    .max(TRAILS_MAX_PLAYERS - 1),
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

/** The arena as everyone sees it. */
export const TrailsView = z.object({
  mode: z.literal("trails"),
  width: z.int().positive(),
  height: z.int().positive(),
  /** Server ticks since the round started. */
  tick: z.int().min(0),
  /** Milliseconds between ticks. */
  tickMs: z.int().positive(),
  /** Ticks after which the round ends and the longest trail wins. */
  maxTicks: z.int().positive(),
  /**
   * Row-major, `width * height` characters: `.` is empty, `0`–`7` is the
   * trail of that seat.
   */
  cells: z.string(),
  riders: z.array(TrailsRider),
});
export type TrailsView = z.infer<typeof TrailsView>;
