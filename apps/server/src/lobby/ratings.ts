import { HISTORY_LENGTH, type LeaderboardRow, type ModeId, type ModeRating, type PublicRating } from "@lobby/contracts";
import { predictWin, rate, rating as initialRating, type Rating } from "openskill";
import type { LobbyContext } from "./context";
import type { HistoryRecord, RatingRecord, RoomRecord } from "./records";
import type { StoreTx } from "./store";

/*
 * Ratings per identity and mode, with OpenSkill's Weng-Lin model (the
 * Plackett-Luce default): each player's skill is a Gaussian (mu, sigma),
 * updated from every rated result. Players see mu on a scale that starts at
 * 1000; a rating is provisional while sigma is still wide.
 *
 * A result is rated in the transaction that records it (see
 * `LobbyContext.saveRoom`): the room turning from playing to finished is
 * seen exactly once per game, and a transaction that is run again (Redis,
 * after a race) writes its ratings again from the fresh records, so a result
 * is never rated twice and no update is lost between nodes.
 */

/** Shown rating per unit of mu: mu starts at 25, so the scale starts at 1000. */
const SCALE = 40;
/** A rating is provisional while sigma is above this (about a player's first ten games). */
const PROVISIONAL_SIGMA = 6.5;

/** A rating before any game (OpenSkill's default: mu 25, sigma 25/3). */
const STARTING: Readonly<Rating> = Object.freeze(initialRating());

/** A rating as players see it. */
export function publicRating(record: Pick<RatingRecord, "mu" | "sigma"> | undefined): PublicRating {
  const { mu, sigma } = record ?? STARTING;
  return { value: Math.round(mu * SCALE), provisional: sigma > PROVISIONAL_SIGMA };
}

/** The rating every player starts at, as shown. */
export const STARTING_VALUE = publicRating(undefined).value;

export type { Rating };

/** A game's outcome for one seat. */
export type Outcome = "win" | "loss" | "draw";

/** A rating before any game. */
export function startingRating(): Rating {
  return { ...STARTING };
}

/**
 * Every seat's new rating after a game: the winners rank first and every
 * other seat second; a draw ranks everyone level. With `teams` (each seat's
 * team), the model rates teams: a team's skill is its players' together,
 * and each player's rating moves by their share of the team's surprise.
 */
export function ratedOutcome(
  before: readonly Rating[],
  outcomes: readonly Outcome[],
  teams?: readonly number[],
): Rating[] {
  // Seats by team, in order of each team's first seat; a game without teams is a team per seat.
  const teamOf = teams ?? before.map((_, i) => i);
  const members = new Map<number, number[]>();
  teamOf.forEach((team, seat) => members.set(team, [...(members.get(team) ?? []), seat]));
  const groups = [...members.values()];
  const draw = outcomes.every((o) => o === "draw");
  const rank = groups.map((seats) => (draw || outcomes[seats[0]!] === "win" ? 1 : 2));
  const rated = rate(
    groups.map((seats) => seats.map((seat) => ({ mu: before[seat]!.mu, sigma: before[seat]!.sigma }))),
    { rank },
  );
  const after = before.map((r) => ({ mu: r.mu, sigma: r.sigma }));
  groups.forEach((seats, g) => seats.forEach((seat, k) => (after[seat] = rated[g]?.[k] ?? after[seat]!)));
  return after;
}

/** Each seat's chance to win a game against the others, by the model. */
export function winChances(ratings: readonly Rating[]): number[] {
  return predictWin(ratings.map((r) => [r]));
}

/** An identity's rating in a mode as players see it: the starting one until it has played a rated game. */
export async function publicRatingOf(
  reads: Pick<StoreTx, "getRating">,
  identityId: string,
  mode: ModeId,
): Promise<PublicRating | null> {
  if (!identityId) return null;
  return publicRating(await reads.getRating(identityId, mode));
}

/** An identity's rating in a mode, for its profile. */
export function modeRating(record: RatingRecord): ModeRating {
  const { mode, games, wins, losses, draws } = record;
  const { value, provisional } = publicRating(record);
  return { value, provisional, mode, games, wins, losses, draws };
}

