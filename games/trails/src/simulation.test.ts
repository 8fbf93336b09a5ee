import { describe, expect, it } from "vitest";
import { legacySpawns } from "./test/legacy-spawns";
import { currentLayout, simulate, type Crowd, type SimulationFigures } from "./test/simulate";

/*
 * The pinwheel spawns against the old inward-facing ring (#16), with the
 * same simulated people (src/test/simulate.ts). `TRAILS_SIMULATION=1`
 * prints the figures and plays the practised crowd too.
 */

const COUNTS = [2, 3, 4, 5, 6, 8];
/** Games have no Node types: read the switch off the global the test runner has. */
const PRINT = Boolean(
  (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.TRAILS_SIMULATION,
);
const ROUNDS = 200;

function both(players: number, crowd: Crowd): { before: SimulationFigures; after: SimulationFigures } {
  return {
    before: simulate(players, legacySpawns, crowd, ROUNDS),
    after: simulate(players, currentLayout, crowd, ROUNDS),
  };
}

function figuresFor(crowd: Crowd) {
  const figures = COUNTS.map((players) => ({ players, ...both(players, crowd) }));
  if (PRINT) {
    const line = ({ players, before, after }: (typeof figures)[number]) =>
      `${players} riders: mean ${(before.meanTicks / 10).toFixed(1)} s → ${(after.meanTicks / 10).toFixed(1)} s, ` +
      `median ${(before.medianTicks / 10).toFixed(1)} s → ${(after.medianTicks / 10).toFixed(1)} s, ` +
      `draws ${Math.round(before.drawRate * 100)} % → ${Math.round(after.drawRate * 100)} %`;
    console.info([`${crowd} (old spawns → pinwheel, ${ROUNDS} rounds each)`, ...figures.map(line)].join("\n"));
  }
  return figures;
}

describe("Trails played by simulated people", () => {
  // Averaged over the field sizes: 4 and 8 riders gain most; odd fields draw more (see CONTEXT.md).
  it("lasts longer for newcomers, with fewer draws, than with the old spawns", { timeout: 30_000 }, () => {
    const figures = figuresFor("newcomers");
    const mean = (pick: (f: (typeof figures)[number]) => number) =>
      figures.reduce((sum, f) => sum + pick(f), 0) / figures.length;
    expect(mean((f) => f.after.meanTicks)).toBeGreaterThan(mean((f) => f.before.meanTicks));
    expect(mean((f) => f.after.drawRate)).toBeLessThan(mean((f) => f.before.drawRate));
  });

  // Slow (about ten seconds): only with TRAILS_SIMULATION=1, for the figures.
  it.runIf(PRINT)(
    "changes little once players steer well",
    () => {
      const figures = figuresFor("practised");
      for (const { after, before } of figures) expect(after.meanTicks).toBeGreaterThan(before.meanTicks * 0.6);
    },
    60_000,
  );
});
