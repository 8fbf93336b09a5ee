import type { RoomView, SeatView } from "@lobby/contracts";
import { useEffect, useId, useRef } from "react";
import { Roster } from "../components/roster";
import { ConnectFourBoard } from "../games/connect-four/connect-four-board";
import { MatchStatus } from "../games/connect-four/match-status";
import { dropDisc, leaveRoom, requestRematch } from "../lobby-connection";
import { useLobbyStore } from "../store";

export function RoomScreen() {
  const room = useLobbyStore((s) => s.room);
  const myId = useLobbyStore((s) => s.session?.player.id ?? "");
  const heading = useRef<HTMLHeadingElement>(null);

  // Entering a match is a context switch: move focus so keyboard and
  // screen-reader users start at the top of the new screen.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  if (!room) return null;
  const me = room.seats.find((seat) => seat.player.id === myId);
  if (!me) return null;
  const game = room.game;
  const finished = room.phase === "finished";
  // A game ended by leaving or forfeit still names a seat to move; nobody is.
  const turn = finished ? null : game.turn;
  const mode = game.mode === "connect-four" ? "Connect Four" : room.mode;

  return (
    <section className="room" aria-labelledby="room-title">
      <header className="room-head">
        <h1 id="room-title" ref={heading} tabIndex={-1}>
          {mode}
        </h1>
        <span className="room-round">Round {room.round}</span>
      </header>

      <div className="room-roster">
        <Roster seats={room.seats} myPlayerId={myId} turn={turn} finished={finished} />
      </div>

      <div className="room-status">
        <MatchStatus seats={room.seats} mySeat={me.seat} turn={turn} result={room.result} />
      </div>

      <div className="room-board">
        <ConnectFourBoard
          view={game}
          mySeat={me.seat}
          myTurn={turn === me.seat}
          finished={finished}
          round={room.round}
          onDrop={dropDisc}
        />
      </div>

      <RoomActions room={room} me={me} />
    </section>
  );
}

function RoomActions({ room, me }: { room: RoomView; me: SeatView }) {
  const noteId = useId();
  const finished = room.phase === "finished";
  const others = room.seats.filter((seat) => seat.seat !== me.seat);
  const gone = others.find((seat) => seat.status !== "connected");
  const asking = others.filter((seat) => seat.wantsRematch);
  const names = (seats: SeatView[]) => seats.map((seat) => seat.player.name).join(" and ");

  // Rematch needs everyone still connected; say why instead of failing on click.
  const note = !finished
    ? "Leaving now forfeits the game."
    : gone
      ? gone.status === "left"
        ? `${gone.player.name} left the room. Head back to the lobby for a new match.`
        : `${gone.player.name} is reconnecting…`
      : me.wantsRematch
        ? `Waiting for ${names(others.filter((seat) => !seat.wantsRematch))}…`
        : asking.length > 0
          ? `${names(asking)} wants a rematch!`
          : "Fancy another round?";

  return (
    <div className="room-actions">
      <div className="room-actions-buttons">
        {finished && (
          <button
            type="button"
            className="button button--primary"
            disabled={me.wantsRematch || gone !== undefined}
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
        data-highlight={(finished && !me.wantsRematch && asking.length > 0 && !gone) || undefined}
        aria-live="polite"
      >
        {note}
      </p>
    </div>
  );
}
