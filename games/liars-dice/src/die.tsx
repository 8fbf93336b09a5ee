/*
 * One die as an SVG: a face with its pips, or face down. Sized by CSS
 * (`.liars-dice-die`), coloured by the CSS variables of the table.
 */

// Pip centres on a 24-unit face.
const L = 6.5;
const M = 12;
const R = 17.5;
const PIPS: Record<number, readonly (readonly [number, number])[]> = {
  1: [[M, M]],
  2: [
    [L, L],
    [R, R],
  ],
  3: [
    [L, L],
    [M, M],
    [R, R],
  ],
  4: [
    [L, L],
    [R, L],
    [L, R],
    [R, R],
  ],
  5: [
    [L, L],
    [R, L],
    [M, M],
    [L, R],
    [R, R],
  ],
  6: [
    [L, L],
    [R, L],
    [L, M],
    [R, M],
    [L, R],
    [R, R],
  ],
};

interface DieProps {
  /** 1–6; null for a die face down. */
  face: number | null;
  /** Marks a die that counts for the challenged bid. */
  match?: boolean;
  /** What a screen reader hears; the die is decorative without it. */
  label?: string;
}

export function Die({ face, match = false, label }: DieProps) {
  const a11y = label ? { role: "img", "aria-label": label } : { "aria-hidden": true };
  return (
    <svg
      className="liars-dice-die"
      viewBox="0 0 24 24"
      data-face={face ?? "hidden"}
      data-match={match ? "true" : undefined}
      {...a11y}
    >
      <rect className="liars-dice-die-body" x="1" y="1" width="22" height="22" rx="5" />
      {face === null ? (
        <path className="liars-dice-die-back" d="M7 12h10M12 7v10" />
      ) : (
        (PIPS[face] ?? []).map(([cx, cy]) => (
          <circle key={`${cx},${cy}`} className="liars-dice-pip" cx={cx} cy={cy} r="2.3" />
        ))
      )}
    </svg>
  );
}
