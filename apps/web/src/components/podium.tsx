/** A podium (second, first and third place), drawn in the current colour at the current font size; decorative. */
export function Podium({ className }: { className?: string }) {
  return (
    <span className={className ? `podium ${className}` : "podium"} aria-hidden="true">
      <span />
      <span />
      <span />
    </span>
  );
}
