import { z } from "zod";
import { ModeId } from "./modes";

/**
 * A player's rating in one mode, as shown: the estimate of their skill on a
 * scale that starts at 1000 (a Bayesian rating, Weng-Lin / OpenSkill), and
 * whether it is still provisional (too few games for the estimate to be sure).
 */
export const PublicRating = z.object({
  value: z.int(),
  provisional: z.boolean(),
});
export type PublicRating = z.infer<typeof PublicRating>;

/** One mode's rating on a player's profile, with the games behind it. */
export const ModeRating = PublicRating.extend({
  mode: ModeId,
  games: z.int().min(0),
  wins: z.int().min(0),
  losses: z.int().min(0),
  draws: z.int().min(0),
});
export type ModeRating = z.infer<typeof ModeRating>;

/** One finished game on a player's record, from that player's side. */
export const HistoryEntry = z.object({
  /** Server time (ms) the game ended. */
  at: z.number(),
  mode: ModeId,
  /** Everyone who played, in seat order, this player included. */
  players: z.array(z.string()),
  /** This player's seat: their own entry in `players`. */
  seat: z.int().min(0),
  outcome: z.enum(["win", "loss", "draw"]),
  rated: z.boolean(),
  /** The rating before and after this game (rated games only). */
  ratingBefore: z.int().nullable(),
  ratingAfter: z.int().nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** The most games a profile lists, newest first. */
export const HISTORY_LENGTH = 20;

/** What `profile:get` answers: this device's identity's ratings per mode and its latest games. */
export const Profile = z.object({
  ratings: z.array(ModeRating),
  history: z.array(HistoryEntry).max(HISTORY_LENGTH),
});
export type Profile = z.infer<typeof Profile>;
