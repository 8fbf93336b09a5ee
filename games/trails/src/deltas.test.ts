import { seededRandom } from "@lobby/game-kit";
import { describe, expect, it } from "vitest";
import { trailsBot } from "./bot";
import { trailsDeltas } from "./deltas";
import { trails } from "./rules";
import type { TrailsView } from "./schemas";

const deltas = trailsDeltas("trails");

/**
 * Every view of a seeded round, in order: bots steer most riders, some steer
 * at random (into trails and walls too), and now and then a seat leaves.
 */
function playRound(seed: number, players: number): TrailsView[] {
  const random = seededRandom(seed);
  let state = trails.setup({ players, round: 1 + (seed % 3), random });
  const bots = Array.from({ length: players }, () => trailsBot("trails"));
  const views = [trails.view(state, null)];
  while (trails.outcome(state) === null) {
    for (let seat = 0; seat < players; seat++) {
      const view = trails.view(state, seat);
      const wild = random.next() < 0.15;
      const move = wild
        ? {
            mode: "trails" as const,
            direction: (["up", "down", "left", "right"] as const)[Math.floor(random.next() * 4)]!,
          }
        : bots[seat]!(view, seat, random.next());
      if (move && trails.validateMove(state, seat, move) === null) state = trails.applyMove(state, seat, move);
    }
    if (random.next() < 0.01) state = trails.removeSeat!(state, Math.floor(random.next() * players));
    state = trails.tick!(state);
    views.push(trails.view(state, null));
  }
  return views;
}

/** A delta as the wire carries it: JSON, then parsed by its schema. */
function overTheWire(delta: unknown) {
  return deltas.Delta.parse(JSON.parse(JSON.stringify(delta)));
}

describe("Trails deltas", () => {
  it("patching the view before with the delta gives the view after, for every step of many rounds", () => {
    let steps = 0;
    let sent = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const views = playRound(seed, 2 + (seed % 7));
      for (let i = 1; i < views.length; i++) {
        const [base, next] = [Object.freeze(views[i - 1]!), views[i]!];
        const delta = deltas.diff(base, next);
        steps++;
        if (delta === null) continue;
        sent++;
        expect(deltas.patch(base, overTheWire(delta)), `seed ${seed}, tick ${next.tick}`).toEqual(next);
      }
    }
    // A tick changes a few cells: nearly every step goes as a delta.
    expect(sent / steps).toBeGreaterThan(0.95);
  });

  it("spans several ticks as well, and falls back to the whole view once most of the arena changed", () => {
    const views = playRound(7, 4);
    const [first, fifth] = [views[0]!, views[5]!];
    expect(deltas.patch(first, overTheWire(deltas.diff(first, fifth)))).toEqual(fifth);
    const filled = { ...first, cells: "0".repeat(first.cells.length) };
    expect(deltas.diff(first, filled)).toBeNull();
  });

  it("sends only the riders that changed, and the whole view when anything else did", () => {
    const views = playRound(3, 4);
    const [base, next] = [views[10]!, views[11]!];
    const onlyFirst = { ...next, riders: next.riders.map((r, seat) => (seat === 0 ? r : base.riders[seat]!)) };
    expect(deltas.diff(base, onlyFirst)?.riders.map(([seat]) => seat)).toEqual([0]);
    const teamed = { ...next, riders: next.riders.map((r) => ({ ...r, team: r.seat % 2 })) };
    expect(deltas.diff(base, teamed)).toBeNull();
    expect(deltas.diff(base, { ...next, maxTicks: next.maxTicks + 1 })).toBeNull();
    expect(deltas.diff(base, { ...next, width: next.width + 1 })).toBeNull();
  });

  it("is a fraction of the whole view's size", () => {
    const views = playRound(11, 8);
    const [base, next] = [views[20]!, views[21]!];
    const delta = JSON.stringify(deltas.diff(base, next));
    expect(delta.length * 3).toBeLessThan(JSON.stringify(next).length);
  });
});
