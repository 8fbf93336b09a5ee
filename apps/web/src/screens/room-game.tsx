import type { GameView, RoomView } from "@lobby/contracts";
import type { SeatInfo } from "@lobby/game-kit/web";
import { useMemo, type RefObject } from "react";
import { RoomChatPanel } from "../components/chat-tabs";
import { GameActions } from "../components/game-actions";
import { NotifyOffer } from "../components/notify-offer";
import { RatedBadge } from "../components/rating-badge";
import { ResultStatus } from "../components/result-status";
import { RoomCountdown } from "../components/room-countdown";
import { RoomScore } from "../components/room-score";
import { Roster } from "../components/roster";
import { useRoomNames } from "../components/use-room-names";
import { SpectatorCount, WatchingBanner } from "../components/watching-banner";
import { roomMessages } from "../chat-state";
import { gameWeb } from "../game-web";
import { describeOutcome, type Outcome } from "../match-outcome";
import { seatRatingView } from "../rating-format";
import { sendMove } from "../room-actions";
import { distinctNames, labelOf } from "../room-names";
import { useLobbyStore } from "../store";

/** A game in progress or just finished, with its roster, result, rematch and chat. */
export function RoomGame({ headingRef }: { headingRef: RefObject<HTMLHeadingElement | null> }) {
  const room = useLobbyStore((s) => s.room);
  const myId = useLobbyStore((s) => s.session?.player.id ?? "");
  const watching = useLobbyStore((s) => s.watchingRoomId !== null);
  const modes = useLobbyStore((s) => s.session?.modes);
  const messages = useLobbyStore(roomMessages);
  const names = useRoomNames();
  // While our connection is down the game's state is unknown: no "Your turn", and no moves.
  const offline = useLobbyStore((s) => s.connection !== "connected");
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
        <RoomScore room={room} names={names} />
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
        <Roster room={room} myPlayerId={myId} turn={turn} names={names} />
        <SpectatorCount count={room.spectatorCount} />
      </div>

      <div className="room-status">
        {offline && room.phase !== "finished" ? (
          <OfflineStatus watching={watching} />
        ) : (
          <Status room={room} view={room.game} mySeat={mySeat} seats={seats} />
        )}
      </div>

      {/* Offline, the board is inert (no clicks, no focus, no keys) and says why. */}
      <div className="room-board" data-offline={offline || undefined} inert={offline}>
        <Board view={room.game} mySeat={mySeat} seats={seats} phase={room.phase} round={room.round} onMove={sendMove} />
        {offline && (
          <div className="room-board-offline" data-testid="board-offline">
            <span className="spinner" aria-hidden="true" />
            {watching ? "Reconnecting…" : "Reconnecting: moves are paused"}
          </div>
        )}
      </div>

      <div className="room-actions-area">
        <GameActions room={room} me={me} minPlayers={mode?.minPlayers ?? 2} names={names} />
        {me && room.phase === "finished" && <NotifyOffer />}
      </div>

      <ResultAnnouncer outcome={outcomeOf(room, mySeat, seats)} />

      <div className="room-chat-area">
        <RoomChatPanel messages={messages} watching={watching} names={names} emptyText="No messages yet." />
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
  const outcome = outcomeOf(room, mySeat, seats);
  if (outcome) {
    const mine = room.seats.find((s) => s.seat === mySeat);
    return <ResultStatus outcome={outcome} rating={mine ? seatRatingView(mine, room) : null} />;
  }
  const { Status: GameStatus } = gameWeb(room.mode);
  if (!GameStatus) return null;
  return <GameStatus view={view} mySeat={mySeat} seats={seats} phase={room.phase} round={room.round} />;
}

/** The finished game's result in words for the viewer; null while there is none. */
function outcomeOf(room: RoomView, mySeat: number | null, seats: SeatInfo[]): Outcome | null {
  if (!room.result || room.phase !== "finished") return null;
  const nameOf = (seat: number) => seats.find((s) => s.seat === seat)?.name ?? `Player ${seat + 1}`;
  return describeOutcome(
    room.result,
    mySeat,
    nameOf,
    room.mode,
    room.seats.some((s) => s.team !== null),
  );
}

/**
 * Tells screen readers how the game ended. The region stays on the page
 * through the whole game, so the result is read out when it arrives (a live
 * region put on the page together with its words often is not).
 */
function ResultAnnouncer({ outcome }: { outcome: Outcome | null }) {
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="result-announcement">
      {outcome ? `${outcome.headline} ${outcome.detail}` : ""}
    </p>
  );
}

/** While our connection is down: the game may have moved on, and nothing here can be played. */
function OfflineStatus({ watching }: { watching: boolean }) {
  return (
    <div className="match-status" data-testid="match-status" data-tone="waiting" data-offline="true">
      <span className="match-status-lines">
        <span className="match-status-text">Connection lost</span>
        <span className="match-status-detail">
          {watching
            ? "The game may have moved on. You'll see it again once you're back online."
            : "The game may have moved on. Moves are paused until you're back online."}
        </span>
      </span>
    </div>
  );
}

/** The seats as a game's web half sees them, named as the roster names them. */
function seatInfos(room: RoomView): SeatInfo[] {
  const names = distinctNames(room.seats.map((s) => s.player));
  return room.seats.map((s) => ({
    seat: s.seat,
    name: labelOf(names, s.player),
    playerId: s.player.id,
    connected: s.status === "connected",
  }));
}
