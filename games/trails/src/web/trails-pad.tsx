import type { TrailsDirection } from "../schemas";
import type { MouseEvent, PointerEvent } from "react";
import { DIRECTIONS } from "./trails-logic";

interface TrailsPadProps {
  disabled: boolean;
  onSteer: (direction: TrailsDirection) => void;
}

/**
 * An on-screen d-pad for touch and narrow screens. It steers on pointer-down,
 * not on click, because a click waits for the finger to lift and at ten
 * ticks a second that costs a cell or two.
 */
export function TrailsPad({ disabled, onSteer }: TrailsPadProps) {
  return (
    <div className="trails-pad" role="group" aria-label="Steering pad">
      {DIRECTIONS.map((direction) => (
        <button
          key={direction}
          type="button"
          className="trails-pad-button"
          data-direction={direction}
          aria-label={`Steer ${direction}`}
          disabled={disabled}
          onPointerDown={(event: PointerEvent<HTMLButtonElement>) => {
            // Keep focus (and any on-screen keyboard) where it was.
            event.preventDefault();
            onSteer(direction);
          }}
          onClick={(event: MouseEvent<HTMLButtonElement>) => {
            // Keyboard activation only (detail 0); pointers already steered on down.
            if (event.detail === 0) onSteer(direction);
          }}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M6 15l6-6 6 6" />
          </svg>
        </button>
      ))}
    </div>
  );
}
