import type { RoomView, SeatView } from "@lobby/contracts";
import type { SeatNote } from "@lobby/game-kit/web";
import { gameWeb } from "../game-web";
import { seatRatingView } from "../rating-format";
import { useLobbyStore } from "../store";
import { kickPlayer } from "../room-actions";
import { LatencyBadge } from "./latency-badge";
import { RatingDelta, SeatRating } from "./rating-badge";
import { SeatStatusText } from "./seat-status";

interface RosterProps {
  room: RoomView;
  /** The viewer's player id; a spectator matches no seat. */
  myPlayerId: string;
  /** Turn-based games: the seat to move, highlighted; null when nobody is. */
  turn?: number | null;
}

/**
 * Everyone seated. Before the start it shows readiness, open seats and the
 * host's kick buttons; during and after a game, connection, rider state and
 * rematch requests. Every seat shows its rating, and after a rated result how
 * much it moved.
 */
export function Roster({ room, myPlayerId, turn = null }: RosterProps) {
  const latency = useLobbyStore((s) => (s.latency?.roomId === room.id ? s.latency.rttMs : null));
  const pregame = room.phase === "waiting" || (room.phase === "countdown" && room.game === null);
  const amHost = room.hostId !== null && room.hostId === myPlayerId;
  const web = gameWeb(room.mode);
  const won = (seat: number) =>
    room.phase !== "playing" && room.result?.kind === "win" && room.result.winners.includes(seat);
  const openSeats = pregame ? Math.max(0, room.maxPlayers - room.seats.length) : 0;

  return (
    <ul className="roster" data-testid="roster" data-pregame={pregame || undefined} aria-label="Players">
      {room.seats.map((seat) => (
        <SeatRow
          key={seat.player.id}
          room={room}
          seat={seat}
          isMe={seat.player.id === myPlayerId}
          isHost={seat.player.id === room.hostId}
          pregame={pregame}
          canKick={pregame && amHost && seat.player.id !== myPlayerId}
          turn={turn === seat.seat}
          note={room.game && !pregame ? (web.seatNote?.(room.game, seat.seat, won(seat.seat)) ?? null) : null}
          rttMs={latency?.[seat.player.id] ?? null}
        />
      ))}
      {/* A couple of empty chairs show the shape of the table; more just say how many. */}
      {Array.from({ length: openSeats > 2 ? 1 : openSeats }, (_, index) => (
        <li key={`open-${index}`} className="roster-seat roster-seat--open">
          <span className="roster-disc roster-disc--open" aria-hidden="true" />
          <span className="roster-body">
            <span className="roster-name">{openSeats > 2 ? `${openSeats} open seats` : "Open seat"}</span>
            <span className="roster-meta">Waiting for players to join…</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

interface SeatRowProps {
  room: RoomView;
  seat: SeatView;
  isMe: boolean;
  isHost: boolean;
  pregame: boolean;
  canKick: boolean;
  turn: boolean;
  /** The game's note on this seat ("Crashed · 12"), while a game is on. */
  note: SeatNote | null;
  rttMs: number | null;
}

function SeatRow({ room, seat, isMe, isHost, pregame, canKick, turn, note, rttMs }: SeatRowProps) {
  const web = gameWeb(room.mode);
  const finished = room.phase === "finished";
  const name = seat.player.name;
  const rating = seatRatingView(seat, room);
  return (
    <li
      className="roster-seat"
      data-testid={`seat-${name}`}
      data-seat={seat.seat}
      data-status={seat.status}
      data-ready={(pregame && seat.ready) || undefined}
      data-turn={turn || undefined}
      data-out={note?.tone === "out" || undefined}
      style={web.seatStyle?.(seat.seat, seat.team)}
    >
      <span className="roster-disc" data-seat={seat.seat} aria-hidden="true" />
      <span className="roster-body">
        <span className="roster-top">
          <span className="roster-name" title={name}>
            {name}
          </span>
          {rating && (
            <span className="roster-rating">
              <SeatRating view={rating} />
              {rating.delta && <RatingDelta {...rating.delta} />}
            </span>
          )}
          {seat.status === "connected" && <LatencyBadge rttMs={rttMs} isMe={isMe} />}
        </span>
        <span className="roster-meta">
          {isMe && <span className="badge badge--you">You</span>}
          {isHost && <span className="badge badge--host">Host</span>}
          {web.seatLabel && <span className="visually-hidden">{web.seatLabel(seat.seat, seat.team)} </span>}
          {pregame ? (
            seat.ready ? (
              <span className="seat-status seat-status--ok">
                <span aria-hidden="true">✓ </span>Ready
              </span>
            ) : (
              <span className="seat-status seat-status--idle">Not ready</span>
            )
          ) : note && seat.status !== "left" ? (
            <span className={`seat-status seat-status--${note.tone === "out" ? "crashed" : "ok"}`}>{note.text}</span>
          ) : (
            <SeatStatusText seat={seat} />
          )}
          {finished && seat.wantsRematch && seat.status === "connected" && (
            <span className="badge badge--rematch">Wants a rematch</span>
          )}
        </span>
      </span>
      {turn && <span className="roster-turn">{isMe ? "Your move" : "Moving"}</span>}
      {canKick && (
        <button
          type="button"
          className="button button--danger button--tiny"
          aria-label={`Kick ${name}`}
          onClick={() => kickPlayer(seat.player.id)}
        >
          Kick
        </button>
      )}
    </li>
  );
}
