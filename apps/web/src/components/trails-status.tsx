import type { RoomView, TrailsView } from "@lobby/contracts";
import { ResultStatus } from "../games/connect-four/match-status";
import { describeOutcome } from "../match-outcome";
import { RoomCountdown } from "./room-countdown";

/** The status line for Trails: the countdown, how the viewer is doing, or the result. */
export function TrailsStatus({ room, view, mySeat }: { room: RoomView; view: TrailsView; mySeat: number | null }) {
  const nameOf = (seat: number) =>
    room.seats.find((s) => s.seat === seat)?.player.name ?? `Player ${seat + 1}`;

  if (room.phase === "countdown" && room.countdownEndsAt !== null) {
    return (
      <div className="match-status" data-testid="match-status" data-tone="active">
        <RoomCountdown endsAt={room.countdownEndsAt} label="Next round in" />
      </div>
    );
  }
  if (room.result && room.phase === "finished") {
    return <ResultStatus outcome={describeOutcome(room.result, mySeat, nameOf, "trails")} />;
  }

  const alive = view.riders.filter((rider) => rider.alive).length;
  const mine = mySeat === null ? null : (view.riders.find((rider) => rider.seat === mySeat) ?? null);
  const riding = mine?.alive ?? false;
  const text = !mine ? `${alive} ${alive === 1 ? "rider" : "riders"} left` : riding ? "Ride!" : "You crashed";
  const detail = !mine
    ? "The last rider standing wins."
    : riding
      ? "Don't hit a wall or a trail. The last rider standing wins."
      : `Your trail reached ${mine.length}. ${alive} still riding.`;
  return (
    <div className="match-status" data-testid="match-status" data-tone={riding ? "active" : "waiting"}>
      <span className="match-status-lines">
        <span className="match-status-text">{text}</span>
        <span className="match-status-detail">{detail}</span>
      </span>
    </div>
  );
}
