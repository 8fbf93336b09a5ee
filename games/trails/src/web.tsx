import {
  defineGameWeb,
  discColours,
  StatusLine,
  type BoardProps,
  type GameViewProps,
  type GameWeb,
  type ResultWords,
} from "@lobby/game-kit/web";
import { useMemo, type ComponentType, type ReactNode } from "react";
import type { TrailsArena, TrailsDirection, TrailsMoveOf, TrailsViewOf } from "./schemas";
import { TrailsBoard } from "./web/trails-board";
import { riderColour, teamsRiding, trailsTeamName } from "./web/trails-logic";

export { TRAILS_TEAM_COLOURS, riderColour, trailsTeamName } from "./web/trails-logic";

/**
 * A Trails lobby card picture: a dark arena grid (104 units square, 13 to a
 * cell) with `children` drawn on it. `gridId` names its grid pattern, unique
 * to the mode, as every mode's card is on the page at once.
 */
export function TrailsArt({ gridId, children }: { gridId: string; children: ReactNode }) {
  return (
    <div className="mode-art mode-art--trails" aria-hidden="true">
      <svg viewBox="0 0 104 104" width="104" height="104">
        <defs>
          <pattern id={gridId} width="13" height="13" patternUnits="userSpaceOnUse">
            <path d="M13 0H0V13" fill="none" stroke="rgba(139,233,253,0.12)" strokeWidth="1" />
          </pattern>
        </defs>
        <rect width="104" height="104" fill={`url(#${gridId})`} />
        {children}
      </svg>
    </div>
  );
}

/** The lobby card's picture: two light trails on a dark grid, one about to cut the other off. */
function Art() {
  return (
    <TrailsArt gridId="trails-grid">
      <polyline className="trails-art-line" points="6.5,97.5 6.5,58.5 45.5,58.5 45.5,19.5 84.5,19.5" stroke="#2dd4bf" />
      <polyline className="trails-art-line" points="97.5,84.5 71.5,84.5 71.5,45.5 58.5,45.5" stroke="#ff5fa2" />
      <circle cx="84.5" cy="19.5" r="5" fill="#b9fff4" />
      <circle cx="58.5" cy="45.5" r="5" fill="#ffd0e4" />
    </TrailsArt>
  );
}

/** How the viewer is doing: riding, crashed, or (watching) how many ride on; in a team mode, per team. */
function Status({ view, mySeat }: GameViewProps<TrailsArena>) {
  const mine = mySeat === null ? null : (view.riders.find((rider) => rider.seat === mySeat) ?? null);
  const riding = mine?.alive ?? false;
  const teams = teamsRiding(view);
  if (teams.length > 0) {
    const ours = teams.find(({ team }) => team === mine?.team)?.riding ?? 0;
    const theirs = teams.reduce((sum, { team, riding }) => (team === mine?.team ? sum : sum + riding), 0);
    const text = !mine
      ? teams.map(({ team, riding }) => `${trailsTeamName(team)} ${riding}`).join(" · ")
      : riding
        ? "Ride!"
        : "You crashed";
    const detail = !mine
      ? "Riders left per team. The last team riding wins."
      : riding
        ? `Your team: ${ours} riding, theirs: ${theirs}. The last team riding wins.`
        : `Your trail reached ${mine.length}. ${ours} of your team ${ours === 1 ? "is" : "are"} still riding.`;
    return <StatusLine text={text} detail={detail} tone={riding ? "active" : "waiting"} />;
  }
  const alive = view.riders.filter((rider) => rider.alive).length;
  const text = !mine ? `${alive} ${alive === 1 ? "rider" : "riders"} left` : riding ? "Ride!" : "You crashed";
  const detail = !mine
    ? "The last rider standing wins."
    : riding
      ? "Don't hit a wall or a trail. The last rider standing wins."
      : `Your trail reached ${mine.length}. ${alive} still riding.`;
  return <StatusLine text={text} detail={detail} tone={riding ? "active" : "waiting"} />;
}

/** A seat's team for screen readers ("Warm team."); nothing before the teams are drawn. */
function teamLabel(team: number | null): string {
  return team === null ? "" : `${trailsTeamName(team)} team.`;
}

/** Names by seat index, for the riders' name tags. */
function namesBySeat(seats: readonly { seat: number; name: string }[]): string[] {
  const size = seats.reduce((max, seat) => Math.max(max, seat.seat + 1), 0);
  const names = Array.from({ length: size }, (_, seat) => `Player ${seat + 1}`);
  for (const seat of seats) names[seat.seat] = seat.name;
  return names;
}

/** What a Trails mode brings to the web half it shares with the other Trails modes. */
export interface TrailsWebMode {
  /** The lobby card's picture. */
  Art: ComponentType;
  words: ResultWords;
  /**
   * A team mode: the roster colours a seat by its team once the game has
   * drawn them (the lobby's default colours before, so a colour always means a
   * team) and names the team for screen readers.
   */
  teams?: boolean;
}

/**
 * The web half of the Trails mode `id`: the one arena, status line and
 * roster for every Trails mode (riders wear their team's colours when they
 * have one), with the mode's own card art and result words. Its moves carry
 * `mode: id`.
 */
export function trailsWeb<Id extends string>(
  id: Id,
  { Art, words, teams = false }: TrailsWebMode,
): GameWeb<TrailsMoveOf<Id>, TrailsViewOf<Id>> {
  function Board({ view, mySeat, seats, onMove }: BoardProps<TrailsMoveOf<Id>, TrailsViewOf<Id>>) {
    // The arena redraws when its props change: keep the names' identity while they stay the same.
    const namesKey = namesBySeat(seats).join("\n");
    const seatNames = useMemo(() => namesKey.split("\n"), [namesKey]);
    return (
      <TrailsBoard
        view={view}
        mySeat={mySeat}
        seatNames={seatNames}
        onSteer={(direction: TrailsDirection) => onMove({ mode: id, direction })}
      />
    );
  }

  return defineGameWeb<TrailsMoveOf<Id>, TrailsViewOf<Id>>({
    Board,
    Status,
    Art,
    words,
    // The arena grows with the screen: on a desktop, the room takes the window's width.
    wide: true,
    // Riders wear the arena's colours everywhere the seat appears.
    seatStyle: (seat, team) => (teams && team === null ? undefined : discColours(riderColour({ seat, team }))),
    seatNote(view, seat, won) {
      const rider = view.riders.find((r) => r.seat === seat);
      if (!rider) return null;
      if (won) return { text: `Winner · ${rider.length}`, tone: "ok" };
      return rider.alive
        ? { text: `Riding · ${rider.length}`, tone: "ok" }
        : { text: `Crashed · ${rider.length}`, tone: "out" };
    },
    ...(teams ? { seatLabel: (_seat: number, team: number | null) => teamLabel(team) } : {}),
    // Steering many times a second: a refused reversal or a turn that lands after the round ended is routine.
    routineRefusals: ["ILLEGAL_MOVE", "GAME_NOT_RUNNING"],
  });
}

/** Trails in the browser: the arena, the riders' colours, their state in the roster. */
export const web = trailsWeb("trails", {
  Art,
  words: {
    mine: "You outlasted everyone. Nicely ridden!",
    theirs: "by outlasting the rest.",
    draw: "Nobody outlasted the rest.",
    how: "Last rider standing.",
    twoSeat: false,
  },
});
