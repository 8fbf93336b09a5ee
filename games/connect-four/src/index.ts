import { defineGame } from "@lobby/game-kit";
import { connectFour } from "./rules";
import { CONNECT_FOUR_COLUMNS, ConnectFourMove, ConnectFourView } from "./schemas";

export * from "./schemas";
export { connectFour, landingRow, type ConnectFourState } from "./rules";

/** Connect Four: two players drop discs; four in a row wins. */
export const connectFourGame = defineGame({
  id: "connect-four",
  mode: {
    id: "connect-four",
    name: "Connect Four",
    description: "Drop discs, line up four in a row — across, down or diagonally.",
    minPlayers: 2,
    maxPlayers: 2,
    quickMatchPlayers: 2,
    realtime: false,
  },
  Move: ConnectFourMove,
  View: ConnectFourView,
  rules: connectFour,
  moves: {
    samples: [0, 1, 2, 3, 4, 5, 6].map((column) => ({ mode: "connect-four", column })) as [
      ConnectFourMove,
      ...ConnectFourMove[],
    ],
    sensible(view, seat) {
      if (view.turn !== seat) return [];
      // A column is open while its top cell is.
      const open = Array.from({ length: CONNECT_FOUR_COLUMNS }, (_, column) => column).filter(
        (column) => view.board[column] === null,
      );
      return open.map((column): ConnectFourMove => ({ mode: "connect-four", column }));
    },
  },
});
