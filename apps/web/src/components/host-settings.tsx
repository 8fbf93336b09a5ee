import type { ModeInfo, RoomView, Visibility } from "@lobby/contracts";
import { useId, useState } from "react";
import { updateRoomSettings } from "../room-actions";

/**
 * The host's seat count and visibility, applied as soon as they change. The
 * control shows the new value at once and falls back to the room's if the
 * server refuses.
 */
export function HostSettings({ room, mode }: { room: RoomView; mode: ModeInfo | undefined }) {
  const seatsId = useId();
  const privateId = useId();
  const [wantSeats, setWantSeats] = useState<number | null>(null);
  const [wantVisibility, setWantVisibility] = useState<Visibility | null>(null);
  const locked = room.phase !== "waiting";
  const min = Math.max(mode?.minPlayers ?? 1, room.seats.length);
  const max = mode?.maxPlayers ?? room.maxPlayers;
  // A wish the server has since confirmed (or that failed) is simply the room's value again.
  const seats = wantSeats ?? room.maxPlayers;
  const visibility = wantVisibility ?? room.visibility;
  const options = Array.from({ length: Math.max(0, max - min + 1) }, (_, i) => min + i);
  for (const count of [room.maxPlayers, seats]) if (!options.includes(count)) options.push(count);
  options.sort((a, b) => a - b);

  function changeSeats(value: number) {
    setWantSeats(value);
    void updateRoomSettings({ maxPlayers: value }).then((ok) => {
      if (!ok) setWantSeats(null);
    });
  }

  function changeVisibility(value: Visibility) {
    setWantVisibility(value);
    void updateRoomSettings({ visibility: value }).then((ok) => {
      if (!ok) setWantVisibility(null);
    });
  }

  return (
    <section className="host-settings" aria-label="Room settings">
      <h2 className="panel-title">Room settings</h2>
      <div className="host-settings-row">
        <label htmlFor={seatsId} className="field-label">
          Seats
        </label>
        <select
          id={seatsId}
          className="select-input select-input--small"
          value={seats}
          disabled={locked || options.length < 2}
          onChange={(event) => changeSeats(Number(event.target.value))}
        >
          {options.map((count) => (
            <option key={count} value={count}>
              {count}
            </option>
          ))}
        </select>
      </div>
      <div className="host-settings-row">
        <input
          id={privateId}
          type="checkbox"
          checked={visibility === "private"}
          disabled={locked}
          onChange={(event) => changeVisibility(event.target.checked ? "private" : "public")}
        />
        <label htmlFor={privateId} className="check-label">
          Private room
        </label>
      </div>
      <p className="field-hint">
        {visibility === "private"
          ? "Hidden from the room browser: only people with the code or link can join."
          : "Listed in the room browser: anyone in the lobby can join."}
      </p>
    </section>
  );
}
