import { seededRandom, type Outcome } from "@lobby/game-kit";
import {
  OPPOSITE,
  TRAILS_MAX_TICKS,
  TrailsView,
  spawns,
  arenaSize,
  trailsGame,
  type TrailsDirection,
  type TrailsRiderState,
  type TrailsState,
} from "@lobby/game-trails";
import { describe, expect, it } from "vitest";
import { TRAILS_TEAMS, TrailsTeamsMove, TrailsTeamsView, trailsTeamsGame } from "./index";

const rules = trailsTeamsGame.rules;
const random = seededRandom(7);

function setup(teams: readonly number[], round = 1): TrailsState {
  return rules.setup({ players: teams.length, teams, round, random });
}

function tick(state: TrailsState, times = 1): TrailsState {
  for (let i = 0; i < times; i++) state = rules.tick!(state);
  return state;
}

/** A hand-built arena: riders as [x, y, direction, team], their heads drawn into `rows`. */
function arena(
  rows: string[],
  riders: [x: number, y: number, direction: TrailsDirection, team: number][],
): TrailsState {
  const width = rows[0]!.length;
  const cells = rows.join("").split("");
  const built = riders.map(([x, y, direction, team], seat): TrailsRiderState => {
    cells[y * width + x] = String(seat);
    return { seat, team, x, y, direction, alive: true, length: 1, crashedAt: null, turns: [] };
  });
  return { width, height: rows.length, tick: 0, maxTicks: TRAILS_MAX_TICKS, cells: cells.join(""), riders: built };
}

const alive = (state: TrailsState) => state.riders.map((r) => r.alive);

/** The riders in the order they sit round the arena's centre (clockwise on screen, from the left). */
function roundTheRing(state: TrailsState): TrailsRiderState[] {
  const angle = (r: TrailsRiderState) => Math.atan2(r.y - (state.height - 1) / 2, r.x - (state.width - 1) / 2);
  return [...state.riders].sort((a, b) => angle(a) - angle(b));
}

describe("Trails: Teams, the mode", () => {
  it("is a two-team mode for four to eight riders", () => {
    expect(trailsTeamsGame.mode).toMatchObject({
      id: "trails-teams",
      name: "Trails: Teams",
      minPlayers: 4,
      maxPlayers: 8,
      quickMatchPlayers: 4,
      realtime: true,
      teams: 2,
    });
    expect(trailsTeamsGame.id).toBe("trails-teams");
    expect(TRAILS_TEAMS).toBe(2);
  });

  it('tags its views and moves `mode: "trails-teams"`, which Trails\' own schemas refuse', () => {
    const state = tick(setup([0, 1, 1, 0]), 2);
    const view = rules.view(state, 0);
    expect(view.mode).toBe("trails-teams");
    expect(TrailsTeamsView.parse(view)).toEqual(view);
    expect(TrailsView.safeParse(view).success).toBe(false);
    expect(trailsGame.rules.view(trailsGame.rules.setup({ players: 4, round: 1, random }), null).mode).toBe("trails");

    const moves = [
      ...trailsTeamsGame.moves.samples,
      ...trailsTeamsGame.moves.sensible(view, 0),
      trailsTeamsGame.moves.bot!()(view, 0, 0.5),
    ];
    expect(moves.length).toBeGreaterThan(4);
    for (const move of moves) expect(TrailsTeamsMove.parse(move)).toMatchObject({ mode: "trails-teams" });
    expect(TrailsTeamsMove.safeParse({ mode: "trails", direction: "up" }).success).toBe(false);
    expect(rules.validateMove(state, 0, { mode: "trails-teams", direction: state.riders[0]!.direction })).toBeNull();
  });
});

