import type { MatchResult, SeatView } from "@lobby/contracts";
import { describeOutcome } from "../../match-outcome";
import { seatColour } from "./connect-four-logic";

interface MatchStatusProps {
  seats: readonly SeatView[];
  /** The viewer's seat; null for a spectator. */
  mySeat: number | null;
  turn: number | null;
  result: MatchResult | null;
}

/** The one-line "whose move is it" or, once finished, the result. */
export function MatchStatus({ seats, mySeat, turn, result }: MatchStatusProps) {
  const nameOf = (seat: number) => seats[seat]?.player.name ?? `Player ${seat + 1}`;

  if (result) return <ResultStatus outcome={describeOutcome(result, mySeat, nameOf, "connect-four")} />;

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
    <div className="match-status" data-testid="match-status" data-tone={myTurn ? "active" : "waiting"}>
      <span className="match-status-disc" data-seat={turn ?? undefined} aria-hidden="true" />
      <span className="match-status-lines">
        <span className="match-status-text">{text}</span>
        <span className="match-status-detail">{detail}</span>
      </span>
    </div>
  );
}

/** The result card, shared by every game. */
export function ResultStatus({ outcome }: { outcome: ReturnType<typeof describeOutcome> }) {
  return (
    <div className="match-status" data-testid="match-status" data-tone={outcome.tone}>
      <div className="match-result" data-testid="match-result">
        <strong className="match-result-headline">{outcome.headline}</strong>
        <span className="match-result-detail">{outcome.detail}</span>
      </div>
    </div>
  );
}
