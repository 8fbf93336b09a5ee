import type { RoomView, SeatView } from "@lobby/contracts";
import type { SeatNote } from "@lobby/game-kit/web";
import { useState } from "react";
import { gameWeb } from "../game-web";
import type { RttSample } from "../latency-state";
import { seatRatingView } from "../rating-format";
import { kickPlayer } from "../room-actions";
import { ConfirmDialog } from "./confirm-dialog";
import { LatencyBadge } from "./latency-badge";
import { LinkIcon } from "./party-icons";
import { RatingDelta, SeatRating } from "./rating-badge";
import { SeatStatusText } from "./seat-status";

export interface SeatRowProps {
  room: RoomView;
  seat: SeatView;
  /** The player's name as the room shows it ("Alex (2)" when another Alex is here). */
  name: string;
  isMe: boolean;
  isHost: boolean;
  pregame: boolean;
  /** Our own connection is down: this seat's state is unknown. */
  offline: boolean;
  canKick: boolean;
  turn: boolean;
  /** The game's note on this seat ("Crashed · 12"), while a game is on. */
  note: SeatNote | null;
  /** The player's recent round trips, as the room reported them. */
  rtt: readonly RttSample[] | undefined;
  /** The game runs in real time, where round trips matter more. */
  realtime: boolean;
  /** The seat came with others as a party: their shared number; null when it came alone. */
  partyMark: number | null;
}

/** One seat of the roster: colour, name, rating, round trip, and where the player is. */
export function SeatRow(props: SeatRowProps) {
  const { room, seat, name, isMe, isHost, pregame, offline, canKick, turn, note, rtt, realtime, partyMark } = props;
  const [confirmKick, setConfirmKick] = useState(false);
  const web = gameWeb(room.mode);
  const finished = room.phase === "finished";
  const rating = seatRatingView(seat, room);
  // A quick-match room readies everyone by itself: readiness is nobody's business there.
  const readiness = pregame && room.kind === "custom";
  return (
    <li
      className="roster-seat"
      data-testid={`seat-${name}`}
      data-seat={seat.seat}
      data-status={offline ? "unknown" : seat.status}
      data-team={seat.team ?? undefined}
      data-party={partyMark ?? undefined}
      data-ready={(readiness && seat.ready) || undefined}
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
        </span>
        <span className="roster-meta">
          {isMe && <span className="badge badge--you">You</span>}
          {isHost && <span className="badge badge--host">Host</span>}
          {partyMark !== null && <PartyMark number={partyMark} />}
          {web.seatLabel && <span className="visually-hidden">{web.seatLabel(seat.seat, seat.team)} </span>}
          {offline ? (
            <span className="seat-status seat-status--unknown">Status unknown</span>
          ) : readiness ? (
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
          {finished && seat.wantsRematch && seat.status === "connected" && !offline && (
            <span className="badge badge--rematch">Wants a rematch</span>
          )}
          {seat.status === "connected" && !offline && <LatencyBadge samples={rtt} realtime={realtime} />}
        </span>
      </span>
      {turn && <span className="roster-turn">{isMe ? "Your move" : "Moving"}</span>}
      {canKick && (
        <button
          type="button"
          className="button button--danger button--tiny"
          aria-label={`Kick ${name}`}
          aria-haspopup="dialog"
          onClick={() => setConfirmKick(true)}
        >
          Kick
        </button>
      )}
      {confirmKick && (
        <ConfirmDialog
          title={`Kick ${name}?`}
          confirmLabel={`Kick ${name}`}
          danger
          onConfirm={() => kickPlayer(seat.player.id)}
          onClose={() => setConfirmKick(false)}
        >
          <p>{name} will be removed from the room and can't come back to it, not even with its code or link.</p>
        </ConfirmDialog>
      )}
    </li>
  );
}

/** Seats that came together as a party share this mark: a link and the party's number in the room. */
function PartyMark({ number }: { number: number }) {
  return (
    <span className="badge badge--party" data-testid="party-mark" title={`Came together as party ${number}`}>
      <LinkIcon className="badge-party-icon" />
      <span aria-hidden="true">{number}</span>
      <span className="visually-hidden">Party {number}.</span>
    </span>
  );
}
