import type { Outcome } from "../match-outcome";

/** The result card, the same for every game. */
export function ResultStatus({ outcome }: { outcome: Outcome }) {
  return (
    <div className="match-status" data-testid="match-status" data-tone={outcome.tone}>
      <div className="match-result" data-testid="match-result">
        <strong className="match-result-headline">{outcome.headline}</strong>
        <span className="match-result-detail">{outcome.detail}</span>
      </div>
    </div>
  );
}
