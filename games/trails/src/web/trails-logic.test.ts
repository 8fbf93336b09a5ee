import type { TrailsRider, TrailsView } from "../schemas";
import { describe, expect, it } from "vitest";
import { fitCell } from "./trails-draw";
import {
  TRAILS_COLOURS,
  TRAILS_COLOUR_NAMES,
  TRAILS_TEAM_COLOURS,
  describeRiders,
  directionForKey,
  isRoundRunning,
  planTurn,
  riderColour,
  settlePending,
  swipeDirection,
  teamsRiding,
  timeLeft,
  trailsColour,
  trailsTeamName,
} from "./trails-logic";

function rider(seat: number, alive = true, crashedAt: number | null = null, team: number | null = null): TrailsRider {
  return { seat, team, x: seat, y: 0, direction: "right", alive, length: 1, crashedAt };
}

function view(riders: TrailsRider[], tick = 0): TrailsView {
  return { mode: "trails", width: 8, height: 2, tick, tickMs: 100, maxTicks: 1200, cells: ".".repeat(16), riders };
}

describe("Trails colours", () => {
  it("gives eight distinct colours with names, one per seat", () => {
    expect(new Set(TRAILS_COLOURS).size).toBe(8);
    expect(TRAILS_COLOUR_NAMES).toHaveLength(8);
    expect(trailsColour(0)).toBe("#ff6b6b");
    expect(trailsColour(7)).toBe(TRAILS_COLOURS[7]);
  });
});

/** The hue of a CSS hex colour, in degrees. */
function hue(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const range = max - Math.min(r, g, b);
  const h = max === r ? ((g - b) / range) % 6 : max === g ? (b - r) / range + 2 : (r - g) / range + 4;
  return (h * 60 + 360) % 360;
}

describe("Trails team colours", () => {
  it("gives each team a family of eight shades, warm against cool", () => {
    const [warm, cool] = TRAILS_TEAM_COLOURS;
    expect(new Set(warm).size).toBe(8);
    expect(new Set(cool).size).toBe(8);
    for (const colour of warm) expect(hue(colour) <= 60 || hue(colour) >= 345, `${colour} is warm`).toBe(true);
    for (const colour of cool) expect(hue(colour) >= 180 && hue(colour) <= 240, `${colour} is cool`).toBe(true);
    expect([trailsTeamName(0), trailsTeamName(1), trailsTeamName(2)]).toEqual(["Warm", "Cool", "Team 3"]);
  });

  it("colours a rider by its team in a team mode and by its seat otherwise", () => {
    expect(riderColour({ seat: 5, team: null })).toBe(trailsColour(5));
    expect(riderColour({ seat: 5, team: 0 })).toBe(TRAILS_TEAM_COLOURS[0][5]);
    expect(riderColour({ seat: 5, team: 1 })).toBe(TRAILS_TEAM_COLOURS[1][5]);
    // Any four seats of one team keep four shades.
    expect(new Set([0, 3, 4, 7].map((seat) => riderColour({ seat, team: 1 }))).size).toBe(4);
  });
});

describe("directionForKey", () => {
  it("maps arrows and WASD (by physical key) and nothing else", () => {
    expect(directionForKey({ key: "ArrowUp", code: "ArrowUp" })).toBe("up");
    expect(directionForKey({ key: "ArrowLeft", code: "ArrowLeft" })).toBe("left");
    expect(directionForKey({ key: "d", code: "KeyD" })).toBe("right");
    // AZERTY: the key labelled Z sits where W is.
    expect(directionForKey({ key: "z", code: "KeyW" })).toBe("up");
    expect(directionForKey({ key: "S", code: "KeyS" })).toBe("down");
    expect(directionForKey({ key: "Enter", code: "Enter" })).toBeNull();
    expect(directionForKey({ key: "q", code: "KeyQ" })).toBeNull();
  });
});

describe("swipeDirection", () => {
  it("ignores short movements and picks the longer axis", () => {
    expect(swipeDirection(10, -5, 22)).toBeNull();
    expect(swipeDirection(30, 4, 22)).toBe("right");
    expect(swipeDirection(-30, 20, 22)).toBe("left");
    expect(swipeDirection(12, -25, 22)).toBe("up");
    expect(swipeDirection(-3, 40, 22)).toBe("down");
  });
});

