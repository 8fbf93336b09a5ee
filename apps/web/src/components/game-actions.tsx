import type { RoomView, SeatView } from "@lobby/contracts";
import { useId } from "react";
import { listNames } from "../match-outcome";
import { leaveRoom, requestRematch } from "../room-actions";

interface GameActionsProps {
  room: RoomView;
  /** The viewer's seat; null for a spectator (who can only leave). */
  me: SeatView | null;
  minPlayers: number;
}

/** Play again / Leave, with a line saying what the rematch is waiting for. */
export function GameActions({ room, me, minPlayers }: GameActionsProps) {
  const noteId = useId();
  const finished = room.phase === "finished";
  if (!me) {
    return (
      <div className="room-actions">
        <div className="room-actions-buttons">
          <button type="button" className="button button--ghost" onClick={leaveRoom}>
            Leave
          </button>
        </div>
      </div>
    );
  }

  const others = room.seats.filter((seat) => seat.seat !== me.seat);
  const present = others.filter((seat) => seat.status !== "left");
  const reconnecting = present.find((seat) => seat.status === "disconnected");
  const left = others.filter((seat) => seat.status === "left");
  const enough = present.length + 1 >= minPlayers;
  const asking = present.filter((seat) => seat.wantsRematch);
  const names = (seats: SeatView[]) => listNames(seats.map((seat) => seat.player.name));
  const blocked = reconnecting !== undefined || !enough;

  // Rematch needs enough players still here; say why instead of failing on click.
  const note =
    room.phase === "countdown"
      ? "Next round coming up!"
      : !finished
        ? "Leaving now forfeits the game."
        : !enough
          ? `${names(left)} left the room. Head back to the lobby for a new match.`
          : reconnecting
            ? `${reconnecting.player.name} is reconnecting…`
            : me.wantsRematch
              ? `Waiting for ${names(present.filter((seat) => !seat.wantsRematch))}…`
              : asking.length > 0
                ? `${names(asking)} ${asking.length === 1 ? "wants" : "want"} a rematch!`
                : "Fancy another round?";

  return (
    <div className="room-actions">
      <div className="room-actions-buttons">
        {finished && (
          <button
            type="button"
            className="button button--primary"
            disabled={me.wantsRematch || blocked}
            aria-describedby={noteId}
            onClick={requestRematch}
          >
            {me.wantsRematch && <span className="spinner" aria-hidden="true" />}
            Play again
          </button>
        )}
        <button type="button" className="button button--ghost" onClick={leaveRoom}>
          Leave
        </button>
      </div>
      <p
        id={noteId}
        className="room-actions-note"
        data-highlight={(finished && !me.wantsRematch && asking.length > 0 && !blocked) || undefined}
        aria-live="polite"
      >
        {note}
      </p>
    </div>
  );
}
