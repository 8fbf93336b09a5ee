import type { Leaderboard, LeaderboardRow } from "@lobby/contracts";
import { boardSummary, formatCount, formatGames, formatRank, leaderboardView, medal } from "../leaderboard-format";
import { PROVISIONAL_HINT } from "../rating-format";
import { ProvisionalMark } from "./rating-badge";

interface LeaderboardTableProps {
  board: Leaderboard;
  modeName: string;
  /** Quick match this mode, from the empty board's call to play. */
  onPlay: () => void;
}

/** One mode's top players, the player's own row marked in it or pinned under it, or the empty board. */
export function LeaderboardTable({ board, modeName, onPlay }: LeaderboardTableProps) {
  if (board.top.length === 0) {
    return (
      <div className="leaderboard-empty" data-testid="leaderboard-empty">
        <p className="leaderboard-empty-title">No rated games yet — be the first</p>
        <p>Win a rated game of {modeName} (every quick match counts) and the top spot is yours.</p>
        <button type="button" className="button button--primary button--small" onClick={onPlay}>
          Quick match
        </button>
      </div>
    );
  }

  const { rows, pinned } = leaderboardView(board);
  const summary = boardSummary(board);
  return (
    <>
      <p className="leaderboard-summary">
        <span data-testid="leaderboard-summary">{summary}</span>
        {rows.some(({ row }) => row.provisional) && (
          <span className="leaderboard-legend" aria-hidden="true">
            <span className="rating-provisional">?</span> provisional
          </span>
        )}
      </p>
      <table className="leaderboard-table">
        <caption className="visually-hidden">
          {modeName} leaderboard: {summary}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="leaderboard-rank">
              <span aria-hidden="true">#</span>
              <span className="visually-hidden">Rank</span>
            </th>
            <th scope="col">Player</th>
            <th scope="col" className="leaderboard-rating">
              Rating
            </th>
            <th scope="col" className="leaderboard-games">
              Games
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ row, you }, index) => (
            <Row key={`${row.rank}-${index}`} row={row} you={you} />
          ))}
        </tbody>
      </table>
      {pinned ? (
        <p className="leaderboard-you" data-testid="leaderboard-you">
          <span className="badge badge--you">You</span>
          <span className="visually-hidden">: </span>
          <span className="leaderboard-you-place">
            <strong>{formatRank(pinned.rank)}</strong> of {formatCount(board.total)}
          </span>
          <span className="visually-hidden">, rating </span>
          <Rating row={pinned} />
          <span className="leaderboard-you-games">{formatGames(pinned.games)}</span>
        </p>
      ) : (
        board.you === null && (
          <p className="leaderboard-unplaced" data-testid="leaderboard-you" data-unplaced="">
            You're not on this board yet: finish a rated game of {modeName} to get your place.
          </p>
        )
      )}
    </>
  );
}

function Row({ row, you }: { row: LeaderboardRow; you: boolean }) {
  return (
    <tr data-testid="leaderboard-row" data-you={you || undefined} aria-current={you || undefined}>
      <td className="leaderboard-rank">
        <span className="leaderboard-place" data-medal={medal(row.rank) ?? undefined}>
          {row.rank}
        </span>
      </td>
      <th scope="row" className="leaderboard-player">
        <span className="leaderboard-who">
          <span className="leaderboard-name">{row.name}</span>
          {you && (
            <span className="badge badge--you">
              <span className="visually-hidden">, </span>You
            </span>
          )}
        </span>
      </th>
      <td className="leaderboard-rating">
        <Rating row={row} />
      </td>
      <td className="leaderboard-games">{formatCount(row.games)}</td>
    </tr>
  );
}

function Rating({ row }: { row: LeaderboardRow }) {
  return (
    <span
      className="leaderboard-value"
      data-testid="leaderboard-rating"
      title={row.provisional ? PROVISIONAL_HINT : undefined}
    >
      {row.value}
      {row.provisional && <ProvisionalMark />}
    </span>
  );
}
