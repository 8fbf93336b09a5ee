import type { BotStrategy } from "@lobby/game-kit";
import type { TrailsArena, TrailsDirection, TrailsMoveOf } from "./schemas";

/*
 * Just enough play for the bench's bots to keep rounds running: riders that
 * do not crash in the first seconds. Pure, so it is testable without a server.
 */

const STEP: Record<TrailsDirection, [number, number]> = {
  up: [0, -1],
  down: [0, 1],
  left: [-1, 0],
  right: [1, 0],
};
const TURNS: Record<TrailsDirection, [TrailsDirection, TrailsDirection]> = {
  up: ["left", "right"],
  down: ["right", "left"],
  left: ["down", "up"],
  right: ["up", "down"],
};
const LOOK_AHEAD = 12;

/** Empty cells in a straight line from (x, y) towards `direction`, up to LOOK_AHEAD. */
export function freeRun(
  view: Pick<TrailsArena, "width" | "height" | "cells">,
  x: number,
  y: number,
  direction: TrailsDirection,
): number {
  const [dx, dy] = STEP[direction];
  let run = 0;
  for (let cx = x + dx, cy = y + dy; run < LOOK_AHEAD; cx += dx, cy += dy) {
    if (cx < 0 || cy < 0 || cx >= view.width || cy >= view.height) break;
    if (view.cells[cy * view.width + cx] !== ".") break;
    run++;
  }
  return run;
}

/**
 * Keep going straight while there is room; otherwise turn towards the side
 * with the longer free run. `random` in [0, 1) adds an occasional turn so
 * riders do not all trace the same rectangle.
 */
export function steerRider(view: TrailsArena, seat: number, random: number): TrailsDirection | null {
  const rider = view.riders.find((r) => r.seat === seat);
  if (!rider?.alive) return null;
  const ahead = freeRun(view, rider.x, rider.y, rider.direction);
  const [a, b] = TURNS[rider.direction];
  const runA = freeRun(view, rider.x, rider.y, a);
  const runB = freeRun(view, rider.x, rider.y, b);
  const best = runA >= runB ? a : b;
  const bestRun = Math.max(runA, runB);
  if (ahead <= 2 && bestRun > ahead) return best;
  if (random < 0.05 && bestRun >= LOOK_AHEAD) return best;
  return rider.direction;
}

/**
 * A rider's bot for the Trails mode `id` (its moves carry that tag):
 * `steerRider` on every beat, except that a turn just sent is repeated until
 * the view shows it landed (one tick on), so a turn still queued on the
 * server is never reversed by the next beat's choice.
 */
export function trailsBot<Id extends string>(id: Id): BotStrategy<TrailsMoveOf<Id>, TrailsArena> {
  let lastTurn: { direction: TrailsDirection; tick: number } | null = null;
  return (view, seat, random) => {
    // (A tick below the turn's is a new round: the turn is history.)
    const recent = lastTurn && view.tick >= lastTurn.tick && view.tick - lastTurn.tick <= 1 ? lastTurn.direction : null;
    const direction = recent ?? steerRider(view, seat, random);
    if (!direction) return null;
    const rider = view.riders.find((r) => r.seat === seat);
    if (!recent && rider && direction !== rider.direction) lastTurn = { direction, tick: view.tick };
    return { mode: id, direction };
  };
}
