import type { ConnectFourView } from "../schemas";
import { describe, expect, it } from "vitest";
import { announceBoard, columnForKey, describeColumn, isLastMove, isWinCell, landingRow } from "./connect-four-logic";

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

describe("announceBoard", () => {
  const names = (seat: number) => ["Hugo", "Ann"][seat] ?? "?";

  it("says whose move it is before anyone dropped", () => {
    expect(announceBoard(view([]), 0, names, true)).toBe("Your turn.");
    expect(announceBoard(view([]), 1, names, true)).toBe("Waiting for Hugo.");
    expect(announceBoard(view([]), null, names, true)).toBe("Hugo to move.");
  });

  it("names the last drop, the viewer's own as You, then the turn", () => {
    const afterHugo = { ...view([[5, 0, 0]]), turn: 1, lastMove: { row: 5, column: 0 } };
    expect(announceBoard(afterHugo, 0, names, true)).toBe("You dropped coral in column 1. Waiting for Ann.");
    expect(announceBoard(afterHugo, 1, names, true)).toBe("Hugo dropped coral in column 1. Your turn.");
  });

  it("says only the last drop once the game is over", () => {
    const over = { ...view([[5, 6, 1]]), turn: null, lastMove: { row: 5, column: 6 } };
    expect(announceBoard(over, 0, names, true)).toBe("Ann dropped gold in column 7.");
    // Forfeited mid-game: the view still names a turn, but nobody moves any more.
    expect(announceBoard({ ...over, turn: 0 }, 0, names, false)).toBe("Ann dropped gold in column 7.");
  });
});

describe("columnForKey", () => {
  it("moves one column with the arrows, stopping at the edges, and jumps with Home and End", () => {
    expect(columnForKey("ArrowRight", 3, 7)).toBe(4);
    expect(columnForKey("ArrowLeft", 0, 7)).toBe(0);
    expect(columnForKey("ArrowRight", 6, 7)).toBe(6);
    expect(columnForKey("Home", 4, 7)).toBe(0);
    expect(columnForKey("End", 1, 7)).toBe(6);
    expect(columnForKey("Enter", 1, 7)).toBeNull();
  });
});
