import type { Outcome } from "../match-outcome";
import type { SeatRatingView } from "../rating-format";
import { SeatRating } from "./rating-badge";

/** The result card, the same for every game; with the viewer's rating change after a rated game. */
export function ResultStatus({ outcome, rating }: { outcome: Outcome; rating: SeatRatingView | null }) {
  return (
    <div className="match-status" data-testid="match-status" data-tone={outcome.tone}>
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
