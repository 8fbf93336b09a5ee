import { z } from "zod";

export const CONNECT_FOUR_ROWS = 6;
export const CONNECT_FOUR_COLUMNS = 7;

/** Drop a disc into a column (0 = leftmost). */
export const ConnectFourMove = z.strictObject({
  mode: z.literal("connect-four"),
  column: z
    .int()
    .min(0)
    .max(CONNECT_FOUR_COLUMNS - 1),
});
export type ConnectFourMove = z.infer<typeof ConnectFourMove>;

const Cell = z.object({ row: z.int(), column: z.int() });

/** The board as every player sees it (Connect Four hides nothing). */
export const ConnectFourView = z.object({
  mode: z.literal("connect-four"),
  rows: z.literal(CONNECT_FOUR_ROWS),
  columns: z.literal(CONNECT_FOUR_COLUMNS),
  /** Row-major, row 0 at the top; each cell holds the seat index of its disc or null. */
  board: z.array(z.int().min(0).max(1).nullable()).length(CONNECT_FOUR_ROWS * CONNECT_FOUR_COLUMNS),
  /** Seat to move, or null once the game is over. */
  turn: z.int().min(0).max(1).nullable(),
  moves: z.int().min(0),
  lastMove: Cell.nullable(),
  /** The four (or more) cells of the winning line, when there is one. */
  winLine: z.array(Cell).nullable(),
});
export type ConnectFourView = z.infer<typeof ConnectFourView>;
