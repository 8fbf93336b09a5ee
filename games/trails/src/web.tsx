import { defineGameWeb, discColours, StatusLine, type BoardProps, type GameViewProps } from "@lobby/game-kit/web";
import { useMemo } from "react";
import type { TrailsDirection, TrailsMove, TrailsView } from "./schemas";
import { TrailsBoard } from "./web/trails-board";
import { TRAILS_COLOURS } from "./web/trails-logic";

/** The lobby card's picture: two light trails on a dark grid, one about to cut the other off. */
function Art() {
  return (
    <div className="mode-art mode-art--trails" aria-hidden="true">
      <svg viewBox="0 0 104 104" width="104" height="104">
        <defs>
          <pattern id="trails-grid" width="13" height="13" patternUnits="userSpaceOnUse">
            <path d="M13 0H0V13" fill="none" stroke="rgba(139,233,253,0.12)" strokeWidth="1" />
          </pattern>
        </defs>
        <rect width="104" height="104" fill="url(#trails-grid)" />
        <polyline
          className="trails-art-line"
          points="6.5,97.5 6.5,58.5 45.5,58.5 45.5,19.5 84.5,19.5"
          stroke="#2dd4bf"
        />
        <polyline className="trails-art-line" points="97.5,84.5 71.5,84.5 71.5,45.5 58.5,45.5" stroke="#ff5fa2" />
        <circle cx="84.5" cy="19.5" r="5" fill="#b9fff4" />
        <circle cx="58.5" cy="45.5" r="5" fill="#ffd0e4" />
      </svg>
    </div>
  );
}

/** How the viewer is doing: riding, crashed, or (watching) how many ride on. */
function Status({ view, mySeat }: GameViewProps<TrailsView>) {
  const alive = view.riders.filter((rider) => rider.alive).length;
  const mine = mySeat === null ? null : (view.riders.find((rider) => rider.seat === mySeat) ?? null);
  const riding = mine?.alive ?? false;
  const text = !mine ? `${alive} ${alive === 1 ? "rider" : "riders"} left` : riding ? "Ride!" : "You crashed";
  const detail = !mine
    ? "The last rider standing wins."
    : riding
      ? "Don't hit a wall or a trail. The last rider standing wins."
      : `Your trail reached ${mine.length}. ${alive} still riding.`;
  return <StatusLine text={text} detail={detail} tone={riding ? "active" : "waiting"} />;
}

function Board({ view, mySeat, seats, onMove }: BoardProps<TrailsMove, TrailsView>) {
  // The arena redraws when its props change: keep the names' identity while they stay the same.
  const namesKey = namesBySeat(seats).join("\n");
  const seatNames = useMemo(() => namesKey.split("\n"), [namesKey]);
  return (
    <TrailsBoard
      view={view}
      mySeat={mySeat}
      seatNames={seatNames}
      onSteer={(direction: TrailsDirection) => onMove({ mode: "trails", direction })}
    />
  );
}

/** Names by seat index, for the riders' name tags. */
function namesBySeat(seats: readonly { seat: number; name: string }[]): string[] {
  const size = seats.reduce((max, seat) => Math.max(max, seat.seat + 1), 0);
  const names = Array.from({ length: size }, (_, seat) => `Player ${seat + 1}`);
  for (const seat of seats) names[seat.seat] = seat.name;
  return names;
}

/** Trails in the browser: the arena, the riders' colours, their state in the roster. */
export const web = defineGameWeb<TrailsMove, TrailsView>({
  Board,
  Status,
  Art,
  words: {
    mine: "You outlasted everyone. Nicely ridden!",
    theirs: "by outlasting the rest.",
    draw: "Nobody outlasted the rest.",
    how: "Last rider standing.",
    twoSeat: false,
  },
  // Riders wear the arena's colours everywhere the seat appears.
  seatStyle: (seat) => discColours(TRAILS_COLOURS[seat % Math.max(1, TRAILS_COLOURS.length)] ?? "#8d8cb5"),
  seatNote(view, seat, won) {
    const rider = view.riders.find((r) => r.seat === seat);
    if (!rider) return null;
    if (won) return { text: `Winner · ${rider.length}`, tone: "ok" };
    return rider.alive
      ? { text: `Riding · ${rider.length}`, tone: "ok" }
      : { text: `Crashed · ${rider.length}`, tone: "out" };
  },
  // Steering many times a second: a refused reversal or a turn that lands after the round ended is routine.
  routineRefusals: ["ILLEGAL_MOVE", "GAME_NOT_RUNNING"],
});