describe("Trails: Teams setup", () => {
  it("gives every rider its seat's team, in the view too", () => {
    const teams = [1, 0, 0, 1, 1, 0];
    const state = setup(teams);
    expect(state.riders.map((r) => r.seat)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(state.riders.map((r) => r.team)).toEqual(teams);
    expect(rules.view(state, null).riders.map((r) => r.team)).toEqual(teams);
    expect(rules.problems!(rules.view(state, null), 6)).toEqual([]);
  });

  it("refuses a setup without each seat's team, or with a team left empty or out of range", () => {
    expect(() => rules.setup({ players: 4, round: 1, random })).toThrow(/team of each/);
    expect(() => rules.setup({ players: 4, teams: [0, 1, 0], round: 1, random })).toThrow(/team of each/);
    expect(() => setup([0, 0, 0, 0])).toThrow(/nobody on team 1/);
    expect(() => setup([0, 1, 2, 1])).toThrow(/on team 2/);
  });

  const layouts = [
    [0, 0, 1, 1],
    [0, 1, 1, 0],
    [1, 0, 1, 0],
    [0, 0, 0, 1, 1, 1],
    [1, 0, 0, 1, 0, 1],
    [0, 0, 0, 0, 1, 1, 1, 1],
    [1, 1, 0, 1, 0, 0, 1, 0],
  ].map((teams) => ({ teams }));

  it.each(layouts)("interleaves the teams round the ring ($teams), every round", ({ teams }) => {
    for (const round of [1, 2, 3]) {
      const ring = roundTheRing(setup(teams, round));
      ring.forEach((rider, i) => {
        const next = ring[(i + 1) % ring.length]!;
        expect(next.team, `seats ${rider.seat} and ${next.seat} sit side by side`).not.toBe(rider.team);
      });
    }
  });

  it.each(layouts)(
    "keeps Trails' spawn ring ($teams), and nobody who never steers crashes in 18 ticks",
    ({ teams }) => {
      const state = setup(teams);
      const slots = spawns(teams.length, 1, arenaSize(teams.length)).map(
        ({ x, y, direction }) => `${x},${y},${direction}`,
      );
      expect(state.riders.map(({ x, y, direction }) => `${x},${y},${direction}`).sort()).toEqual(slots.sort());
      for (const r of state.riders) expect(state.cells[r.y * state.width + r.x]).toBe(String(r.seat));
      expect(alive(tick(state, 18)).every(Boolean)).toBe(true);
    },
  );
});

describe("Trails: Teams rules", () => {
  it("goes on while both teams ride, then the last team riding wins, its crashed riders too", () => {
    let state = arena(
      ["..........", "..........", "..........", "..........", "..........", ".........."],
      [
        [9, 0, "right", 0], // into the wall on tick 1
        [1, 2, "left", 1], // into the wall on tick 2
        [0, 5, "right", 0], // rides on
        [5, 1, "up", 1], // into the wall on tick 2
      ],
    );
    state = tick(state);
    expect(alive(state)).toEqual([false, true, true, true]);
    expect(rules.outcome(state)).toBeNull();
    state = tick(state);
    expect(alive(state)).toEqual([false, false, true, false]);
    expect(rules.outcome(state)).toEqual({ kind: "win", winners: [0, 2] });
    // Over: ticks change nothing and steering is refused.
    expect(tick(state)).toBe(state);
    expect(rules.validateMove(state, 2, { mode: "trails-teams", direction: "up" })?.message).toBe("The round is over.");
  });

  it("is a draw when the last riders of both teams crash together", () => {
    const state = tick(
      arena(
        ["......", "......", "......"],
        [
          [1, 1, "right", 0],
          [3, 1, "left", 1], // head-on with seat 0, in (2, 1)
          [0, 0, "up", 0],
          [5, 2, "down", 1],
        ],
      ),
    );
    expect(alive(state)).toEqual([false, false, false, false]);
    expect(rules.outcome(state)).toEqual({ kind: "draw" });
  });

  it("never ends while two teams ride, however few are left", () => {
    let state = setup([0, 1, 0, 1, 0, 1]);
    for (const seat of [0, 2, 1]) state = rules.removeSeat!(state, seat);
    expect(alive(state)).toEqual([false, false, false, true, true, true]);
    const next = tick(state, 5);
    expect(rules.outcome(next)).toBeNull();
    expect(next.tick).toBe(5);
    expect(rules.validateMove(next, 3, { mode: "trails-teams", direction: next.riders[3]!.direction })).toBeNull();
  });

  it("ends when the last rider of a team leaves for good", () => {
    let state = tick(setup([0, 1, 1, 0]), 3);
    state = rules.removeSeat!(state, 1);
    expect(rules.outcome(state)).toBeNull();
    state = rules.removeSeat!(state, 2);
    expect(rules.outcome(state)).toEqual({ kind: "win", winners: [0, 3] });
  });

  describe("at the tick limit", () => {
    /** Four riders in their own lanes, at the last tick, with the lengths and crashes given. */
    function timeUp(riders: [team: number, length: number, alive: boolean][]): TrailsState {
      const built = arena(
        Array<string>(riders.length * 2).fill(".".repeat(8)),
        riders.map(([team], seat) => [0, seat * 2, "right", team]),
      );
      return {
        ...built,
        tick: built.maxTicks,
        riders: built.riders.map((rider, seat) => {
          const [, length, living] = riders[seat]!;
          return { ...rider, length, alive: living, crashedAt: living ? null : 10 };
        }),
      };
    }

    it("gives the win to the team whose living riders' trails are longest together", () => {
      // Team 0 has the longest single trail (50) and a crashed rider's longer one (100), which no longer counts.
      const state = timeUp([
        [0, 50, true],
        [1, 30, true],
        [0, 100, false],
        [1, 30, true],
      ]);
      expect(rules.outcome(state)).toEqual({ kind: "win", winners: [1, 3] });
      expect(tick(state)).toBe(state);
    });

    it("shares the win between tied teams, every seat of them", () => {
      const state = timeUp([
        [0, 40, true],
        [1, 25, true],
        [0, 5, false],
        [1, 15, true],
      ]);
      expect(rules.outcome(state)).toEqual({ kind: "win", winners: [0, 1, 2, 3] });
    });

    it("is not reached a tick early", () => {
      const state = timeUp([
        [0, 40, true],
        [1, 25, true],
        [0, 5, false],
        [1, 15, true],
      ]);
      expect(rules.outcome({ ...state, tick: state.maxTicks - 1 })).toBeNull();
    });
  });

  it("flags a view whose riders are not all in teams", () => {
    const view = rules.view(setup([0, 1, 0, 1]), null);
    const mixed = { ...view, riders: view.riders.map((r) => (r.seat === 2 ? { ...r, team: null } : r)) };
    expect(rules.problems!(mixed, 4)).toContain("some riders have a team and some have none");
    const none = { ...view, riders: view.riders.map((r) => ({ ...r, team: null })) };
    expect(rules.problems!(none, 4)).toContain("a team mode without teams");
  });
});

describe("Trails: Teams, played at random", () => {
  /** Whose team(s) an outcome names, or null for a draw; throws unless the winners are whole teams. */
  function winningTeams(state: TrailsState, outcome: Outcome): number[] | null {
    if (outcome.kind === "draw") return null;
    const teams = [...new Set(outcome.winners.map((seat) => state.riders[seat]!.team!))].sort();
    const whole = state.riders.filter((r) => teams.includes(r.team!)).map((r) => r.seat);
    expect(outcome.winners).toEqual(whole);
    return teams;
  }

  /** Half the seats on each team, shuffled. */
  function drawTeams(players: number, rng: { next(): number }): number[] {
    const teams = Array.from({ length: players }, (_, seat) => seat % 2);
    for (let i = teams.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [teams[i], teams[j]] = [teams[j]!, teams[i]!];
    }
    return teams;
  }

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9])(
    "ends only once one team (or none) rides, and whole teams win (seed %i)",
    (seed) => {
      const rng = seededRandom(seed);
      const players = [4, 6, 8][seed % 3]!;
      let state = rules.setup({ players, teams: drawTeams(players, rng), round: seed, random: rng });
      while (!rules.outcome(state)) {
        for (const rider of state.riders) {
          // Mostly straight on, now and then a turn to either side.
          if (rng.next() > 0.2) continue;
          const [left, right] = (["up", "right", "down", "left"] as const).filter(
            (d) => d !== rider.direction && d !== OPPOSITE[rider.direction],
          );
          const move = { mode: "trails-teams" as const, direction: (rng.next() < 0.5 ? left : right)! };
          if (!rules.validateMove(state, rider.seat, move)) state = rules.applyMove(state, rider.seat, move);
        }
        state = tick(state);
        const riding = new Set(state.riders.filter((r) => r.alive).map((r) => r.team));
        const outcome = rules.outcome(state);
        expect(outcome === null).toBe(riding.size >= 2 && state.tick < state.maxTicks);
        if (outcome?.kind === "draw") expect(riding.size).toBe(0);
        if (outcome && riding.size === 1) expect(winningTeams(state, outcome)).toEqual([...riding]);
        if (outcome?.kind === "win") expect(winningTeams(state, outcome)?.length).toBeGreaterThan(0);
        if (riding.size === 0) expect(outcome).toEqual({ kind: "draw" });
      }
      expect(state.tick).toBeLessThanOrEqual(TRAILS_MAX_TICKS);
    },
  );
});
