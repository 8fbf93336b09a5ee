import { describe, expect, it } from "vitest";
import { freeRun, steerRider, trailsBot } from "./bot";
import type { TrailsView } from "./schemas";

function arena(
  rows: string[],
  rider: { x: number; y: number; direction: "up" | "down" | "left" | "right" },
): TrailsView {
  return {
    mode: "trails",
    width: rows[0]!.length,
    height: rows.length,
    tick: 1,
    tickMs: 100,
    maxTicks: 1200,
    cells: rows.join(""),
    riders: [{ seat: 0, team: null, ...rider, alive: true, length: 1, crashedAt: null }],
  };
}

describe("steering", () => {
  it("measures the free run to a wall or a trail", () => {
    const view = arena(["......", "0..1..", "......"], { x: 0, y: 1, direction: "right" });
    expect(freeRun(view, 0, 1, "right")).toBe(2);
    expect(freeRun(view, 0, 1, "left")).toBe(0);
  });

  it("goes straight while there is room and turns towards space before a wall", () => {
    const open = arena(["........", "0.......", "........"], { x: 0, y: 1, direction: "right" });
    expect(steerRider(open, 0, 0.9)).toBe("right");
    const walled = arena(["........", ".......0", "........", "........"], { x: 7, y: 1, direction: "right" });
    expect(steerRider(walled, 0, 0.9)).toBe("down");
  });

  it("keeps a turn it just made until the view shows it landed", () => {
    const bot = trailsBot("trails");
    const walled = arena(["........", ".......0", "........", "........"], { x: 7, y: 1, direction: "right" });
    expect(bot(walled, 0, 0.9)).toEqual({ mode: "trails", direction: "down" });
    // The next beat still sees the rider heading right (the turn is queued): it says "down" again.
    expect(bot({ ...walled, tick: 2 }, 0, 0.9)).toEqual({ mode: "trails", direction: "down" });
  });
});
