import type { ModeInfo } from "@lobby/contracts";
import { quickMatch } from "../lobby-connection";

// A little board with a diagonal four, as the card's picture.
const ART = ["", "", "", "0", "", "", "0", "1", "", "0", "1", "1", "0", "1", "1", "0"];

interface ModeCardProps {
  mode: ModeInfo;
  waiting: number | null;
  /** This player is currently queued for this mode. */
  searching: boolean;
}

export function ModeCard({ mode, waiting, searching }: ModeCardProps) {
  const players =
    mode.minPlayers === mode.maxPlayers
      ? `${mode.minPlayers} players`
      : `${mode.minPlayers}–${mode.maxPlayers} players`;
  return (
    <li className="mode-item">
      <article className="mode-card" data-mode={mode.id} data-searching={searching || undefined}>
        <div className="mode-art" aria-hidden="true">
          {ART.map((seat, index) => (
            <span key={index} className="mode-art-disc" data-seat={seat} />
          ))}
        </div>
        <div className="mode-body">
          <h3 className="mode-name">{mode.name}</h3>
          <p className="mode-description">{mode.description}</p>
          <ul className="mode-meta" aria-label="Details">
            <li className="chip">{players}</li>
            <li className="chip" data-active={(waiting ?? 0) > 0 || undefined}>
              {waiting === null ? "…" : waiting} waiting
            </li>
            {searching && <li className="chip chip--searching">You're searching</li>}
          </ul>
        </div>
        <button
          type="button"
          className="button button--primary mode-play"
          aria-label={`Quick match ${mode.name}`}
          onClick={() => quickMatch(mode.id)}
        >
          Quick match
        </button>
      </article>
    </li>
  );
}
