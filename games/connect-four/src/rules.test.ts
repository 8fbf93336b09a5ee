import { MoveRefusalCode as ErrorCode, seededRandom } from "@lobby/game-kit";
import { describe, expect, it } from "vitest";
import { connectFourGame } from "./index";
import { connectFour, type ConnectFourState } from "./rules";
import type { ConnectFourView } from "./schemas";

const random = seededRandom(7);

function play(columns: number[], round = 1): ConnectFourState {
  let state = connectFour.setup({ players: 2, round, random });
  for (const column of columns) {
    const move = { mode: "connect-four" as const, column };
    const refusal = connectFour.validateMove(state, state.turn, move);
    if (refusal) throw new Error(`move ${column} refused: ${refusal.message}`);
    state = connectFour.applyMove(state, state.turn, move);
  }
  return state;
}

describe("Connect Four rules", () => {
  it("seat 0 opens the first round and seat 1 the next", () => {
    expect(connectFour.setup({ players: 2, round: 1, random }).turn).toBe(0);
    expect(connectFour.setup({ players: 2, round: 2, random }).turn).toBe(1);
  });

  it("discs fall to the lowest empty row", () => {
    const state = play([3, 3]);
    expect(state.board[5 * 7 + 3]).toBe(0);
    expect(state.board[4 * 7 + 3]).toBe(1);
    expect(state.lastMove).toEqual({ row: 4, column: 3 });
  });

  it("wins horizontally", () => {
    const state = play([0, 0, 1, 1, 2, 2, 3]);
    expect(connectFour.outcome(state)).toEqual({ kind: "win", winners: [0] });
    expect(state.winLine).toEqual([0, 1, 2, 3].map((column) => ({ row: 5, column })));
    expect(connectFour.view(state, null).turn).toBeNull();
  });

  it("wins vertically", () => {
    const state = play([6, 0, 1, 0, 1, 0, 2, 0]);
    expect(connectFour.outcome(state)).toEqual({ kind: "win", winners: [1] });
    expect(state.winLine).toEqual([2, 3, 4, 5].map((row) => ({ row, column: 0 })));
  });

  it("wins on the rising diagonal", () => {
    // Seat 0 builds (5,0) (4,1) (3,2) (2,3).
    const state = play([0, 1, 1, 2, 2, 3, 2, 3, 3, 6, 3]);
    expect(connectFour.outcome(state)).toEqual({ kind: "win", winners: [0] });
    expect(state.winLine).toEqual([
      { row: 2, column: 3 },
      { row: 3, column: 2 },
      { row: 4, column: 1 },
      { row: 5, column: 0 },
    ]);
  });

  it("wins on the falling diagonal", () => {
    // Seat 0 builds (2,3) (3,4) (4,5) (5,6).
    const state = play([6, 5, 5, 4, 4, 3, 4, 3, 3, 0, 3]);
    expect(connectFour.outcome(state)).toEqual({ kind: "win", winners: [0] });
    expect(state.winLine).toEqual([
      { row: 2, column: 3 },
      { row: 3, column: 4 },
      { row: 4, column: 5 },
      { row: 5, column: 6 },
    ]);
  });

  it("reports a draw when the board fills with no line", () => {
    const fill = [
      4, 5, 1, 4, 0, 4, 5, 3, 6, 1, 5, 5, 4, 0, 3, 2, 6, 2, 5, 5, 1, 0, 4, 1, 1, 0, 2, 6, 1, 2, 6, 2, 3, 6, 2, 4, 0, 6,
      3, 3, 3, 0,
    ];
    const state = play(fill);
    expect(state.moves).toBe(42);
    expect(connectFour.outcome(state)).toEqual({ kind: "draw" });
    expect(connectFour.view(state, null).turn).toBeNull();
  });

  it("refuses a move out of turn", () => {
    const state = play([3]);
    const refusal = connectFour.validateMove(state, 0, { mode: "connect-four", column: 2 });
    expect(refusal?.code).toBe(ErrorCode.NotYourTurn);
  });

  it("refuses a move into a full column", () => {
    const state = play([2, 2, 2, 2, 2, 2]);
    const refusal = connectFour.validateMove(state, state.turn, { mode: "connect-four", column: 2 });
    expect(refusal).toEqual({ code: ErrorCode.IllegalMove, message: "Column 3 is full." });
  });

  it("refuses any move once the game is won", () => {
    const state = play([0, 0, 1, 1, 2, 2, 3]);
    for (const seat of [0, 1]) {
      expect(connectFour.validateMove(state, seat, { mode: "connect-four", column: 5 })?.code).toBe(
        ErrorCode.IllegalMove,
      );
    }
  });

  it("never mutates the state it is given", () => {
    const before = play([1, 2]);
    const snapshot = structuredClone(before);
    connectFour.applyMove(before, before.turn, { mode: "connect-four", column: 4 });
    expect(before).toEqual(snapshot);
  });
});

describe("moves for tests and bots", () => {
  it("are the columns with room, on the seat's turn only", () => {
    const board = Array<number | null>(42).fill(null);
    for (let c = 0; c < 7; c++) if (c !== 4) board[c] = 0;
    const view: ConnectFourView = {
      mode: "connect-four",
      rows: 6,
      columns: 7,
      board,
      turn: 0,
      moves: 36,
      lastMove: null,
      winLine: null,
    };
    expect(connectFourGame.moves.sensible(view, 0)).toEqual([{ mode: "connect-four", column: 4 }]);
    expect(connectFourGame.moves.sensible(view, 1)).toEqual([]);
    expect(connectFourGame.moves.sensible({ ...view, board: Array<number | null>(42).fill(1) }, 0)).toEqual([]);
  });
});
