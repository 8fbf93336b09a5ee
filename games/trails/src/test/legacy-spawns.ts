import { OPPOSITE, type ArenaSize, type Spawn } from "../arena";
import type { TrailsDirection } from "../schemas";

/*
 * The spawn rings Trails used before the pinwheel (#16), kept only as the
 * simulation's baseline: riders started 3 cells in from a wall, facing
 * inward, and the paths of riders who never steered crossed in the middle.
 */

const MARGIN = 3;
type Side = "left" | "top" | "right" | "bottom";
type Slot = readonly [Side, number];

const HALF_RINGS: Record<2 | 4 | 6 | 8, readonly Slot[]> = {
  2: [["left", 1 / 3]],
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

const FACING: Record<Side, TrailsDirection> = { left: "right", top: "down", right: "left", bottom: "up" };

function place([side, along]: Slot, { width, height }: ArenaSize): Spawn {
  const x = Math.round(MARGIN + along * (width - 1 - 2 * MARGIN));
  const y = Math.round(MARGIN + along * (height - 1 - 2 * MARGIN));
  const direction = FACING[side];
  if (side === "left") return { x: MARGIN, y, direction };
  if (side === "right") return { x: width - 1 - MARGIN, y, direction };
  if (side === "top") return { x, y: MARGIN, direction };
  return { x, y: height - 1 - MARGIN, direction };
}

/** The old spawns for `players` riders in round 1 (seat i in slot i). */
export function legacySpawns(players: number, size: ArenaSize): Spawn[] {
  const even = Math.min(8, players + (players % 2)) as 2 | 4 | 6 | 8;
  const half = HALF_RINGS[even].map((slot) => place(slot, size));
  const turned = half.map(({ x, y, direction }) => ({
    x: size.width - 1 - x,
    y: size.height - 1 - y,
    direction: OPPOSITE[direction],
  }));
  return [...half, ...turned].slice(0, players);
}
