import type { ModeInfo, RoomView, SeatView } from "@lobby/contracts";
import { useId } from "react";
import { listNames } from "../match-outcome";
import { setReady, startGame } from "../room-actions";
import { labelOf, type NameLabels } from "../room-names";

interface ReadyControlsProps {
  room: RoomView;
  me: SeatView;
  mode: ModeInfo | undefined;
  names: NameLabels;
}

/** Why the game cannot start yet (null when it can), from the host's point of view. */
export function startBlocker(room: RoomView, me: SeatView, minPlayers: number, names: NameLabels): string | null {
  if (room.phase === "countdown") return "The countdown is running.";
  const missing = minPlayers - room.seats.length;
  if (missing > 0) {
    return `Waiting for ${missing} more ${missing === 1 ? "player" : "players"} to join (at least ${minPlayers}).`;
  }
  const unready = room.seats.filter((seat) => !seat.ready);
  if (unready.length === 0) return null;
  const who = unready.map((seat) => (seat.player.id === me.player.id ? "you" : labelOf(names, seat.player)));
  const meToo = who.includes("you");
  const others = who.filter((name) => name !== "you");
  if (meToo && others.length === 0) return "Mark yourself ready to start.";
  return `Waiting for ${listNames(meToo ? [...others, "you"] : others)} to get ready.`;
}

/**
 * Ready toggle for everyone seated; Start for the host; a line saying what
 * happens next. A quick-match room has neither: its seats come ready and it
 * counts down by itself, so there is nothing for a player to press (and no
 * way to hold the room up by un-readying without meaning to).
 */
export function ReadyControls({ room, me, mode, names }: ReadyControlsProps) {
  const noteId = useId();
  if (room.kind === "quick") return <QuickRoomNote room={room} minPlayers={mode?.minPlayers ?? 1} />;
  const amHost = room.hostId === me.player.id;
  const blocker = startBlocker(room, me, mode?.minPlayers ?? 1, names);
  const host = room.seats.find((seat) => seat.player.id === room.hostId);
  const note =
    room.phase === "countdown"
      ? "Get ready! Un-readying stops the countdown."
      : amHost
        ? (blocker ?? "Everyone's ready — start when you like.")
        : !host
          ? "The game starts by itself once everyone is ready."
          : blocker
            ? blocker.replace("Mark yourself ready to start.", "Mark yourself ready.")
            : `Everyone's ready — waiting for ${labelOf(names, host.player)} to start.`;

  return (
    <div className="ready-controls">
      <div className="ready-buttons">
        <button
          type="button"
          className="button ready-toggle"
          aria-pressed={me.ready}
          onClick={() => setReady(!me.ready)}
        >
          <span className="ready-box" aria-hidden="true">
            {me.ready ? "✓" : ""}
          </span>
          Ready
        </button>
        {amHost && (
          <button
            type="button"
            className="button button--primary"
            disabled={blocker !== null}
            aria-describedby={noteId}
            onClick={startGame}
          >
            Start game
          </button>
        )}
      </div>
      <p id={noteId} className="ready-note" data-ok={(amHost && blocker === null) || undefined} aria-live="polite">
        {note}
      </p>
    </div>
  );
}

/** A quick-match room before its game: what it is waiting for, with nothing to press. */
function QuickRoomNote({ room, minPlayers }: { room: RoomView; minPlayers: number }) {
  const missing = minPlayers - room.seats.length;
  const note =
    room.phase === "countdown"
      ? room.seats.length < room.maxPlayers
        ? "Match found! The game starts when the countdown ends; more players may join until then."
        : "Match found! The game starts when the countdown ends."
      : missing > 0
        ? `Waiting for ${missing} more ${missing === 1 ? "player" : "players"}: the game starts by itself.`
        : "The game starts by itself in a moment.";
  return (
    <p className="ready-note ready-note--quick" data-testid="quick-room-note" aria-live="polite">
      {note}
    </p>
  );
}
