import type { HistoryEntry, ModeInfo, ModeRating } from "@lobby/contracts";
import { useId } from "react";
import { useServerNow } from "../clock";
import { formatAgo } from "../format";
import { listNames } from "../match-outcome";
import {
  OUTCOME_LABEL,
  PROVISIONAL_HINT,
  describeRecord,
  formatRecord,
  historyChange,
  otherPlayers,
} from "../rating-format";
import { ProvisionalMark, RatingDelta } from "./rating-badge";

/** One card per game mode: the rating and record, or that none is set yet. */
export function ProfileRatings({ ratings, modes }: { ratings: readonly ModeRating[]; modes: readonly ModeInfo[] }) {
  const titleId = useId();
  return (
    <section className="profile-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="panel-title">
        Ratings
      </h3>
      <ul className="profile-ratings">
        {modes.map((mode) => (
          <RatingCard key={mode.id} mode={mode} rating={ratings.find((r) => r.mode === mode.id) ?? null} />
        ))}
      </ul>
    </section>
  );
}

function RatingCard({ mode, rating }: { mode: ModeInfo; rating: ModeRating | null }) {
  return (
    <li className="profile-rating" data-testid={`profile-rating-${mode.id}`} data-unrated={!rating || undefined}>
      <span className="profile-rating-mode">{mode.name}</span>
      {rating ? (
        <>
          <span className="profile-rating-value" title={rating.provisional ? PROVISIONAL_HINT : undefined}>
            {rating.value}
            {rating.provisional && <ProvisionalMark />}
          </span>
          <span className="profile-rating-record">
            <span aria-hidden="true">
              {formatRecord(rating)} <abbr title="wins–losses–draws">W–L–D</abbr>
            </span>
            <span className="visually-hidden">{describeRecord(rating)}</span>
          </span>
          {rating.provisional && <span className="profile-rating-note">Provisional</span>}
        </>
      ) : (
        <span className="profile-rating-none">Not rated yet</span>
      )}
    </li>
  );
}

interface ProfileHistoryProps {
  history: readonly HistoryEntry[];
  modes: readonly ModeInfo[];
}

/** The last games, newest first, with the other players, the outcome and the rating change. */
export function ProfileHistory({ history, modes }: ProfileHistoryProps) {
  const titleId = useId();
  const now = useServerNow();
  return (
    <section className="profile-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="panel-title">
        Last games
      </h3>
      {history.length === 0 ? (
        <p className="profile-empty" data-testid="profile-empty">
          No games yet — quick match to get rated.
        </p>
      ) : (
        <ol className="profile-history">
          {history.map((entry, index) => (
            <HistoryRow
              key={`${entry.at}-${index}`}
              entry={entry}
              modeName={modes.find((m) => m.id === entry.mode)?.name ?? entry.mode}
              others={otherPlayers(entry.players, entry.seat)}
              ago={formatAgo(now - entry.at)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

interface HistoryRowProps {
  entry: HistoryEntry;
  modeName: string;
  others: string[];
  ago: string;
}

function HistoryRow({ entry, modeName, others, ago }: HistoryRowProps) {
  const change = historyChange(entry);
  return (
    <li className="profile-game" data-testid="history-entry" data-outcome={entry.outcome}>
      <span className="profile-outcome" data-outcome={entry.outcome}>
        {OUTCOME_LABEL[entry.outcome]}
      </span>
      <span className="profile-game-body">
        <span className="profile-game-mode">{modeName}</span>
        <span className="profile-game-meta">
          {others.length > 0 && <span className="profile-game-vs">vs {listNames(others)}</span>}
          <span className="profile-game-when">{ago}</span>
        </span>
      </span>
      {change ? (
        <span className="profile-game-rating">
          <span className="profile-game-change">{change.text}</span>
          <RatingDelta text={change.delta} tone={change.tone} />
        </span>
      ) : (
        <span className="profile-game-rating profile-game-rating--unrated">Unrated</span>
      )}
    </li>
  );
}
