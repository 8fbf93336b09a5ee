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

/** A spawn slot: where a rider starts, as fractions of the arena's span (0–1), and its heading. */
type Slot = readonly [x: number, y: number, direction: TrailsDirection];

/*
 * Hand-tuned layouts: a pinwheel. Riders sit on an ellipse round the centre,
 * evenly spaced, each heading clockwise along it (snapped to the grid), so
 * every rider rides away from the others, never at one. Each ring lists half
 * its slots, clockwise; the other half is the same slots turned half way
 * round the arena, so opposite riders have exactly the same room. Odd counts
 * use the next even ring minus its last slot.
 *
 * Each ring was searched (ellipse radii and phase) so that no two riders'
 * straight-line paths meet at all (a rider who never steers first hits a
 * wall, never a trail) and that wall is at least 19 ticks (1.9 s) away: the
 * start grace is room to react, not a special rule. Riders who never steer
 * crash in pairs at different ticks, not all at once.
 */
const HALF_RINGS: Record<2 | 4 | 6 | 8, readonly Slot[]> = {
  2: [[0.821, 0.759, "left"]],
  4: [
    [0.718, 0.793, "left"],
    [0.205, 0.724, "up"],
  ],
  6: [
    [0.596, 0.743, "left"],
    [0.489, 0.886, "left"],
    [0.383, 0.657, "up"],
  ],
  8: [
    [0.638, 0.743, "left"],
    [0.511, 0.886, "left"],
    [0.383, 0.771, "left"],
    [0.319, 0.514, "up"],
  ],
};

function place([fx, fy, direction]: Slot, { width, height }: ArenaSize): Spawn {
  return { x: Math.round(fx * (width - 1)), y: Math.round(fy * (height - 1)), direction };
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
