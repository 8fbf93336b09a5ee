import { MoveRefusalCode as ErrorCode, seededRandom } from "@lobby/game-kit";
import { TrailsView, type TrailsDirection } from "./schemas";
import { describe, expect, it } from "vitest";
import { OPPOSITE, STEP, interleaveTeams } from "./arena";
import { trailsGame } from "./index";
import { MAX_QUEUED_TURNS, TRAILS_MAX_TICKS, trails, type TrailsRiderState, type TrailsState } from "./rules";

const random = seededRandom(11);
const steer = (direction: TrailsDirection) => ({ mode: "trails" as const, direction });

function setup(players: number, round = 1): TrailsState {
  return trails.setup({ players, round, random });
}

function tick(state: TrailsState, times = 1): TrailsState {
  for (let i = 0; i < times; i++) state = trails.tick!(state);
  return state;
}

function steerOk(state: TrailsState, seat: number, direction: TrailsDirection): TrailsState {
  const refusal = trails.validateMove(state, seat, steer(direction));
  if (refusal) throw new Error(`seat ${seat} ${direction} refused: ${refusal.message}`);
  return trails.applyMove(state, seat, steer(direction));
}

/** A hand-built arena: riders as [x, y, direction], trails drawn from `rows`. */
function arena(rows: string[], riders: [x: number, y: number, direction: TrailsDirection][]): TrailsState {
  const width = rows[0]!.length;
  const cells = rows.join("").split("");
  const built = riders.map(([x, y, direction], seat): TrailsRiderState => {
    cells[y * width + x] = String(seat);
    return { seat, team: null, x, y, direction, alive: true, length: 1, crashedAt: null, turns: [] };
  });
  return { width, height: rows.length, tick: 0, maxTicks: TRAILS_MAX_TICKS, cells: cells.join(""), riders: built };
}

const cellAt = (state: TrailsState, x: number, y: number) => state.cells[y * state.width + x];
const rider = (state: TrailsState, seat: number) => state.riders[seat]!;

describe("Trails setup", () => {
  it.each([2, 3, 4, 5, 6, 7, 8])(
    "spawns %i riders in distinct in-bounds cells, riding clockwise round the centre",
    (players) => {
      for (const round of [1, 2, 3]) {
        const state = setup(players, round);
        expect(state.cells).toHaveLength(state.width * state.height);
        expect(state.riders.map((r) => r.seat)).toEqual([...Array(players).keys()]);
        const spots = new Set(state.riders.map((r) => `${r.x},${r.y}`));
        expect(spots.size).toBe(players);
        for (const r of state.riders) {
          expect(r.x).toBeGreaterThanOrEqual(0);
          expect(r.x).toBeLessThan(state.width);
          expect(r.y).toBeGreaterThanOrEqual(0);
          expect(r.y).toBeLessThan(state.height);
          expect(cellAt(state, r.x, r.y)).toBe(String(r.seat));
          expect(r).toMatchObject({ alive: true, length: 1, crashedAt: null, turns: [] });
          // A pinwheel: heading clockwise on screen (y grows downwards), so the cross product is positive.
          const { dx, dy } = STEP[r.direction];
          expect((r.x - (state.width - 1) / 2) * dy - (r.y - (state.height - 1) / 2) * dx).toBeGreaterThan(0);
        }
        expect(state.cells.replaceAll(".", "")).toHaveLength(players);
      }
    },
  );

  it("sizes the arena for the field and is deterministic", () => {
    expect(setup(2)).toMatchObject({ width: 40, height: 30, tick: 0, maxTicks: TRAILS_MAX_TICKS });
    expect(setup(4)).toMatchObject({ width: 40, height: 30 });
    expect(setup(5)).toMatchObject({ width: 48, height: 36 });
    expect(setup(8)).toMatchObject({ width: 48, height: 36 });
    expect(setup(6, 2)).toEqual(setup(6, 2));
  });

  it.each([2, 3, 4, 5, 6, 7, 8])("gives %i riders who never steer at least 19 ticks to react", (players) => {
    for (const round of [1, 2, 3]) {
      const state = tick(setup(players, round), 18);
      expect(state.riders.every((r) => r.alive)).toBe(true);
    }
  });

  it.each([2, 3, 4, 5, 6, 7, 8])(
    "keeps the straight paths of %i riders apart: who never steers hits a wall",
    (players) => {
      let state = setup(players);
      // The cells to the wall straight ahead: a rider who never steers crashes one tick after the last.
      const toWall = state.riders.map((r) => {
        const { dx, dy } = STEP[r.direction];
        let cells = 0;
        for (let x = r.x + dx, y = r.y + dy; x >= 0 && y >= 0 && x < state.width && y < state.height; x += dx, y += dy)
          cells++;
        return cells;
      });
      while (!trails.outcome(state)) state = tick(state);
      // The round ends when one rider is left, so every crash but that rider's is at its wall.
      for (const r of state.riders) if (!r.alive) expect(r.crashedAt).toBe(toWall[r.seat]! + 1);
      // Not all at once: with four or more riders, the first crash leaves riders of other pairs.
      if (players >= 4) expect(new Set(state.riders.map((r) => r.crashedAt)).size).toBeGreaterThan(1);
    },
  );

  it.each([2, 4, 6, 8])("places %i riders symmetrically under a half turn", (players) => {
    const state = setup(players);
    const spots = new Set(state.riders.map((r) => `${r.x},${r.y},${r.direction}`));
    for (const r of state.riders) {
      expect(spots).toContain(`${state.width - 1 - r.x},${state.height - 1 - r.y},${OPPOSITE[r.direction]}`);
    }
  });

  it("gives free-for-all riders no team, even when handed teams", () => {
    const state = trails.setup({ players: 4, teams: [0, 1, 0, 1], round: 1, random });
    expect(state.riders.map((r) => r.team)).toEqual([null, null, null, null]);
    expect(state.riders.map(({ x, y }) => ({ x, y }))).toEqual(setup(4).riders.map(({ x, y }) => ({ x, y })));
  });

  it("interleaves teams round the ring, extras of a larger team last", () => {
    expect(interleaveTeams([0, 0, 1, 1])).toEqual([0, 2, 1, 3]);
    expect(interleaveTeams([1, 0, 0, 1, 1, 0])).toEqual([1, 0, 2, 3, 5, 4]);
    expect(interleaveTeams([0, 0, 0, 1])).toEqual([0, 3, 1, 2]);
  });

  it("rotates seats round the spawn ring on rematches", () => {
    const first = setup(3, 1).riders.map(({ x, y }) => ({ x, y }));
    const second = setup(3, 2).riders.map(({ x, y }) => ({ x, y }));
    expect(second).toEqual([first[1], first[2], first[0]]);
  });
});

