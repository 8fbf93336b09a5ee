import { defineGameWeb, StatusLine, type GameViewProps } from "@lobby/game-kit/web";
import { Board } from "./board";
import { Die } from "./die";
import type { LiarsDiceMove, LiarsDiceView } from "./schemas";
import { seatColourStyle } from "./seat-colours";
import { diceCount, namer, statusLines } from "./table-words";
import "./liars-dice.css";

/** The status line: whose turn it is, and what just happened at the table. */
function Status({ view, mySeat, seats }: GameViewProps<LiarsDiceView>) {
  const { text, detail, myTurn } = statusLines(view, namer(seats, mySeat), mySeat);
  return <StatusLine text={text} detail={detail} tone={myTurn ? "active" : "waiting"} />;
}

/** Two dice on green felt, one showing a five. Decorative. */
function Art() {
  return (
    <div className="mode-art liars-dice-art" aria-hidden="true">
      <span className="liars-dice-art-die liars-dice-art-die--back">
        <Die face={3} />
      </span>
      <span className="liars-dice-art-die liars-dice-art-die--front">
        <Die face={5} />
      </span>
    </div>
  );
}

/** Liar's Dice in the web app. */
export const web = defineGameWeb<LiarsDiceMove, LiarsDiceView>({
  Board,
  Status,
  Art,
  words: {
    mine: "You were the last one holding dice. Nicely bluffed!",
    theirs: "by holding on to the last dice.",
    draw: "Everyone left the table.",
    how: "Last one holding dice.",
    twoSeat: false,
  },
  turn: (view) => view.turn,
  seatStyle: seatColourStyle,
  seatNote(view, seat, won) {
    const s = view.seats[seat];
    if (!s) return null;
    if (won) return { text: `Winner · ${diceCount(s.dice)}`, tone: "ok" };
    if (s.dice === 0) return { text: s.left ? "Left" : "Out", tone: "out" };
    return { text: diceCount(s.dice), tone: "ok" };
  },
});
