import type { ModeInfo, QueueStatus, Search } from "@lobby/contracts";
import { useServerNow } from "../clock";
import { formatElapsed } from "../format";
import { searchLine } from "../rating-format";
import { cancelQueue } from "../room-actions";

interface QueuePanelProps {
  queue: QueueStatus;
  modes: readonly ModeInfo[];
}

/** Docked at the bottom so the mode list does not shift while searching. */
export function QueuePanel({ queue, modes }: QueuePanelProps) {
  if (queue.state === "idle") return null;
  const modeName = modes.find((m) => m.id === queue.mode)?.name ?? queue.mode;

  return (
    <aside className="queue-panel" aria-label="Matchmaking" data-state={queue.state}>
      <span className="queue-spinner" aria-hidden="true">
        <span data-seat="0" />
        <span data-seat="1" />
      </span>
      <div className="queue-text">
        <p className="queue-title" aria-live="polite">
          {queue.state === "queued" ? "Looking for players…" : "Match found! Setting up the board…"}
        </p>
        <p className="queue-detail">
          {modeName}
          {queue.state === "queued" && (
            <>
              {" · "}
              <Elapsed since={queue.joinedAt} />
            </>
          )}
        </p>
        {queue.state === "queued" && <SearchLine search={queue.search} since={queue.joinedAt} />}
      </div>
      {queue.state === "queued" && (
        <button type="button" className="button button--ghost" onClick={cancelQueue}>
          Cancel
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
function SearchLine({ search, since }: { search: Search; since: number }) {
  const now = useServerNow();
  return (
    <p className="queue-rating" data-testid="queue-rating">
      {searchLine(search, now - since)}
    </p>
  );
}