describe("Trails ticks", () => {
  it("moves every rider one cell per tick, leaving a trail", () => {
    const start = setup(2);
    const next = tick(start);
    expect(next.tick).toBe(1);
    for (const before of start.riders) {
      const after = rider(next, before.seat);
      const { dx, dy } = STEP[before.direction];
      expect(after).toMatchObject({ x: before.x + dx, y: before.y + dy, length: 2, alive: true });
      expect(cellAt(next, before.x, before.y)).toBe(String(before.seat));
      expect(cellAt(next, after.x, after.y)).toBe(String(before.seat));
    }
    expect(trails.outcome(next)).toBeNull();
  });

  it("crashes a rider into the wall; it stops and the other wins", () => {
    const state = tick(
      arena(
        ["....", "....", "...."],
        [
          [3, 0, "right"],
          [0, 2, "up"],
        ],
      ),
    );
    expect(rider(state, 0)).toMatchObject({ x: 3, y: 0, alive: false, crashedAt: 1, length: 1 });
    expect(cellAt(state, 3, 0)).toBe("0");
    expect(rider(state, 1)).toMatchObject({ x: 0, y: 1, alive: true });
    expect(trails.outcome(state)).toEqual({ kind: "win", winners: [1] });
  });

  it("crashes a rider into a trail, its own or another's", () => {
    // Seat 1 crosses (3,1) on the first tick; seat 0 reaches it on the third.
    let state = arena(
      [".....", ".....", "....."],
      [
        [0, 1, "right"],
        [3, 2, "up"],
      ],
    );
    state = tick(steerOk(tick(state), 1, "right"));
    expect(state.riders.map((r) => r.alive)).toEqual([true, true]);
    state = tick(state);
    expect(rider(state, 0)).toMatchObject({ x: 2, y: 1, alive: false, crashedAt: 3, length: 3 });
    expect(cellAt(state, 3, 1)).toBe("1");
    const own = tick(
      arena(
        ["...", "000", "..."],
        [
          [2, 0, "down"],
          [0, 2, "right"],
        ],
      ),
    );
    expect(rider(own, 0)).toMatchObject({ alive: false, crashedAt: 1 });
  });

  it("crashes both heads meeting in one cell: a draw for two riders", () => {
    const state = tick(
      arena(
        [".....", "....."],
        [
          [1, 0, "right"],
          [3, 0, "left"],
        ],
      ),
    );
    expect(rider(state, 0)).toMatchObject({ x: 1, alive: false, crashedAt: 1 });
    expect(rider(state, 1)).toMatchObject({ x: 3, alive: false, crashedAt: 1 });
    expect(cellAt(state, 2, 0)).toBe(".");
    expect(trails.outcome(state)).toEqual({ kind: "draw" });
  });

  it("crashes two heads that would swap places", () => {
    const state = tick(
      arena(
        ["....", "...."],
        [
          [1, 0, "right"],
          [2, 0, "left"],
        ],
      ),
    );
    expect(state.riders.map((r) => r.alive)).toEqual([false, false]);
    expect(trails.outcome(state)).toEqual({ kind: "draw" });
  });

  it("lets the last rider alive win, even after a simultaneous crash of others", () => {
    let state = arena(
      ["......", "......", "......", "......"],
      [
        [0, 0, "right"],
        [2, 0, "left"],
        [0, 3, "right"],
      ],
    );
    state = tick(state);
    expect(state.riders.map((r) => r.alive)).toEqual([false, false, true]);
    expect(trails.outcome(state)).toEqual({ kind: "win", winners: [2] });
    // The round is over: further ticks change nothing.
    expect(tick(state)).toBe(state);
  });

  it("ends on time with the longest trail(s) winning", () => {
    const lanes = Array<string>(5).fill(".".repeat(40));
    let state = {
      ...arena(lanes, [
        [0, 0, "right"],
        [0, 2, "right"],
        [0, 4, "right"],
      ]),
      maxTicks: 30,
    };
    state = trails.removeSeat!(tick(state, 10), 1);
    state = tick(state, 19);
    expect(trails.outcome(state)).toBeNull();
    state = tick(state);
    expect(state.tick).toBe(30);
    expect(state.riders.map((r) => r.length)).toEqual([31, 11, 31]);
    expect(trails.outcome(state)).toEqual({ kind: "win", winners: [0, 2] });
    expect(trails.validateMove(state, 0, steer("up"))?.message).toBe("The round is over.");
  });
});

