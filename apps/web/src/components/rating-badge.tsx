import { PROVISIONAL_HINT, type DeltaTone, type SeatRatingView } from "../rating-format";

/** A seat's rating beside the name: "1012", or "1000?" with a tooltip while provisional. */
export function SeatRating({ view }: { view: SeatRatingView }) {
  return (
    <span className="rating" data-testid="player-rating" title={view.provisional ? PROVISIONAL_HINT : "Rating"}>
      <span className="visually-hidden">Rating </span>
      {view.value}
      {view.provisional && <ProvisionalMark />}
    </span>
  );
}

/** The quiet "?" after a provisional rating; screen readers hear "(provisional)". */
export function ProvisionalMark() {
  return (
    <>
      <span className="rating-provisional" aria-hidden="true">
        ?
      </span>
      <span className="visually-hidden"> (provisional)</span>
    </>
  );
}

/** How much a result moved a rating: "+14" in green, "−9" in red. */
export function RatingDelta({ text, tone }: { text: string; tone: DeltaTone }) {
  return (
    <span className="rating-delta" data-testid="rating-delta" data-tone={tone} title="Rating change this game">
      {text}
    </span>
  );
}

/** In a room's header: its results change ratings. */
export function RatedBadge() {
  return (
    <span className="badge badge--rated" data-testid="rated-badge" title="Results here change players' ratings">
      Rated
    </span>
  );
}
