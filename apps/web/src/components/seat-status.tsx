import type { SeatView } from "@lobby/contracts";
import { useServerNow } from "../clock";
import { secondsLeft } from "../format";

/** Connected, reconnecting (with the forfeit countdown) or gone. */
export function SeatStatusText({ seat }: { seat: SeatView }) {
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
  return <span className="seat-status seat-status--away">Reconnecting… forfeits in {secondsLeft(endsAt, now)}s</span>;
}
