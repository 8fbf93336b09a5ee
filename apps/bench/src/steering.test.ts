import type { ConnectFourView, TrailsView } from "@lobby/contracts";
import { describe, expect, it } from "vitest";
import { freeRun, pickColumn, steerRider } from "./steering";

function arena(rows: string[], rider: { x: number; y: number; direction: "up" | "down" | "left" | "right" }): TrailsView {
  return {
    mode: "trails", width: rows[0]!.length, height: rows.length, tick: 1, tickMs: 100, maxTicks: 1200,
    cells: rows.join(""),
    riders: [{ seat: 0, ...rider, alive: true, length: 1, crashedAt: null }],
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

  it("picks only columns with room", () => {
    const board = Array<number | null>(42).fill(null);
    for (let c = 0; c < 7; c++) if (c !== 4) board[c] = 0;
    const view: ConnectFourView = { mode: "connect-four", rows: 6, columns: 7, board, turn: 0, moves: 36, lastMove: null, winLine: null };
    expect(pickColumn(view, 0)).toBe(4);
    expect(pickColumn(view, 0.99)).toBe(4);
    expect(pickColumn({ ...view, board: Array<number | null>(42).fill(1) }, 0.5)).toBeNull();
  });
});