describe("Trails steering", () => {
  const open = () =>
    arena(Array<string>(7).fill("......."), [
      [3, 3, "right"],
      [0, 0, "down"],
    ]);

  it("refuses a direct reversal, also of the last queued turn", () => {
    expect(trails.validateMove(open(), 0, steer("left"))).toMatchObject({ code: ErrorCode.IllegalMove });
    const queued = steerOk(open(), 0, "up");
    expect(trails.validateMove(queued, 0, steer("down"))).toMatchObject({ code: ErrorCode.IllegalMove });
    // Reversing the current heading is fine once a turn is queued in between.
    expect(trails.validateMove(queued, 0, steer("left"))).toBeNull();
  });

  it("refuses a crashed rider's moves", () => {
    const state = trails.removeSeat!(open(), 0);
    expect(trails.validateMove(state, 0, steer("up"))).toEqual({
      code: ErrorCode.IllegalMove,
      message: "You have crashed.",
    });
  });

  it("queues a quick double turn across two ticks", () => {
    let state = steerOk(steerOk(open(), 0, "up"), 0, "left");
    expect(rider(state, 0).turns).toEqual(["up", "left"]);
    state = tick(state);
    expect(rider(state, 0)).toMatchObject({ x: 3, y: 2, direction: "up", turns: ["left"] });
    state = tick(state);
    expect(rider(state, 0)).toMatchObject({ x: 2, y: 2, direction: "left", turns: [] });
  });

  it(`holds at most ${MAX_QUEUED_TURNS} pending turns and accepts same-direction no-ops`, () => {
    const state = steerOk(steerOk(open(), 0, "up"), 0, "right");
    expect(trails.validateMove(state, 0, steer("down"))).toMatchObject({ code: ErrorCode.IllegalMove });
    expect(trails.validateMove(state, 0, steer("right"))).toBeNull();
    expect(trails.applyMove(state, 0, steer("right"))).toBe(state);
    expect(trails.applyMove(open(), 0, steer("right"))).toEqual(open());
  });
});

describe("Trails seats and views", () => {
  it("crashes a removed seat at the current tick, keeping its trail", () => {
    let state = tick(setup(3), 5);
    const { x, y } = rider(state, 2);
    state = trails.removeSeat!(state, 2);
    expect(rider(state, 2)).toMatchObject({ alive: false, crashedAt: 5, x, y, length: 6 });
    expect(state.cells.split("").filter((c) => c === "2")).toHaveLength(6);
    expect(trails.outcome(state)).toBeNull();
    expect(trails.removeSeat!(state, 2)).toBe(state);
    expect(trails.outcome(trails.removeSeat!(state, 0))).toEqual({ kind: "win", winners: [1] });
  });

  it("never mutates its input", () => {
    const start = steerOk(tick(setup(4), 3), 1, "left");
    const frozen = structuredClone(start);
    steerOk(start, 0, "up");
    tick(start, 3);
    trails.removeSeat!(start, 2);
    trails.view(start, null);
    expect(start).toEqual(frozen);
  });

  it("shows everyone the same contract-valid view, without queued turns", () => {
    const state = steerOk(tick(setup(8), 2), 0, "up");
    const view = trails.view(state, 0);
    expect(TrailsView.parse(view)).toEqual(view);
    expect(view).toMatchObject({ mode: "trails", width: 48, height: 36, tick: 2, tickMs: 100, maxTicks: 1200 });
    expect(view.riders[0]).not.toHaveProperty("turns");
    expect(trails.view(state, null)).toEqual(view);
    expect(trailsGame.mode).toMatchObject({ id: "trails", minPlayers: 2, maxPlayers: 8, realtime: true });
    expect(trails.tickMs).toBe(100);
  });
});
