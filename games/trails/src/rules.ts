import { MoveRefusalCode, type GameRules, type MoveRefusal, type Outcome } from "@lobby/game-kit";
import type { TrailsDirection, TrailsMoveOf, TrailsViewOf } from "./schemas";
import { OPPOSITE, STEP, arenaSize, interleaveTeams, spawns } from "./arena";
import { sideOf, sidesRiding } from "./sides";

/** A rider as the server keeps it: the public rider plus its pending turns. */
export interface TrailsRiderState {
  seat: number;
  /** Its team (0-based) in a team mode; null in free-for-all. */
  team: number | null;
  x: number;
  y: number;
  /** The direction of the rider's last step (or its spawn facing). */
  direction: TrailsDirection;
  alive: boolean;
  /** Cells claimed, head included. */
  length: number;
  crashedAt: number | null;
  /** Turns waiting for the coming ticks, oldest first; one is taken per tick. */
  turns: TrailsDirection[];
}

/** The whole round, plain JSON. */
export interface TrailsState {
  width: number;
  height: number;
  tick: number;
  maxTicks: number;
  /** Row-major, `.` empty or the seat digit that owns the cell, as in the view. */
  cells: string;
  riders: TrailsRiderState[];
}

/** 10 Hz: quick enough to feel live, slow enough to steer on a phone. */
export const TRAILS_TICK_MS = 100;
/** Two minutes at 10 Hz. The arenas fill up well before that; this is a backstop. */
export const TRAILS_MAX_TICKS = 1200;
/**
 * Room for a quick double turn (up-then-left within one tick) to land on two
 * consecutive ticks, without letting a flurry of key presses steer the
 * rider for the next second.
 */
export const MAX_QUEUED_TURNS = 2;

const EMPTY = ".";

/** The round runs while riders of two sides (teams, or riders in free-for-all) ride, up to its last tick. */
function over(state: TrailsState): boolean {
  return sidesRiding(state.riders).size < 2 || state.tick >= state.maxTicks;
}

/** Every seat of the `winning` sides, crashed or not, in seat order. */
function seatsOf(state: TrailsState, winning: ReadonlySet<number>): number[] {
  return state.riders.filter((rider) => winning.has(sideOf(rider))).map((rider) => rider.seat);
}

/**
 * Each seat's team in a mode of `count` teams, as the lobby made them.
 * Anything else is a lobby bug, and a round with a missing or an empty team
 * would end at once: refuse it loudly.
 */
function checkTeams(players: number, count: number, teams: readonly number[] | undefined): readonly number[] {
  if (teams?.length !== players) {
    throw new Error(`Trails with ${count} teams needs the team of each of its ${players} seats`);
  }
  const bad = teams.find((team) => !Number.isInteger(team) || team < 0 || team >= count);
  if (bad !== undefined) throw new Error(`Trails with ${count} teams got a seat on team ${bad}`);
  const empty = [...Array(count).keys()].find((team) => !teams.includes(team));
  if (empty !== undefined) throw new Error(`Trails with ${count} teams got nobody on team ${empty}`);
  return teams;
}

/** Move every living rider one cell at once and settle who crashed. */
function advance(state: TrailsState): TrailsState {
  const tick = state.tick + 1;
  const moves = state.riders.map((rider) => {
    if (!rider.alive) return null;
    const [turn, ...turns] = rider.turns;
    const direction = turn ?? rider.direction;
    const { dx, dy } = STEP[direction];
    return { x: rider.x + dx, y: rider.y + dy, direction, turns };
  });

  const inside = (x: number, y: number) => x >= 0 && x < state.width && y >= 0 && y < state.height;
  // Heads meeting in one cell all crash, so count the claims on each cell first.
  const claims = new Map<number, number>();
  for (const move of moves) {
    if (!move || !inside(move.x, move.y)) continue;
    const index = move.y * state.width + move.x;
    claims.set(index, (claims.get(index) ?? 0) + 1);
  }

  // At most one claimed cell per rider: cut those in rather than split the whole arena into an array.
  let cells = state.cells;
  const riders = state.riders.map((rider, i): TrailsRiderState => {
    const move = moves[i];
    if (!move) return rider;
    const index = move.y * state.width + move.x;
    // Every occupied cell, heads included, is solid: this also makes two
    // riders swapping places crash into each other.
    const crashed = !inside(move.x, move.y) || state.cells[index] !== EMPTY || (claims.get(index) ?? 0) > 1;
    // Keep the heading it died on: the view then shows which way it hit.
    if (crashed) return { ...rider, direction: move.direction, alive: false, crashedAt: tick, turns: [] };
    cells = cells.slice(0, index) + String(rider.seat) + cells.slice(index + 1);
    return { ...rider, ...move, length: rider.length + 1 };
  });
  return { ...state, tick, cells, riders };
}

/** How a Trails mode is played. */
export interface TrailsOptions {
  /**
   * Team play: the number of teams (the mode's `teams`). Setup then takes
   * each seat's team from the lobby, and a team wins together. Absent: every
   * rider for itself.
   */
  teams?: number;
}

/**
 * The Tron light-cycle game for the mode `id`: steer, never stop, be the last
 * one (in a team mode, the last team) riding. One set of rules serves every
 * Trails mode; only the tag on views and moves, and whether seats have
 * teams, differ.
 */
