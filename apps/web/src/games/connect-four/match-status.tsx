import type { MatchResult, SeatView } from "@lobby/contracts";
import { seatColour } from "./connect-four-logic";

interface MatchStatusProps {
  seats: readonly SeatView[];
  mySeat: number;
  turn: number | null;
  result: MatchResult | null;
}

/** The one-line "whose move is it" or, once finished, the result. */
export function MatchStatus({ seats, mySeat, turn, result }: MatchStatusProps) {
  const nameOf = (seat: number) => seats[seat]?.player.name ?? `Player ${seat + 1}`;

  if (result) {
    const outcome = describeResult(result, mySeat, nameOf);
    return (
      <div className="match-status" data-testid="match-status" data-tone={outcome.tone}>
        <div className="match-result" data-testid="match-result">
          <strong className="match-result-headline">{outcome.headline}</strong>
          <span className="match-result-detail">{outcome.detail}</span>
        </div>
      </div>
    );
  }

  const myTurn = turn === mySeat;
  const colour = seatColour(turn ?? mySeat).toLowerCase();
  return (
    <div className="match-status" data-testid="match-status" data-tone={myTurn ? "active" : "waiting"}>
      <span className="match-status-disc" data-seat={turn ?? undefined} aria-hidden="true" />
      <span className="match-status-lines">
        <span className="match-status-text">
          {turn === null ? "Game over" : myTurn ? "Your turn" : `Waiting for ${nameOf(turn)}`}
        </span>
        <span className="match-status-detail">
          {turn === null
            ? "Waiting for the result…"
            : myTurn
              ? `Pick a column for your ${colour} disc.`
              : `Their ${colour} disc is next.`}
        </span>
      </span>
    </div>
  );
}

interface Outcome {
  tone: "win" | "lose" | "draw";
  headline: string;
  detail: string;
}

export function describeResult(
  result: MatchResult,
  mySeat: number,
  nameOf: (seat: number) => string,
): Outcome {
  if (result.kind === "draw") {
    return { tone: "draw", headline: "Draw", detail: "The board is full and nobody connected four." };
  }
  const winners = result.winners.map(nameOf).join(" and ");
  if (result.winners.includes(mySeat)) {
    const detail =
      result.reason === "forfeit"
        ? "Won by forfeit: your opponent didn't come back in time."
        : result.reason === "left"
          ? "Your opponent left the game."
          : "Four in a row. Nicely played!";
    return { tone: "win", headline: "You win!", detail };
  }
  const detail =
    result.reason === "forfeit"
      ? `${winners} wins by forfeit.`
      : result.reason === "left"
        ? `${winners} wins: you left the game.`
        : `${winners} wins with four in a row.`;
  return { tone: "lose", headline: "You lose", detail };
}
