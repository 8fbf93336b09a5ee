import type { ModeInfo } from "@lobby/contracts";
import { useId } from "react";
import { quickMatchBlock, type PartyRole } from "../party-state";
import { quickMatch } from "../room-actions";
import { ModeArt } from "./mode-art";

interface ModeCardProps {
  mode: ModeInfo;
  waiting: number | null;
  /** This player is currently queued for this mode. */
  searching: boolean;
  /** The player's place in their party; null when they are in none. */
  party: PartyRole | null;
}

export function playerRange(mode: Pick<ModeInfo, "minPlayers" | "maxPlayers">): string {
  return mode.minPlayers === mode.maxPlayers
    ? `${mode.minPlayers} players`
    : `${mode.minPlayers}–${mode.maxPlayers} players`;
}

export function ModeCard({ mode, waiting, searching, party }: ModeCardProps) {
  const noteId = useId();
  // A party member waits for the leader; a party too large for the mode cannot queue for it: say so here.
  const blocked = quickMatchBlock(party, mode);
  const together = party !== null && party.size > 1 && blocked === null;
  return (
    <li className="mode-item">
      <article
        className="mode-card"
        data-mode={mode.id}
        data-searching={searching || undefined}
        data-blocked={blocked ? true : undefined}
      >
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
            {searching && (
              <li className="chip chip--searching">{party ? "Your party is searching" : "You're searching"}</li>
            )}
          </ul>
        </div>
        <div className="mode-play">
          <button
            type="button"
            className="button button--primary mode-play-button"
            aria-label={`Quick match ${mode.name}${together ? ` as a party of ${party.size}` : ""}`}
            aria-describedby={blocked ? noteId : undefined}
            disabled={blocked !== null}
            onClick={() => quickMatch(mode.id)}
          >
            {together ? `Search as a party of ${party.size}` : "Quick match"}
          </button>
          {blocked && (
            <p id={noteId} className="mode-note" data-testid="mode-note">
              {blocked}
            </p>
          )}
        </div>
      </article>
    </li>
  );
}
