import type { Leaderboard, LeaderboardRow } from "@lobby/contracts";

/*
 * A leaderboard in words and figures, for the leaderboard dialog. The server
 * ranks the players; this only phrases the ranks and finds the player's own row.
 */

const COUNT = new Intl.NumberFormat("en-US");

/** A count with its thousands grouped: "1,204". */
export function formatCount(count: number): string {
  return COUNT.format(count);
}

/** "#57". */
export function formatRank(rank: number): string {
  return `#${rank}`;
}

/** "1 game", "31 games", "1,204 games". */
export function formatGames(games: number): string {
  return `${formatCount(games)} ${games === 1 ? "game" : "games"}`;
}

export type Medal = "gold" | "silver" | "bronze";

/** The first three places wear a medal's colour; shared ranks share it. */
export function medal(rank: number): Medal | null {
  return rank === 1 ? "gold" : rank === 2 ? "silver" : rank === 3 ? "bronze" : null;
}

export interface LeaderboardView {
  /** The top, in the server's order, each row saying whether it is the player's own. */
  rows: { row: LeaderboardRow; you: boolean }[];
  /** The player's own row when it is not in the top, to pin under it; null when it is, or when they have none. */
  pinned: LeaderboardRow | null;
}

/** The top with the player's own row picked out (the server says where it is), or pinned below when not in it. */
export function leaderboardView({ top, you, youAt }: Pick<Leaderboard, "top" | "you" | "youAt">): LeaderboardView {
  return {
    rows: top.map((row, index) => ({ row, you: index === youAt })),
    pinned: you && youAt === null ? you : null,
  };
}

/** How many are on the board, over the table: "1 rated player", "12 rated players", "Top 20 of 1,204 rated players". */
export function boardSummary({ top, total }: Pick<Leaderboard, "top" | "total">): string {
  const players = `${formatCount(total)} rated ${total === 1 ? "player" : "players"}`;
  return top.length < total ? `Top ${top.length} of ${players}` : players;
}
