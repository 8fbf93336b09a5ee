import type { MatchResult } from "@lobby/contracts";
import type { RoomRecord } from "./records";

/*
 * The score a room keeps while the same players play round after round:
 * games, draws and each seat's wins, a team game's tally, and the teams it
 * keeps; started afresh when the players change. Pure, like `match-room.ts`.
 */

/**
 * The score after `result`: every winning seat (in a team game, every seat
 * of the winning team, crashed or gone) wins one, and its team's tally too;
 * a draw scores nobody.
 */
export function scored(room: RoomRecord, result: MatchResult): RoomRecord {
  const before = room.score ?? { games: 0, draws: 0 };
  if (result.kind === "draw")
    return { ...room, score: { ...before, games: before.games + 1, draws: before.draws + 1 } };
  const winners = new Set(result.winners);
  const seats = room.seats.map((s, i) => (winners.has(i) ? { ...s, wins: (s.wins ?? 0) + 1 } : s));
  const teams = new Set(result.winners.flatMap((seat) => room.seats[seat]?.team ?? []));
  const drawn = room.seats.flatMap((s) => s.team ?? []);
  const tally = before.teamWins ?? (drawn.length > 0 ? Array<number>(Math.max(...drawn) + 1).fill(0) : undefined);
  const teamWins = tally?.map((wins, team) => (teams.has(team) ? wins + 1 : wins));
  return { ...room, seats, score: { ...before, games: before.games + 1, ...(teamWins ? { teamWins } : {}) } };
}

/** The room with its score started afresh: no score, and no seat with wins. */
export function withoutScore(room: RoomRecord): RoomRecord {
  if (!room.score && room.seats.every((s) => s.wins === undefined)) return room;
  const { score: _score, ...rest } = room;
  return { ...rest, seats: room.seats.map(({ wins: _wins, ...seat }) => seat) };
}

/**
 * The teams of the last game, to play again with while the score runs:
 * every seat has one, and there are `count` teams of equal size. Undefined
 * when they must be drawn again.
 */
export function keptTeams(room: RoomRecord, count: number): number[] | undefined {
  if (!room.score?.teamWins) return undefined;
  const teams = room.seats.map((s) => s.team);
  if (!teams.every((team): team is number => team !== undefined && team >= 0 && team < count)) return undefined;
  const sizes = Array<number>(count).fill(0);
  for (const team of teams) sizes[team] = (sizes[team] ?? 0) + 1;
  return sizes.every((size) => size === teams.length / count) ? teams : undefined;
}
