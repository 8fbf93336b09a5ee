import type { ConnectFourView } from "../schemas";
import { describe, expect, it } from "vitest";
import { describeColumn, isLastMove, isWinCell, landingRow } from "./connect-four-logic";

function view(discs: [row: number, column: number, seat: number][]): ConnectFourView {
  const board = Array<number | null>(42).fill(null);
  for (const [row, column, seat] of discs) board[row * 7 + column] = seat;
  return {
    mode: "connect-four",
    rows: 6,
    columns: 7,
    board,
    turn: 0,
    moves: discs.length,
    lastMove: null,
    winLine: null,
  };
}

describe("landingRow", () => {
  it("lands on the bottom row (row 5) of an empty column and stacks upward", () => {
    expect(landingRow(view([]), 3)).toBe(5);
    expect(
      landingRow(
        view([
          [5, 3, 0],
          [4, 3, 1],
        ]),
        3,
      ),
    ).toBe(3);
  });

  it("is null for a full column", () => {
    const full = view([0, 1, 2, 3, 4, 5].map((row) => [row, 2, row % 2] as [number, number, number]));
    expect(landingRow(full, 2)).toBeNull();
    expect(describeColumn(full, 2)).toMatch(/^Full:/);
  });
});

describe("describeColumn", () => {
  it("lists discs from the bottom up with the free space left", () => {
    expect(
      describeColumn(
        view([
          [5, 0, 0],
          [4, 0, 1],
        ]),
        0,
      ),
    ).toBe("coral, gold from the bottom; 4 free.");
    expect(describeColumn(view([]), 0)).toBe("Empty.");
  });
});

describe("highlights", () => {
  it("finds cells on the winning line and the last move", () => {
    const v = {
      ...view([]),
      lastMove: { row: 5, column: 1 },
      winLine: [
        { row: 5, column: 1 },
        { row: 5, column: 2 },
      ],
    };
    expect(isWinCell(v, 5, 2)).toBe(true);
    expect(isWinCell(v, 4, 2)).toBe(false);
    expect(isLastMove(v, 5, 1)).toBe(true);
    expect(isLastMove(v, 5, 2)).toBe(false);
  });
});
