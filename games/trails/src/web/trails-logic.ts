import type { TrailsArena, TrailsDirection, TrailsRider } from "../schemas";
import { sidesRiding } from "../sides";

/*
 * Pure helpers for the Trails board. The server decides every rule; these
 * only translate input into directions and avoid sending turns the server
 * would refuse anyway (each refusal would otherwise pop an error toast).
 */

/**
 * Trail colours by seat. Seats 0 and 1 match the lobby's seat tokens; the
 * rest spread round the hue wheel with differing lightness, so neighbours
 * still differ for the common colour-vision deficiencies. The order puts the
 * most distinct colours first, as small games use only the first few.
 */
export const TRAILS_COLOURS = [
  "#ff6b6b",
  "#ffc23d",
  "#4cc9f0",
  "#3ddc97",
  "#ff7ad9",
  "#a78bfa",
  "#eef0ff",
  "#ff9b42",
] as const;

/** Human names of {@link TRAILS_COLOURS}, for labels and screen readers. */
export const TRAILS_COLOUR_NAMES = ["Coral", "Gold", "Sky", "Mint", "Pink", "Violet", "Snow", "Orange"] as const;

/** The trail colour of a seat (CSS hex). */
export function trailsColour(seat: number): string {
  return TRAILS_COLOURS[seat % TRAILS_COLOURS.length] ?? TRAILS_COLOURS[0];
}

/**
 * Team colours: one family per team, warm (reds, golds) against cool (blues,
 * cyans), the pair that stays apart for every common colour-vision
 * deficiency. Inside a family a rider's shade follows its seat, because the
 * roster knows only a seat and its team; the first four shades of each
 * family (all a four-player game uses) also differ in lightness, so
 * teammates stay apart too. Under simulated protan, deutan and tritan vision
 * (Machado et al.) every warm shade stays at least ΔE 28 (CIE76) from every
 * cool one.
 */
export const TRAILS_TEAM_COLOURS = [
  ["#ff6b6b", "#ffc23d", "#fff1b8", "#d94030", "#ff9b42", "#ffa8a0", "#b8862e", "#f5e663"],
  ["#4cc9f0", "#5b7cff", "#c9f4ff", "#3a9bdc", "#a8b4ff", "#3553c9", "#6fe6f5", "#2a7fd0"],
] as const;

/** Names of the teams of {@link TRAILS_TEAM_COLOURS}, for labels and screen readers. */
export const TRAILS_TEAM_NAMES = ["Warm", "Cool"] as const;

/** A team's name ("Warm"); teams past the named ones go by number. */
export function trailsTeamName(team: number): string {
  return TRAILS_TEAM_NAMES[team] ?? `Team ${team + 1}`;
}

/** A rider's colour (CSS hex): its team's family in a team mode, its seat's own colour otherwise. */
export function riderColour({ seat, team }: Pick<TrailsRider, "seat" | "team">): string {
  if (team === null) return trailsColour(seat);
  const family = TRAILS_TEAM_COLOURS[team % TRAILS_TEAM_COLOURS.length] ?? TRAILS_TEAM_COLOURS[0];
  return family[seat % family.length] ?? family[0];
}

export const DIRECTIONS: readonly TrailsDirection[] = ["up", "left", "right", "down"];

export const OPPOSITE: Record<TrailsDirection, TrailsDirection> = {
  up: "down",
  down: "up",
  left: "right",
  right: "left",
};

/** Mirrors the server's queue: a quick double turn fits, a third waits. */
export const MAX_PENDING_TURNS = 2;

// Letters by physical position (`code`), so ZQSD on AZERTY steers the same way.
const KEYS: Record<string, TrailsDirection> = {
  ArrowUp: "up",
  ArrowDown: "down",
  ArrowLeft: "left",
  ArrowRight: "right",
  KeyW: "up",
  KeyS: "down",
  KeyA: "left",
  KeyD: "right",
};

