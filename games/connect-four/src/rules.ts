import { MoveRefusalCode, type GameRules, type MoveRefusal, type Outcome } from "@lobby/game-kit";
import {
  CONNECT_FOUR_COLUMNS as COLUMNS,
  CONNECT_FOUR_ROWS as ROWS,
  type ConnectFourMove,
  type ConnectFourView,
} from "./schemas";

interface Cell {
  row: number;
  column: number;
}

export interface ConnectFourState {
  /** Row-major, row 0 at the top; a seat index or null. */
  board: (number | null)[];
  turn: number;
  moves: number;
  lastMove: Cell | null;
  winner: number | null;
  winLine: Cell[] | null;
}

const at = (row: number, column: number) => row * COLUMNS + column;

// Right, down, down-right and up-right cover every line through a cell.
const DIRECTIONS: readonly [number, number][] = [
  [0, 1],
  [1, 0],
  [1, 1],
  [-1, 1],
];

/** The full line of same-colour discs through `cell`, if it is four or longer. */
export function lineThrough(board: (number | null)[], cell: Cell): Cell[] | null {
  const seat = board[at(cell.row, cell.column)];
  if (seat == null) return null;
  for (const [dr, dc] of DIRECTIONS) {
    const line: Cell[] = [cell];
    for (const sign of [1, -1]) {
      let row = cell.row + dr * sign;
      let column = cell.column + dc * sign;
      while (row >= 0 && row < ROWS && column >= 0 && column < COLUMNS) {
        if (board[at(row, column)] !== seat) break;
        line.push({ row, column });
        row += dr * sign;
        column += dc * sign;
      }
    }
    if (line.length >= 4) {
      return line.sort((a, b) => a.row - b.row || a.column - b.column);
    }
  }
  return null;
}

/** The lowest empty row of a column, or -1 if the column is full. */
export function landingRow(board: (number | null)[], column: number): number {
  for (let row = ROWS - 1; row >= 0; row--) {
    if (board[at(row, column)] == null) return row;
  }
  return -1;
}

export const connectFour: GameRules<ConnectFourState, ConnectFourMove, ConnectFourView> = {
  hidesInformation: false,

  setup({ round }) {
    return {
      board: Array<number | null>(ROWS * COLUMNS).fill(null),
      // Alternate who opens, so rematches are fair.
      turn: (round - 1) % 2,
      moves: 0,
      lastMove: null,
      winner: null,
      winLine: null,
    };
  },

  validateMove(state, seat, move): MoveRefusal | null {
    if (state.winner != null || state.moves === ROWS * COLUMNS) {
      return { code: MoveRefusalCode.IllegalMove, message: "The game is over." };
    }
    if (seat !== state.turn) {
      return { code: MoveRefusalCode.NotYourTurn, message: "It is not your turn." };
    }
    if (landingRow(state.board, move.column) < 0) {
      return { code: MoveRefusalCode.IllegalMove, message: `Column ${move.column + 1} is full.` };
    }
    return null;
  },

  applyMove(state, seat, move) {
    const row = landingRow(state.board, move.column);
    const board = state.board.slice();
    board[at(row, move.column)] = seat;
    const lastMove = { row, column: move.column };
    const winLine = lineThrough(board, lastMove);
    return {
      board,
      turn: winLine ? state.turn : 1 - seat,
      moves: state.moves + 1,
      lastMove,
      winner: winLine ? seat : null,
      winLine,
    };
  },

  outcome(state): Outcome | null {
    if (state.winner != null) return { kind: "win", winners: [state.winner] };
    if (state.moves === ROWS * COLUMNS) return { kind: "draw" };
    return null;
  },

  view(state): ConnectFourView {
    const over = state.winner != null || state.moves === ROWS * COLUMNS;
    return {
      mode: "connect-four",
      rows: ROWS,
      columns: COLUMNS,
      board: state.board,
      turn: over ? null : state.turn,
      moves: state.moves,
      lastMove: state.lastMove,
      winLine: state.winLine,
    };
  },

  /** Discs only rest on the floor or on other discs, and the seats take turns (at most one disc apart). */
  problems(view) {
    const discs = [0, 1].map((seat) => view.board.filter((cell) => cell === seat).length);
    const floating = view.board.some(
      (cell, i) => cell !== null && i + view.columns < view.board.length && view.board[i + view.columns] === null,
    );
    return [
      ...(Math.abs(discs[0]! - discs[1]!) > 1 ? [`${discs.join(" vs ")} discs`] : []),
      ...(floating ? ["a floating disc"] : []),
    ];
  },
};
