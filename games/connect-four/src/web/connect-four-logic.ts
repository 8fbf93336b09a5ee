import type { ConnectFourView } from "../schemas";

/*
 * Read-only helpers over the server's board view. The server decides every
 * rule; these only answer "where would a disc land" for the hover preview and
 * "is this cell special" for highlighting.
 */

export type Board = ConnectFourView["board"];

export function cellIndex(view: Pick<ConnectFourView, "columns">, row: number, column: number): number {
  return row * view.columns + column;
}

/** The row a disc dropped in `column` would land in, or null when the column is full. */
export function landingRow(view: Pick<ConnectFourView, "board" | "rows" | "columns">, column: number): number | null {
  for (let row = view.rows - 1; row >= 0; row--) {
    if (view.board[cellIndex(view, row, column)] == null) return row;
  }
  return null;
}

export function isWinCell(view: Pick<ConnectFourView, "winLine">, row: number, column: number): boolean {
  return view.winLine?.some((cell) => cell.row === row && cell.column === column) ?? false;
}

export function isLastMove(view: Pick<ConnectFourView, "lastMove">, row: number, column: number): boolean {
  return view.lastMove?.row === row && view.lastMove.column === column;
}

export const SEAT_COLOURS = ["Coral", "Gold"] as const;

/** The disc colour name of a seat, for labels ("Coral"). */
export function seatColour(seat: number): string {
  return SEAT_COLOURS[seat] ?? `Seat ${seat + 1}`;
}

/** A column's contents from the bottom up, for screen readers. */
export function describeColumn(view: ConnectFourView, column: number): string {
  const discs: string[] = [];
  for (let row = view.rows - 1; row >= 0; row--) {
    const seat = view.board[cellIndex(view, row, column)];
    if (seat == null) break;
    discs.push(seatColour(seat).toLowerCase());
  }
  const free = view.rows - discs.length;
  if (discs.length === 0) return "Empty.";
  const contents = `${discs.join(", ")} from the bottom`;
  return free === 0 ? `Full: ${contents}.` : `${contents}; ${free} free.`;
}