/** A leaderboard row, with whose it is. */
export type RankedRow = LeaderboardRow & { identityId: string };

/** One rating as a leaderboard row at `rank`. */
export function leaderboardRow(record: RatingRecord, rank: number): RankedRow {
  const { provisional } = publicRating(record);
  return {
    rank,
    identityId: record.identityId,
    name: record.name,
    value: record.value,
    provisional,
    games: record.games,
  };
}

/** The top of a leaderboard, best first, as rows: equal ratings share a rank. */
export function leaderboardRows(top: readonly RatingRecord[]): RankedRow[] {
  const rows: RankedRow[] = [];
  top.forEach((record, i) => {
    const previous = rows[i - 1];
    rows.push(leaderboardRow(record, previous && previous.value === record.value ? previous.rank : i + 1));
  });
  return rows;
}

/**
 * Record a finished game on every seat's history and, for a rated room,
 * update the players' ratings: winners ahead of everyone else, a draw level.
 * A seat that left or forfeited is not among the winners, so it loses. The
 * returned room carries each seat's new rating and its change. A room whose
 * seats are not all distinct identities (one person in two tabs of the same
 * browser) changes no rating.
 */
export async function recordResult(ctx: LobbyContext, room: RoomRecord): Promise<RoomRecord> {
  const { result } = room;
  if (!result) return room;
  const ids = room.seats.map((s) => s.identityId);
  const rated = room.rated && ids.every((id) => id !== "") && new Set(ids).size === ids.length;
  const winners = new Set(result.kind === "win" ? result.winners : []);
  const outcomeOf = (seat: number): Outcome => (result.kind === "draw" ? "draw" : winners.has(seat) ? "win" : "loss");
  const now = ctx.now();
  // Ratings and history are kept as long as their identity is.
  const keepMs = ctx.deps.settings.identityTtlMs;
  const players = room.seats.map((s) => s.name);

  let after: (RatingRecord | null)[] = room.seats.map(() => null);
  let before: (RatingRecord | undefined)[] = [];
  if (rated) {
    before = await Promise.all(ids.map((id) => ctx.store.getRating(id, room.mode)));
    const teams = room.seats.map((s) => s.team);
    const updated = ratedOutcome(
      before.map((record) => record ?? STARTING),
      room.seats.map((_, seat) => outcomeOf(seat)),
      teams.every((t): t is number => t !== undefined) ? teams : undefined,
    );
    after = room.seats.map((seat, i) => {
      const outcome = outcomeOf(i);
      const old = before[i];
      const next = updated[i] ?? STARTING;
      return {
        identityId: seat.identityId,
        mode: room.mode,
        name: seat.name,
        mu: next.mu,
        sigma: next.sigma,
        value: publicRating(next).value,
        games: (old?.games ?? 0) + 1,
        wins: (old?.wins ?? 0) + (outcome === "win" ? 1 : 0),
        losses: (old?.losses ?? 0) + (outcome === "loss" ? 1 : 0),
        draws: (old?.draws ?? 0) + (outcome === "draw" ? 1 : 0),
      };
    });
    for (const record of after) if (record) await ctx.store.putRating(record, keepMs);
  }

  for (const [i, seat] of room.seats.entries()) {
    if (!seat.identityId) continue;
    const newRating = after[i];
    const entry: HistoryRecord = {
      game: `${room.id}#${room.round}`,
      at: now,
      mode: room.mode,
      players,
      seat: i,
      outcome: outcomeOf(i),
      rated: newRating !== null,
      ratingBefore: newRating ? publicRating(before[i]).value : null,
      ratingAfter: newRating ? publicRating(newRating).value : null,
    };
    ctx.store.appendHistory(seat.identityId, entry, HISTORY_LENGTH, keepMs);
  }

  return {
    ...room,
    seats: room.seats.map((seat, i) => {
      const newRating = after[i];
      if (!newRating) return { ...seat, ratingDelta: null };
      const shown = publicRating(newRating);
      return { ...seat, rating: shown, ratingDelta: shown.value - publicRating(before[i]).value };
    }),
  };
}
