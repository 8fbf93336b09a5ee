import { seededRandom } from "@lobby/game-kit";
import { spawns, type ArenaSize, type Spawn } from "../arena";
import { freeRun, steerRider } from "../bot";
import { trails, type TrailsState } from "../rules";
import type { TrailsArena, TrailsDirection } from "../schemas";

/*
 * Rounds of Trails played by simulated people, to compare spawn layouts.
 * Two kinds of people. Newcomers: a quarter never steer (they have not
 * found the keys yet); the others find themselves after 0.5–1.5 s, then
 * steer like the bench's bot but on what they saw 2–5 ticks (0.2–0.5 s)
 * ago, so they turn late and sometimes into a wall. Practised players: a
 * fifth never steer; the others find themselves as quickly, then turn away
 * from what is ahead once it is 2–5 cells off (each their own margin),
 * towards the side with more room; on one tick in six they are not
 * looking, and now and then they turn for no reason.
 */

/** Where riders start: the seat's spawns for a field of `players`. */
export type Layout = (players: number, size: ArenaSize) => Spawn[];

export const currentLayout: Layout = (players, size) => spawns(players, 1, size);

/** What the rounds came to. */
export interface SimulationFigures {
  rounds: number;
  /** Mean round length in ticks (100 ms each). */
  meanTicks: number;
  medianTicks: number;
  /** Share of rounds that ended with nobody riding. */
  drawRate: number;
}

/** Who rides: see above. */
export type Crowd = "newcomers" | "practised";

interface Person {
  idle: boolean;
  wakeAt: number;
  /** Newcomers: ticks behind what they see. Practised: cells ahead at which they turn. */
  skill: number;
}

const SIDES: Record<TrailsDirection, [TrailsDirection, TrailsDirection]> = {
  up: ["left", "right"],
  down: ["right", "left"],
  left: ["down", "up"],
  right: ["up", "down"],
};

/** Where `person` steers `seat` now, or null to ride on. */
function decide(view: TrailsArena, seat: number, person: Person, random: () => number): TrailsDirection | null {
  const rider = view.riders[seat];
  if (!rider?.alive || random() < 1 / 6) return null;
  const [a, b] = SIDES[rider.direction];
  const runA = freeRun(view, rider.x, rider.y, a);
  const runB = freeRun(view, rider.x, rider.y, b);
  const ahead = freeRun(view, rider.x, rider.y, rider.direction);
  if (ahead <= person.skill && Math.max(runA, runB) > ahead) return runA >= runB ? a : b;
  if (random() < 0.03) return random() < 0.5 ? a : b;
  return null;
}

function startState(players: number, layout: Layout, seed: number): TrailsState {
  const base = trails.setup({ players, round: 1, random: seededRandom(seed) });
  const size = { width: base.width, height: base.height };
  const cells = Array<string>(size.width * size.height).fill(".");
  const riders = layout(players, size).map((spawn, seat) => {
    cells[spawn.y * size.width + spawn.x] = String(seat);
    return { ...base.riders[seat]!, ...spawn };
  });
  return { ...base, cells: cells.join(""), riders };
}

/** Play `rounds` rounds of `players` riders on `layout`; the same seed gives the same people. */
export function simulate(players: number, layout: Layout, crowd: Crowd, rounds: number, seed = 1): SimulationFigures {
  const random = seededRandom(seed);
  const lengths: number[] = [];
  let draws = 0;
  for (let round = 0; round < rounds; round++) {
    const people: Person[] = Array.from({ length: players }, () => ({
      idle: random.next() < (crowd === "newcomers" ? 0.25 : 0.2),
      wakeAt: 5 + Math.floor(random.next() * 11),
      skill: 2 + Math.floor(random.next() * 4),
    }));
    let state = startState(players, layout, seed + round);
    const seen: TrailsArena[] = [];
    while (!trails.outcome(state)) {
      seen.push(trails.view(state, null));
      for (const [seat, person] of people.entries()) {
        if (person.idle || state.tick < person.wakeAt) continue;
        const direction =
          crowd === "newcomers"
            ? steerRider(seen[Math.max(0, seen.length - 1 - person.skill)]!, seat, random.next())
            : decide(seen.at(-1)!, seat, person, () => random.next());
        if (!direction) continue;
        const move = { mode: "trails" as const, direction };
        if (!trails.validateMove(state, seat, move)) state = trails.applyMove(state, seat, move);
      }
      state = trails.tick!(state);
    }
    lengths.push(state.tick);
    if (trails.outcome(state)?.kind === "draw") draws++;
  }
  const sorted = [...lengths].sort((a, b) => a - b);
  return {
    rounds,
    meanTicks: lengths.reduce((sum, ticks) => sum + ticks, 0) / rounds,
    medianTicks: sorted[Math.floor(rounds / 2)]!,
    drawRate: draws / rounds,
  };
}
