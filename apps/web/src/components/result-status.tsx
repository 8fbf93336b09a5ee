import type { CSSProperties } from "react";
import type { Outcome } from "../match-outcome";
import type { SeatRatingView } from "../rating-format";
import { Podium } from "./podium";
import { SeatRating } from "./rating-badge";

/** The result card, the same for every game; with the viewer's rating change after a rated game. */
export function ResultStatus({ outcome, rating }: { outcome: Outcome; rating: SeatRatingView | null }) {
  const won = outcome.tone === "win";
  return (
    <div className="match-status" data-testid="match-status" data-tone={outcome.tone}>
      {won && <Celebration />}
      {won && <Podium className="match-result-podium" />}
      <div className="match-result" data-testid="match-result">
        <strong className="match-result-headline">{outcome.headline}</strong>
        <span className="match-result-detail">{outcome.detail}</span>
      </div>
      {rating?.delta && (
        <div className="match-rating" data-testid="match-rating" data-tone={rating.delta.tone}>
          <strong className="match-rating-delta">{rating.delta.text}</strong>
          <SeatRating view={rating} />
        </div>
      )}
    </div>
  );
}

/*
 * A short burst of confetti from the winner's card: pieces fly out from the
 * podium and fall once, then the card is still. Where the player asked for
 * less motion there is no burst (styles/room.css), only the card's glow.
 */
const PIECES = 18;

function Celebration() {
  return (
    <span className="confetti" data-testid="celebration" aria-hidden="true">
      {Array.from({ length: PIECES }, (_, index) => (
        <span key={index} className="confetti-piece" style={pieceStyle(index)} />
      ))}
    </span>
  );
}

/** A piece's direction, distance, spin, colour and delay: spread evenly, varied by a fixed pattern (no randomness, so every render agrees). */
function pieceStyle(index: number): CSSProperties {
  const angle = -165 + (150 * index) / (PIECES - 1);
  const reach = 70 + ((index * 37) % 60);
  return {
    "--confetti-x": `${Math.cos((angle * Math.PI) / 180) * reach * 1.6}px`,
    "--confetti-y": `${Math.sin((angle * Math.PI) / 180) * reach}px`,
    "--confetti-spin": `${((index * 97) % 540) - 270}deg`,
    "--confetti-delay": `${(index % 5) * 40}ms`,
    "--confetti-colour": CONFETTI_COLOURS[index % CONFETTI_COLOURS.length],
  } as CSSProperties;
}

const CONFETTI_COLOURS = ["var(--seat-0)", "var(--seat-1)", "var(--teal)", "var(--accent)", "var(--success)", "#fff"];
