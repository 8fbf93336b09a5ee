import type { ModeInfo, RoomView, SeatView } from "@lobby/contracts";
import { useId } from "react";
import { listNames } from "../match-outcome";
import { setReady, startGame } from "../room-actions";

interface ReadyControlsProps {
  room: RoomView;
  me: SeatView;
  mode: ModeInfo | undefined;
}

/** Why the game cannot start yet (null when it can), from the host's point of view. */
export function startBlocker(room: RoomView, me: SeatView, minPlayers: number): string | null {
  if (room.phase === "countdown") return "The countdown is running.";
  const missing = minPlayers - room.seats.length;
  if (missing > 0) {
    return `Waiting for ${missing} more ${missing === 1 ? "player" : "players"} to join (at least ${minPlayers}).`;
  }
  const unready = room.seats.filter((seat) => !seat.ready);
  if (unready.length === 0) return null;
  const names = unready.map((seat) => (seat.player.id === me.player.id ? "you" : seat.player.name));
  const meToo = names.includes("you");
  const others = names.filter((name) => name !== "you");
  if (meToo && others.length === 0) return "Mark yourself ready to start.";
  return `Waiting for ${listNames(meToo ? [...others, "you"] : others)} to get ready.`;
}

/** Ready toggle for everyone seated; Start for the host; a line saying what happens next. */
export function ReadyControls({ room, me, mode }: ReadyControlsProps) {
  const noteId = useId();
  const amHost = room.hostId === me.player.id;
  const blocker = startBlocker(room, me, mode?.minPlayers ?? 1);
  const host = room.seats.find((seat) => seat.player.id === room.hostId);
  const note =
    room.phase === "countdown"
      ? "Get ready! Un-readying stops the countdown."
      : amHost
        ? (blocker ?? "Everyone's ready — start when you like.")
        : room.kind === "quick" || !host
          ? "The game starts by itself once everyone is ready."
          : blocker
            ? blocker.replace("Mark yourself ready to start.", "Mark yourself ready.")
            : `Everyone's ready — waiting for ${host.player.name} to start.`;

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
        {amHost && room.kind === "custom" && (
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
