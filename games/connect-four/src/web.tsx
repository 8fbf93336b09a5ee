import { defineGameWeb, StatusLine, type GameViewProps } from "@lobby/game-kit/web";
import type { ConnectFourMove, ConnectFourView } from "./schemas";
import { ConnectFourBoard } from "./web/connect-four-board";
import { announceBoard, seatColour } from "./web/connect-four-logic";
import "./web/connect-four.css";

// A little board with a diagonal four.
const FOUR = ["", "", "", "0", "", "", "0", "1", "", "0", "1", "1", "0", "1", "1", "0"];

/** The lobby card's picture: a diagonal four. */
function Art() {
  return (
    <div className="mode-art" aria-hidden="true">
      {FOUR.map((seat, index) => (
        <span key={index} className="mode-art-disc" data-seat={seat} />
      ))}
    </div>
  );
}

/** A seat's name as the room shows it. */
function namer(seats: GameViewProps<ConnectFourView>["seats"]) {
  return (seat: number) => seats.find((s) => s.seat === seat)?.name ?? `Player ${seat + 1}`;
}

/** Whose move it is, in the colour of the disc that comes next. */
function Status({ view, mySeat, seats }: GameViewProps<ConnectFourView>) {
  const nameOf = namer(seats);
  const { turn } = view;
  const myTurn = mySeat !== null && turn === mySeat;
  const colour = seatColour(turn ?? mySeat ?? 0).toLowerCase();
  const text =
    turn === null
      ? "Game over"
      : myTurn
        ? "Your turn"
        : mySeat === null
          ? `${nameOf(turn)} to move`
          : `Waiting for ${nameOf(turn)}`;
  const detail =
    turn === null
      ? "Waiting for the result…"
      : myTurn
        ? `Pick a column for your ${colour} disc.`
        : mySeat === null
          ? `The ${colour} disc is next.`
          : `Their ${colour} disc is next.`;
  return (
    <StatusLine
      text={text}
      detail={detail}
      tone={myTurn ? "active" : "waiting"}
      badge={<span className="match-status-disc" data-seat={turn ?? undefined} aria-hidden="true" />}
    />
  );
}

/** Connect Four in the browser: the board, its status line and its words. */
export const web = defineGameWeb<ConnectFourMove, ConnectFourView>({
  Board: ({ view, mySeat, seats, phase, round, onMove }) => {
    const nameOf = namer(seats);
    return (
      <ConnectFourBoard
        view={view}
        mySeat={mySeat}
        myTurn={mySeat !== null && phase === "playing" && view.turn === mySeat}
        waitingFor={
          mySeat !== null && phase === "playing" && view.turn !== null && view.turn !== mySeat
            ? nameOf(view.turn)
            : null
        }
        finished={phase === "finished"}
        round={round}
        announcement={
          phase === "waiting" || phase === "countdown" ? "" : announceBoard(view, mySeat, nameOf, phase === "playing")
        }
        onDrop={(column) => onMove({ mode: "connect-four", column })}
      />
    );
  },
  Status,
  Art,
  words: {
    mine: "Four in a row. Nicely played!",
    theirs: "with four in a row.",
    draw: "The board is full and nobody connected four.",
    how: "Four in a row.",
    twoSeat: true,
  },
  turn: (view) => view.turn,
  seatLabel: (seat) => `${seatColour(seat)} discs.`,
});
