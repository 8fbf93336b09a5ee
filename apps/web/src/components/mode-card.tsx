import type { ModeInfo } from "@lobby/contracts";
import { quickMatch } from "../room-actions";
import { ModeArt } from "./mode-art";

interface ModeCardProps {
  mode: ModeInfo;
  waiting: number | null;
  /** This player is currently queued for this mode. */
  searching: boolean;
}

export function playerRange(mode: Pick<ModeInfo, "minPlayers" | "maxPlayers">): string {
  return mode.minPlayers === mode.maxPlayers
    ? `${mode.minPlayers} players`
    : `${mode.minPlayers}–${mode.maxPlayers} players`;
}

export function ModeCard({ mode, waiting, searching }: ModeCardProps) {
  return (
    <li className="mode-item">
      <article className="mode-card" data-mode={mode.id} data-searching={searching || undefined}>
        <ModeArt mode={mode.id} />
        <div className="mode-body">
          <h3 className="mode-name">{mode.name}</h3>
          <p className="mode-description">{mode.description}</p>
          <ul className="mode-meta" aria-label="Details">
            <li className="chip">{playerRange(mode)}</li>
            {mode.realtime && <li className="chip chip--live">Real-time</li>}
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
