import type { RoomView, SeatView } from "@lobby/contracts";
import { useId, useState } from "react";
import { listNames } from "../match-outcome";
import { partyRole } from "../party-state";
import { leaveRoom, requestRematch } from "../room-actions";
import { labelOf, type NameLabels } from "../room-names";
import { useLobbyStore } from "../store";
import { ConfirmDialog } from "./confirm-dialog";
import { NewMatchButton } from "./new-match";

interface GameActionsProps {
  room: RoomView;
  /** The viewer's seat; null for a spectator (who can only leave). */
  me: SeatView | null;
  minPlayers: number;
  /** What to call players whose name someone else in the room shares. */
  names: NameLabels;
}

/**
 * Play again / Find a new match / Leave, with a line saying what the rematch
 * is waiting for and, in a party, who searches for the next match.
 */
export function GameActions({ room, me, minPlayers, names }: GameActionsProps) {
  const noteId = useId();
  const partyView = useLobbyStore((s) => s.party);
  const myId = useLobbyStore((s) => s.session?.player.id ?? "");
  const [confirmLeave, setConfirmLeave] = useState(false);
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
  const named = (seats: SeatView[]) => listNames(seats.map((seat) => labelOf(names, seat.player)));
  // Leaving a game that is on loses it: ask first. A game that ends meanwhile needs no asking.
  const forfeits = room.phase === "playing" && me.status !== "left";
  if (confirmLeave && !forfeits) setConfirmLeave(false);
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
          ? `${named(left)} left the room. ${canSearchAgain ? "Find a new match, or head back to the lobby." : "Head back to the lobby for a new match."}`
          : reconnecting
            ? `${labelOf(names, reconnecting.player)} is reconnecting…`
            : me.wantsRematch
              ? `Waiting for ${named(present.filter((seat) => !seat.wantsRematch))}…`
              : asking.length > 0
                ? `${named(asking)} ${asking.length === 1 ? "wants" : "want"} a rematch!`
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
        <button
          type="button"
          className="button button--ghost"
          aria-haspopup={forfeits ? "dialog" : undefined}
          onClick={forfeits ? () => setConfirmLeave(true) : leaveRoom}
        >
          Leave
        </button>
      </div>
      {confirmLeave && (
        <ConfirmDialog
          title="Leave and lose this game?"
          confirmLabel="Leave and forfeit"
          cancelLabel="Keep playing"
          danger
          onConfirm={leaveRoom}
          onClose={() => setConfirmLeave(false)}
        >
          <p>
            The game is still on: leaving now counts as a loss
            {room.rated ? " and costs you rating" : ""}
            {room.seats.length > 2 ? ", and the others play on without you" : ""}.
          </p>
        </ConfirmDialog>
      )}
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