describe("planTurn and settlePending", () => {
  it("queues up to two turns, refusing repeats and reversals of the last one", () => {
    expect(planTurn("right", [], "up")).toEqual(["up"]);
    expect(planTurn("right", [], "right")).toBeNull();
    expect(planTurn("right", [], "left")).toBeNull();
    expect(planTurn("right", ["up"], "left")).toEqual(["up", "left"]);
    expect(planTurn("right", ["up"], "down")).toBeNull();
    expect(planTurn("right", ["up", "left"], "down")).toBeNull();
  });

  it("drops one pending turn per tick and forgets them all on a new round", () => {
    const pending = { tick: 10, turns: ["up", "left"] as const };
    expect(settlePending(pending, 10).turns).toEqual(["up", "left"]);
    expect(settlePending(pending, 11)).toEqual({ tick: 11, turns: ["left"] });
    expect(settlePending(pending, 14).turns).toEqual([]);
    expect(settlePending(pending, 0)).toEqual({ tick: 0, turns: [] });
  });
});

describe("round state", () => {
  it("runs while two ride and time is left", () => {
    expect(isRoundRunning(view([rider(0), rider(1)]))).toBe(true);
    expect(isRoundRunning(view([rider(0), rider(1, false, 3)]))).toBe(false);
    expect(isRoundRunning(view([rider(0), rider(1)], 1200))).toBe(false);
  });

  it("runs in a team mode while two teams ride, however many riders that is", () => {
    expect(isRoundRunning(view([rider(0, true, null, 0), rider(1, true, null, 1), rider(2, false, 4, 1)]))).toBe(true);
    expect(isRoundRunning(view([rider(0, true, null, 0), rider(1, false, 4, 1), rider(2, true, null, 0)]))).toBe(false);
  });

  it("counts the riders still riding per team, in team order", () => {
    const riders = [rider(0, true, null, 1), rider(1, false, 3, 0), rider(2, true, null, 1), rider(3, true, null, 0)];
    expect(teamsRiding(view(riders))).toEqual([
      { team: 0, riding: 1 },
      { team: 1, riding: 2 },
    ]);
    expect(teamsRiding(view([rider(0), rider(1)]))).toEqual([]);
  });

  it("shows the time left as m:ss", () => {
    expect(timeLeft(view([], 0))).toBe("2:00");
    expect(timeLeft(view([], 551))).toBe("1:05");
    expect(timeLeft(view([], 1200))).toBe("0:00");
  });

  it("fits whole device pixels per cell", () => {
    expect(fitCell(358, 3, 48)).toBe(22);
    expect(fitCell(700, 1, 40)).toBe(17);
    expect(fitCell(10, 1, 40)).toBe(1);
  });
});

describe("describeRiders", () => {
  const names = ["Ann", "Bob", "Cy", "Di"];

  it("counts riders before anyone crashes", () => {
    expect(describeRiders(view([rider(0), rider(1), rider(2)]), names, 0)).toBe("3 riders on the grid.");
  });

  it("names who is still riding and who crashed last, together if at once", () => {
    const riders = [rider(0), rider(1, false, 40), rider(2, false, 40), rider(3, false, 12)];
    expect(describeRiders(view(riders), names, null)).toBe("Still riding: Ann. Bob and Cy crashed.");
    expect(describeRiders(view([rider(0, false, 9), rider(1), rider(2)]), names, 0)).toBe(
      "Still riding: Bob and Cy. You crashed.",
    );
    expect(describeRiders(view([rider(0, false, 9), rider(1, false, 9)]), names, 1)).toBe(
      "Nobody is still riding. Ann and you crashed.",
    );
  });

  it("does not change from tick to tick while nobody crashes", () => {
    const riders = [rider(0), rider(1), rider(2, false, 5)];
    expect(describeRiders(view(riders, 30), names, 2)).toBe(describeRiders(view(riders, 31), names, 2));
  });
});
