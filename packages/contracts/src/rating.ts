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

/** One row of a mode's leaderboard. */
export const LeaderboardRow = PublicRating.extend({
  /** 1 for the best; players with equal ratings share a rank. */
  rank: z.int().min(1),
  name: z.string(),
  games: z.int().min(0),
});
export type LeaderboardRow = z.infer<typeof LeaderboardRow>;

/** The most rows `leaderboard:get` answers. */
export const LEADERBOARD_LENGTH = 20;

/** What `leaderboard:get` answers: the top of a mode's leaderboard, your own place in it, and how many are on it. */
export const Leaderboard = z.object({
  mode: ModeId,
  top: z.array(LeaderboardRow).max(LEADERBOARD_LENGTH),
  /** Your row, when you have played a rated game of the mode; null otherwise. */
  you: LeaderboardRow.nullable(),
  /** Where your row is in `top`; null when it is not there. */
  youAt: z.int().min(0).nullable(),
  /** Everyone with a rating in the mode. */
  total: z.int().min(0),
});
export type Leaderboard = z.infer<typeof Leaderboard>;
