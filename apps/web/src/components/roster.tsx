import type { SeatView } from "@lobby/contracts";
import { useServerNow } from "../clock";
import { secondsLeft } from "../format";
import { seatColour } from "../games/connect-four/connect-four-logic";

interface RosterProps {
  seats: readonly SeatView[];
  myPlayerId: string;
  /** Seat to move, highlighted; null when nobody is. */
  turn: number | null;
  finished: boolean;
}

export function Roster({ seats, myPlayerId, turn, finished }: RosterProps) {
  return (
    <ul className="roster" data-testid="roster" aria-label="Players">
      {seats.map((seat) => {
        const isMe = seat.player.id === myPlayerId;
        return (
          <li
            key={seat.seat}
            className="roster-seat"
            data-seat={seat.seat}
            data-status={seat.status}
            data-turn={turn === seat.seat || undefined}
          >
            <span className="roster-disc" data-seat={seat.seat} aria-hidden="true" />
            <span className="roster-body">
              <span className="roster-name" title={seat.player.name}>
                {seat.player.name}
              </span>
              <span className="roster-meta">
                {isMe && <span className="badge badge--you">You</span>}
                <span className="visually-hidden">{seatColour(seat.seat)} discs. </span>
                <SeatStatusText seat={seat} />
                {finished && seat.wantsRematch && seat.status === "connected" && (
                  <span className="badge badge--rematch">Wants a rematch</span>
                )}
              </span>
            </span>
            {turn === seat.seat && <span className="roster-turn">{isMe ? "Your move" : "Moving"}</span>}
          </li>
        );
      })}
    </ul>
  );
}

function SeatStatusText({ seat }: { seat: SeatView }) {
  if (seat.status === "left") {
    return <span className="seat-status seat-status--left">Left the room</span>;
  }
  if (seat.status === "disconnected") {
    return seat.graceEndsAt === null ? (
      <span className="seat-status seat-status--away">Reconnecting…</span>
    ) : (
      <GraceCountdown endsAt={seat.graceEndsAt} />
    );
  }
  return <span className="seat-status seat-status--ok">Connected</span>;
}

// Its own component so only this line re-renders on every clock tick.
function GraceCountdown({ endsAt }: { endsAt: number }) {
  const now = useServerNow();
  return (
    <span className="seat-status seat-status--away">
      Reconnecting… forfeits in {secondsLeft(endsAt, now)}s
    </span>
  );
}
