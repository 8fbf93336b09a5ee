import type { RoomView, TrailsDirection } from "@lobby/contracts";
import { useMemo, type RefObject } from "react";
import { RoomChatPanel } from "../components/chat-panel";
import { GameActions } from "../components/game-actions";
import { RoomCountdown } from "../components/room-countdown";
import { Roster } from "../components/roster";
import { TrailsStatus } from "../components/trails-status";
import { SpectatorCount, WatchingBanner } from "../components/watching-banner";
import { roomMessages } from "../chat-state";
import { ConnectFourBoard } from "../games/connect-four/connect-four-board";
import { MatchStatus } from "../games/connect-four/match-status";
import { TrailsBoard } from "../games/trails/trails-board";
import { dropDisc, steer } from "../room-actions";
import { namesBySeat } from "../seat-style";
import { useLobbyStore } from "../store";

const onSteer = (direction: TrailsDirection) => steer(direction);

/** A game in progress or just finished, with its roster, result, rematch and chat. */
export function RoomGame({ headingRef }: { headingRef: RefObject<HTMLHeadingElement | null> }) {
  const room = useLobbyStore((s) => s.room);
  const myId = useLobbyStore((s) => s.session?.player.id ?? "");
  const watching = useLobbyStore((s) => s.watchingRoomId !== null);
  const modes = useLobbyStore((s) => s.session?.modes);
  const messages = useLobbyStore(roomMessages);
  // The arena redraws when its props change: keep the names' identity while they stay the same.
  const namesKey = useLobbyStore((s) => (s.room ? namesBySeat(s.room.seats).join("\n") : ""));
  const seatNames = useMemo(() => namesKey.split("\n"), [namesKey]);
  if (!room?.game) return null;

  const mode = modes?.find((m) => m.id === room.mode);
  const me = watching ? null : (room.seats.find((seat) => seat.player.id === myId) ?? null);
  const mySeat = me?.seat ?? null;
  const turn = room.game.mode === "connect-four" && room.phase === "playing" ? room.game.turn : null;

  return (
    <section className="room" data-game={room.game.mode} aria-labelledby="room-title">
      <header className="room-head">
        <h1 id="room-title" ref={headingRef} tabIndex={-1}>
          {mode?.name ?? room.mode}
        </h1>
        <span className="room-round">Round {room.round}</span>
        <span className="room-code-chip" title="Room code">
          <span className="visually-hidden">Room code </span>
          <span data-testid="room-code">{room.code}</span>
        </span>
      </header>

      {watching && (
        <div className="room-banner">
          <WatchingBanner spectatorCount={room.spectatorCount} />
        </div>
      )}

      <div className="room-roster">
        <Roster room={room} myPlayerId={myId} turn={turn} />
        <SpectatorCount count={room.spectatorCount} />
      </div>

      <div className="room-status">
        <Status room={room} mySeat={mySeat} turn={turn} />
      </div>

      <div className="room-board">
        {room.game.mode === "connect-four" ? (
          <ConnectFourBoard
            view={room.game}
            mySeat={mySeat}
            myTurn={mySeat !== null && turn === mySeat}
            finished={room.phase === "finished"}
            round={room.round}
            onDrop={dropDisc}
          />
        ) : (
          <TrailsBoard
            view={room.game}
            mySeat={mySeat}
            seatNames={seatNames}
            onSteer={onSteer}
          />
        )}
      </div>

      <div className="room-actions-area">
        <GameActions room={room} me={me} minPlayers={mode?.minPlayers ?? 2} />
      </div>

      <div className="room-chat-area">
        <RoomChatPanel messages={messages} watching={watching} emptyText="No messages yet." />
      </div>
    </section>
  );
}

function Status({ room, mySeat, turn }: { room: RoomView; mySeat: number | null; turn: number | null }) {
  if (room.game?.mode === "trails") return <TrailsStatus room={room} view={room.game} mySeat={mySeat} />;
  if (room.phase === "countdown" && room.countdownEndsAt !== null) {
    return (
      <div className="match-status" data-testid="match-status" data-tone="active">
        <RoomCountdown endsAt={room.countdownEndsAt} label="Next round in" />
      </div>
    );
  }
  return <MatchStatus seats={room.seats} mySeat={mySeat} turn={turn} result={room.result} />;
}
