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

/**
 * What a screen reader hears after every change of the board: the last drop
 * and, while the game runs (`running`), whose move it is now ("Ann dropped
 * gold in column 2. Your turn."). `nameOf` names a seat; the viewer's own
 * seat is "You".
 */
export function announceBoard(
  view: ConnectFourView,
  mySeat: number | null,
  nameOf: (seat: number) => string,
  running: boolean,
): string {
  const who = (seat: number) => (seat === mySeat ? "You" : nameOf(seat));
  const parts: string[] = [];
  if (view.lastMove) {
    const seat = view.board[cellIndex(view, view.lastMove.row, view.lastMove.column)];
    if (seat != null) {
      parts.push(`${who(seat)} dropped ${seatColour(seat).toLowerCase()} in column ${view.lastMove.column + 1}.`);
    }
  }
  if (running && view.turn !== null) {
    parts.push(
      view.turn === mySeat
        ? "Your turn."
        : mySeat === null
          ? `${nameOf(view.turn)} to move.`
          : `Waiting for ${nameOf(view.turn)}.`,
    );
  }
  return parts.join(" ");
}

/** The column a keyboard press moves to from `column` (arrows, Home, End), or null for any other key. */
export function columnForKey(key: string, column: number, columns: number): number | null {
  const last = columns - 1;
  switch (key) {
    case "ArrowLeft":
      return Math.max(0, column - 1);
    case "ArrowRight":
      return Math.min(last, column + 1);
    case "Home":
      return 0;
    case "End":
      return last;
    default:
      return null;
  }
}
