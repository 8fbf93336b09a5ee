import type { TrailsDirection } from "./schemas";

/** Where a rider starts a round. */
export interface Spawn {
  x: number;
  y: number;
  direction: TrailsDirection;
}

export interface ArenaSize {
  width: number;
  height: number;
}

/** One cell step per direction; y grows downwards, like the row-major cells. */
export const STEP: Record<TrailsDirection, { dx: number; dy: number }> = {
  up: { dx: 0, dy: -1 },
  down: { dx: 0, dy: 1 },
  left: { dx: -1, dy: 0 },
  right: { dx: 1, dy: 0 },
};

export const OPPOSITE: Record<TrailsDirection, TrailsDirection> = {
  up: "down",
  down: "up",
  left: "right",
  right: "left",
};

/**
 * The arena grows with the field so eight riders are not boxed in, but stays
 * small enough that the cells string (sent ten times a second) is under 2 kB
 * and a 390 px phone still gets ~7 px per cell. Both sizes are 4:3.
 */
export function arenaSize(players: number): ArenaSize {
  return players <= 4 ? { width: 40, height: 30 } : { width: 48, height: 36 };
}

/** Riders start this many cells in from their wall. */
const MARGIN = 3;

type Side = "left" | "top" | "right" | "bottom";
/** A spawn slot: the wall a rider starts by, and how far along it (0–1, left-to-right or top-to-bottom). */
type Slot = readonly [Side, number];

/*
 * Hand-tuned layouts: half a ring of slots, listed clockwise from the left
 * wall; the other half is the same slots turned half way round the arena,
 * so opposite riders have exactly the same room. Odd counts use the next
 * even ring minus its last slot. Each ring was searched so riders are spread
 * out yet those who never steer survive at least 14 ticks (1.4 s): nobody
 * has to react the instant the round starts.
 */
const HALF_RINGS: Record<2 | 4 | 6 | 8, readonly Slot[]> = {
  // Parallel lanes a third of the arena apart, no head-on.
  2: [["left", 1 / 3]],
  // A pinwheel: each rider is off-centre the same way round.
  4: [
    ["left", 0.3],
    ["top", 0.7],
  ],
  6: [
    ["left", 0.85],
    ["left", 0.15],
    ["top", 0.5],
  ],
  8: [
    ["left", 0.6],
    ["left", 0.15],
    ["top", 0.35],
    ["top", 0.65],
  ],
};

const FACING: Record<Side, TrailsDirection> = {
  left: "right",
  top: "down",
  right: "left",
  bottom: "up",
};

function place([side, along]: Slot, { width, height }: ArenaSize): Spawn {
  const x = Math.round(MARGIN + along * (width - 1 - 2 * MARGIN));
  const y = Math.round(MARGIN + along * (height - 1 - 2 * MARGIN));
  const direction = FACING[side];
  if (side === "left") return { x: MARGIN, y, direction };
  if (side === "right") return { x: width - 1 - MARGIN, y, direction };
  if (side === "top") return { x, y: MARGIN, direction };
  return { x, y: height - 1 - MARGIN, direction };
}

function ring(players: number, size: ArenaSize): Spawn[] {
  const even = Math.min(8, players + (players % 2)) as 2 | 4 | 6 | 8;
  const half = HALF_RINGS[even].map((slot) => place(slot, size));
  const turned = half.map(({ x, y, direction }) => ({
    x: size.width - 1 - x,
    y: size.height - 1 - y,
    direction: OPPOSITE[direction],
  }));
  return [...half, ...turned].slice(0, players);
}

/**
 * Spawns for `players` riders, indexed by seat. With an odd count one slot
 * has more room than the rest, so the seats rotate round the ring with every
 * rematch (`round` 1, 2, …) to share it out.
 */
export function spawns(players: number, round: number, size: ArenaSize): Spawn[] {
  const slots = ring(players, size);
  const shift = (((round - 1) % players) + players) % players;
  return [...slots.slice(shift), ...slots.slice(0, shift)];
}

/**
 * The seats in the order they take the spawn ring's slots in a team game
 * (`teams[seat]` is the seat's team): the teams interleave round the ring,
 * one rider of each in turn, so with two teams every neighbour is an
 * opponent and no team starts boxed in by its own trails. Each team's seats
 * keep their order; a team with more seats than the others puts its extras
 * at the end.
 */
export function interleaveTeams(teams: readonly number[]): number[] {
  const byTeam = new Map<number, number[]>();
  for (const [seat, team] of teams.entries()) byTeam.set(team, [...(byTeam.get(team) ?? []), seat]);
  const lists = [...byTeam.entries()].sort(([a], [b]) => a - b).map(([, seats]) => seats);
  const order: number[] = [];
  for (let i = 0; order.length < teams.length; i++) {
    for (const seats of lists) {
      const seat = seats[i];
      if (seat !== undefined) order.push(seat);
    }
  }
  return order;
}
