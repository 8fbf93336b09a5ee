import { useServerNow } from "../clock";
import { secondsLeft } from "../format";

/** "Starting in 3…", counted on the server's clock. */
export function RoomCountdown({ endsAt, label = "Starting in" }: { endsAt: number; label?: string }) {
  const now = useServerNow();
  const seconds = secondsLeft(endsAt, now);
  return (
    <div className="countdown" data-testid="countdown" role="timer" aria-live="off">
      <span className="countdown-number" key={seconds} aria-hidden="true">
        {seconds}
      </span>
      <span className="countdown-text">{seconds > 0 ? `${label} ${seconds}…` : "Here we go!"}</span>
    </div>
  );
}
