import type { RoomView, SeatView } from "@lobby/contracts";
import { useId } from "react";
import { listNames } from "../match-outcome";
import { partyRole } from "../party-state";
import { leaveRoom, requestRematch } from "../room-actions";
import { useLobbyStore } from "../store";
import { NewMatchButton } from "./new-match";

interface GameActionsProps {
  room: RoomView;
  /** The viewer's seat; null for a spectator (who can only leave). */
  me: SeatView | null;
  minPlayers: number;
}

/**
 * Play again / Find a new match / Leave, with a line saying what the rematch
 * is waiting for and, in a party, who searches for the next match.
 */
export function GameActions({ room, me, minPlayers }: GameActionsProps) {
  const noteId = useId();
  const partyView = useLobbyStore((s) => s.party);
  const myId = useLobbyStore((s) => s.session?.player.id ?? "");
  const party = partyRole(partyView, myId);
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
  // After a quick match, searching again (with the party, whose leader searches) is one click.
  const canSearchAgain = finished && room.kind === "quick";

  // Rematch needs enough players still here; say why instead of failing on click.
  const note =
    room.phase === "countdown"
      ? "Next round coming up!"
      : !finished
        ? "Leaving now forfeits the game."
        : !enough
          ? `${names(left)} left the room. ${canSearchAgain ? "Find a new match, or head back to the lobby." : "Head back to the lobby for a new match."}`
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
        {canSearchAgain && (!party || party.leader) && (
          <NewMatchButton mode={room.mode} primary={blocked} party={party} />
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
      {canSearchAgain && party && party.size > 1 && (
        <p className="room-actions-party" data-testid="party-next">
          {party.leader
            ? `Your party of ${party.size} searches together when you find a new match.`
            : `Waiting for ${party.leaderName} to search again: your party will be taken along.`}
        </p>
      )}
    </div>
  );
}