/** The direction a key press steers, or null for any other key. */
export function directionForKey(event: { key: string; code: string }): TrailsDirection | null {
  return KEYS[event.key] ?? KEYS[event.code] ?? null;
}

/**
 * The direction of a swipe moved by (`dx`, `dy`) CSS pixels, or null while
 * it is shorter than `threshold`. The longer axis wins, so a sloppy diagonal
 * flick still counts.
 */
export function swipeDirection(dx: number, dy: number, threshold: number): TrailsDirection | null {
  if (Math.max(Math.abs(dx), Math.abs(dy)) < threshold) return null;
  if (Math.abs(dx) > Math.abs(dy)) return dx > 0 ? "right" : "left";
  return dy > 0 ? "down" : "up";
}

/** Turns sent to the server that it has not yet applied, as of `tick`. */
export interface PendingTurns {
  tick: number;
  turns: readonly TrailsDirection[];
}

/**
 * Drop the turns the server has used up by `tick`: it takes one per tick. A
 * tick going backwards means a new round, which starts with none.
 */
export function settlePending(pending: PendingTurns, tick: number): PendingTurns {
  if (tick < pending.tick) return { tick, turns: [] };
  return { tick, turns: pending.turns.slice(tick - pending.tick) };
}

/**
 * The queue after steering `direction`, or null when the server would
 * refuse the turn or ignore it: the same way as the last turn, a reversal of
 * it, or a full queue. `heading` is the rider's current direction.
 */
export function planTurn(
  heading: TrailsDirection,
  pending: readonly TrailsDirection[],
  direction: TrailsDirection,
): TrailsDirection[] | null {
  const last = pending.at(-1) ?? heading;
  if (direction === last || direction === OPPOSITE[last] || pending.length >= MAX_PENDING_TURNS) return null;
  return [...pending, direction];
}

/** Whether the round is still being played (the server stops ticking after): two sides ride and time is left. */
export function isRoundRunning(view: TrailsArena): boolean {
  return view.tick < view.maxTicks && sidesRiding(view.riders).size >= 2;
}

/** In a team mode, every team with how many of its riders still ride, by team; empty in free-for-all. */
export function teamsRiding(view: Pick<TrailsArena, "riders">): { team: number; riding: number }[] {
  const riding = new Map<number, number>();
  for (const rider of view.riders) {
    if (rider.team !== null) riding.set(rider.team, (riding.get(rider.team) ?? 0) + (rider.alive ? 1 : 0));
  }
  return [...riding].sort(([a], [b]) => a - b).map(([team, count]) => ({ team, riding: count }));
}

/** "1:05": the time left in the round. */
export function timeLeft(view: TrailsArena): string {
  const seconds = Math.max(0, Math.ceil(((view.maxTicks - view.tick) * view.tickMs) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

function listNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * A summary of who is still riding, for a polite live region. It changes only
 * when someone crashes, so screen readers are not spammed every tick.
 */
export function describeRiders(view: TrailsArena, seatNames: readonly string[], mySeat: number | null): string {
  const name = (seat: number) =>
    seat === mySeat ? "you" : (seatNames[seat] ?? `${TRAILS_COLOUR_NAMES[seat] ?? "Seat"} rider`);
  const alive = view.riders.filter((rider) => rider.alive);
  const crashed = view.riders.filter((rider) => !rider.alive);
  if (crashed.length === 0) return `${alive.length} riders on the grid.`;
  const riding =
    alive.length === 0
      ? "Nobody is still riding."
      : `Still riding: ${listNames(alive.map((rider) => name(rider.seat)))}.`;
  const lastCrash = Math.max(...crashed.map((rider) => rider.crashedAt ?? 0));
  const fell = crashed.filter((rider) => (rider.crashedAt ?? 0) === lastCrash).map((rider) => name(rider.seat));
  return `${riding} ${capitalise(listNames(fell))} crashed.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
