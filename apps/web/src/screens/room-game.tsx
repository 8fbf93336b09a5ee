import type { GameView, RoomView } from "@lobby/contracts";
import type { SeatInfo } from "@lobby/game-kit/web";
import { useMemo, type RefObject } from "react";
import { RoomChatPanel } from "../components/chat-tabs";
import { GameActions } from "../components/game-actions";
import { RatedBadge } from "../components/rating-badge";
import { ResultStatus } from "../components/result-status";
import { RoomCountdown } from "../components/room-countdown";
import { Roster } from "../components/roster";
import { SpectatorCount, WatchingBanner } from "../components/watching-banner";
import { roomMessages } from "../chat-state";
import { gameWeb } from "../game-web";
import { describeOutcome } from "../match-outcome";
import { seatRatingView } from "../rating-format";
import { sendMove } from "../room-actions";
import { useLobbyStore } from "../store";

/** A game in progress or just finished, with its roster, result, rematch and chat. */
export function RoomGame({ headingRef }: { headingRef: RefObject<HTMLHeadingElement | null> }) {
  const room = useLobbyStore((s) => s.room);
  const myId = useLobbyStore((s) => s.session?.player.id ?? "");
  const watching = useLobbyStore((s) => s.watchingRoomId !== null);
  const modes = useLobbyStore((s) => s.session?.modes);
  const messages = useLobbyStore(roomMessages);
  // Boards redraw when their props change: keep the seats' identity while they stay the same.
  const seatsKey = useLobbyStore((s) => JSON.stringify(s.room ? seatInfos(s.room) : []));
  const seats = useMemo(() => JSON.parse(seatsKey) as SeatInfo[], [seatsKey]);
  if (!room?.game) return null;

  const web = gameWeb(room.mode);
  const { Board } = web;
  const mode = modes?.find((m) => m.id === room.mode);
  const me = watching ? null : (room.seats.find((seat) => seat.player.id === myId) ?? null);
  const mySeat = me?.seat ?? null;
  const turn = room.phase === "playing" ? (web.turn?.(room.game) ?? null) : null;

  return (
    <section className="room" data-game={room.game.mode} aria-labelledby="room-title">
      <header className="room-head">
        <h1 id="room-title" ref={headingRef} tabIndex={-1}>
          {mode?.name ?? room.mode}
        </h1>
        <span className="room-round">Round {room.round}</span>
        {room.rated && <RatedBadge />}
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
        <Status room={room} view={room.game} mySeat={mySeat} seats={seats} />
      </div>

      <div className="room-board">
        <Board view={room.game} mySeat={mySeat} seats={seats} phase={room.phase} round={room.round} onMove={sendMove} />
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

/** The countdown, the game's own status line while it runs, or the result. */
function Status({
  room,
  view,
  mySeat,
  seats,
}: {
  room: RoomView;
  view: GameView;
  mySeat: number | null;
  seats: SeatInfo[];
}) {
  if (room.phase === "countdown" && room.countdownEndsAt !== null) {
    return (
      <div className="match-status" data-testid="match-status" data-tone="active">
        <RoomCountdown endsAt={room.countdownEndsAt} label="Next round in" />
      </div>
    );
  }
  if (room.result && room.phase === "finished") {
    const nameOf = (seat: number) => seats.find((s) => s.seat === seat)?.name ?? `Player ${seat + 1}`;
    const mine = room.seats.find((s) => s.seat === mySeat);
    return (
      <ResultStatus
        outcome={describeOutcome(
          room.result,
          mySeat,
          nameOf,
          room.mode,
          room.seats.some((s) => s.team !== null),
        )}
        rating={mine ? seatRatingView(mine, room) : null}
      />
    );
  }
  const { Status: GameStatus } = gameWeb(room.mode);
  if (!GameStatus) return null;
  return <GameStatus view={view} mySeat={mySeat} seats={seats} phase={room.phase} round={room.round} />;
}

/** The seats as a game's web half sees them. */
function seatInfos(room: RoomView): SeatInfo[] {
  return room.seats.map((s) => ({
    seat: s.seat,
    name: s.player.name,
    playerId: s.player.id,
    connected: s.status === "connected",
  }));
}