export function trailsRules<Id extends string>(
  id: Id,
  options: TrailsOptions = {},
): GameRules<TrailsState, TrailsMoveOf<Id>, TrailsViewOf<Id>> {
  return {
    hidesInformation: false,
    tickMs: TRAILS_TICK_MS,

    setup({ players, round, teams }) {
      const team = options.teams === undefined ? null : checkTeams(players, options.teams, teams);
      const size = arenaSize(players);
      const cells = Array<string>(size.width * size.height).fill(EMPTY);
      // Free-for-all: seat i takes slot i. Teams: they interleave round the ring.
      const seatAt = team ? interleaveTeams(team) : [...Array(players).keys()];
      const riders = spawns(players, round, size)
        .map((spawn, slot): TrailsRiderState => {
          const seat = seatAt[slot] ?? slot;
          cells[spawn.y * size.width + spawn.x] = String(seat);
          return { seat, team: team?.[seat] ?? null, ...spawn, alive: true, length: 1, crashedAt: null, turns: [] };
        })
        .sort((a, b) => a.seat - b.seat);
      return { ...size, tick: 0, maxTicks: TRAILS_MAX_TICKS, cells: cells.join(""), riders };
    },

    validateMove(state, seat, move): MoveRefusal | null {
      const rider = state.riders[seat];
      if (!rider) return { code: MoveRefusalCode.IllegalMove, message: "You have no rider in this round." };
      if (!rider.alive) return { code: MoveRefusalCode.IllegalMove, message: "You have crashed." };
      if (over(state)) return { code: MoveRefusalCode.IllegalMove, message: "The round is over." };
      const heading = rider.turns.at(-1) ?? rider.direction;
      if (move.direction === heading) return null;
      if (move.direction === OPPOSITE[heading]) {
        return { code: MoveRefusalCode.IllegalMove, message: "You can't turn back into your own trail." };
      }
      if (rider.turns.length >= MAX_QUEUED_TURNS) {
        return { code: MoveRefusalCode.IllegalMove, message: "Turning too fast: wait for your last turn to land." };
      }
      return null;
    },

    applyMove(state, seat, move) {
      const rider = state.riders[seat];
      // Steering the way you already head changes nothing.
      if (!rider || move.direction === (rider.turns.at(-1) ?? rider.direction)) return state;
      const turns = [...rider.turns, move.direction];
      return {
        ...state,
        riders: state.riders.map((r) => (r.seat === seat ? { ...r, turns } : r)),
      };
    },

    tick(state) {
      return over(state) ? state : advance(state);
    },

    removeSeat(state, seat) {
      if (!state.riders[seat]?.alive) return state;
      return {
        ...state,
        riders: state.riders.map((rider) =>
          rider.seat === seat ? { ...rider, alive: false, crashedAt: state.tick, turns: [] } : rider,
        ),
      };
    },

    outcome(state): Outcome | null {
      const riding = sidesRiding(state.riders);
      // The last side riding wins, every seat of it (in a team mode, riders who crashed too).
      if (riding.size === 1) return { kind: "win", winners: seatsOf(state, riding) };
      // The round only runs while two sides ride, so nobody left means the last ones fell together.
      if (riding.size === 0) return { kind: "draw" };
      if (state.tick < state.maxTicks) return null;
      // Time: the longest trail wins; in a team mode, the longest total of a team's living riders.
      const totals = new Map<number, number>();
      for (const rider of state.riders) {
        if (rider.alive) totals.set(sideOf(rider), (totals.get(sideOf(rider)) ?? 0) + rider.length);
      }
      const longest = Math.max(...totals.values());
      const tied = [...totals].filter(([, total]) => total === longest).map(([side]) => side);
      return { kind: "win", winners: seatsOf(state, new Set(tied)) };
    },

    view(state): TrailsViewOf<Id> {
      return {
        mode: id,
        width: state.width,
        height: state.height,
        tick: state.tick,
        tickMs: TRAILS_TICK_MS,
        maxTicks: state.maxTicks,
        cells: state.cells,
        riders: state.riders.map(({ turns: _turns, ...rider }) => rider),
      };
    },

    /** One rider per seat, an arena of its stated size, no live rider outside it, and teams for all or none. */
    problems(view, seats) {
      const problems: string[] = [];
      if (view.riders.length !== seats) problems.push(`${view.riders.length} riders for ${seats} seats`);
      if (view.cells.length !== view.width * view.height) problems.push("an arena of the wrong size");
      for (const rider of view.riders) {
        const outside = rider.x < 0 || rider.y < 0 || rider.x >= view.width || rider.y >= view.height;
        if (outside && rider.alive) problems.push(`rider ${rider.seat} is alive outside the arena`);
      }
      const teamed = view.riders.filter((rider) => rider.team !== null).length;
      if (teamed > 0 && teamed < view.riders.length) problems.push("some riders have a team and some have none");
      if (options.teams !== undefined && teamed === 0 && view.riders.length > 0)
        problems.push("a team mode without teams");
      return problems;
    },
  };
}

/** The rules of Trails, free-for-all. */
export const trails = trailsRules("trails");
