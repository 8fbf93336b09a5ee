import type { ModeInfo, QueueStatus, Search } from "@lobby/contracts";
import { useServerNow } from "../clock";
import { formatElapsed } from "../format";
import type { PartyRole } from "../party-state";
import { searchLine } from "../rating-format";
import { cancelQueue } from "../room-actions";

interface QueuePanelProps {
  queue: QueueStatus;
  modes: readonly ModeInfo[];
  /** The player's place in their party (the party searches as one); null when they are in none. */
  party: PartyRole | null;
}

/** Docked at the bottom so the mode list does not shift while searching. */
export function QueuePanel({ queue, modes, party }: QueuePanelProps) {
  if (queue.state === "idle") return null;
  const modeName = modes.find((m) => m.id === queue.mode)?.name ?? queue.mode;
  const together = party !== null && party.size > 1;
  // A member's search is the leader's: say whose, so the wait is not a mystery.
  const title =
    queue.state === "matched"
      ? "Match found! Setting up the board…"
      : together && !party.leader
        ? `${party.leaderName} is searching for ${modeName}…`
        : "Looking for players…";

  return (
    <aside className="queue-panel" aria-label="Matchmaking" data-state={queue.state}>
      <span className="queue-spinner" aria-hidden="true">
        <span data-seat="0" />
        <span data-seat="1" />
      </span>
      <div className="queue-text">
        <p className="queue-title" aria-live="polite">
          {title}
        </p>
        <p className="queue-detail">
          {!together ? modeName : party.leader ? `${modeName} · party of ${party.size}` : `Party of ${party.size}`}
          {queue.state === "queued" && (
            <>
              {" · "}
              <Elapsed since={queue.joinedAt} />
            </>
          )}
        </p>
        {queue.state === "queued" && <SearchLine search={queue.search} since={queue.joinedAt} party={together} />}
      </div>
      {queue.state === "queued" && (
        <button type="button" className="button button--ghost" onClick={cancelQueue}>
          {together ? "Stop search" : "Cancel"}
        </button>
      )}
    </aside>
  );
}

function Elapsed({ since }: { since: number }) {
  const now = useServerNow();
  return (
    <span className="queue-elapsed" data-testid="queue-elapsed">
      <span className="visually-hidden">Waiting for </span>
      {formatElapsed(now - since)}
    </span>
  );
}

/** The player's rating and how far from it quick match looks, widening as the wait goes on. */
function SearchLine({ search, since, party }: { search: Search; since: number; party: boolean }) {
  const now = useServerNow();
  return (
    <p className="queue-rating" data-testid="queue-rating">
      {searchLine(search, now - since, party ? "Party rating" : "Your rating")}
    </p>
  );
}
