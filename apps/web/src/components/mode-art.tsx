import type { ModeId } from "@lobby/contracts";

// A little board with a diagonal four.
const FOUR = ["", "", "", "0", "", "", "0", "1", "", "0", "1", "1", "0", "1", "1", "0"];

/** Each mode card's picture; decorative. */
export function ModeArt({ mode }: { mode: ModeId }) {
  if (mode === "trails") return <TrailsArt />;
  return (
    <div className="mode-art" aria-hidden="true">
      {FOUR.map((seat, index) => (
        <span key={index} className="mode-art-disc" data-seat={seat} />
      ))}
    </div>
  );
}

/* Two light trails on a dark grid: one about to cut the other off. */
function TrailsArt() {
  return (
    <div className="mode-art mode-art--trails" aria-hidden="true">
      <svg viewBox="0 0 104 104" width="104" height="104">
        <defs>
          <pattern id="trails-grid" width="13" height="13" patternUnits="userSpaceOnUse">
            <path d="M13 0H0V13" fill="none" stroke="rgba(139,233,253,0.12)" strokeWidth="1" />
          </pattern>
        </defs>
        <rect width="104" height="104" fill="url(#trails-grid)" />
        <polyline
          className="trails-art-line"
          points="6.5,97.5 6.5,58.5 45.5,58.5 45.5,19.5 84.5,19.5"
          stroke="#2dd4bf"
        />
        <polyline
          className="trails-art-line"
          points="97.5,84.5 71.5,84.5 71.5,45.5 58.5,45.5"
          stroke="#ff5fa2"
        />
        <circle cx="84.5" cy="19.5" r="5" fill="#b9fff4" />
        <circle cx="58.5" cy="45.5" r="5" fill="#ffd0e4" />
      </svg>
    </div>
  );
}
