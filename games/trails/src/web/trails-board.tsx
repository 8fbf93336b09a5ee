import type { TrailsArena, TrailsDirection, TrailsRider } from "../schemas";
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from "react";
import { drawArena, fitCell } from "./trails-draw";
import { describeRiders, isRoundRunning, riderColour, timeLeft } from "./trails-logic";
import { TrailsPad } from "./trails-pad";
import { useSteering } from "./use-steering";
import "./trails.css";

export { TRAILS_COLOURS, TRAILS_COLOUR_NAMES, trailsColour } from "./trails-logic";

/** Props of {@link TrailsBoard}. */
export interface TrailsBoardProps {
  /** The arena, of whichever Trails mode. */
  view: TrailsArena;
  /** The viewer's seat; null for a spectator, who gets no controls. */
  mySeat: number | null;
  /** Player names by seat, for name tags and the screen-reader summary. */
  seatNames: string[];
  /** Send a turn. Called only for turns the server should accept. */
  onSteer: (direction: TrailsDirection) => void;
}

/** The HUD's pips in seat order; in a team mode, grouped by team. */
function pipOrder(riders: readonly TrailsRider[]): TrailsRider[] {
  return [...riders].sort((a, b) => (a.team ?? 0) - (b.team ?? 0) || a.seat - b.seat);
}

/** The steering hint shows for the first 2.5 s of a round. */
const HINT_TICKS = 25;

interface Fit {
  /** Device pixels per cell; 0 until the stage has been measured. */
  cell: number;
  dpr: number;
}

/**
 * The Trails arena: a canvas scaled to the available width (crisp on high-DPI
 * screens), a rider count and clock above it, and, for a seated player,
 * keyboard, swipe and d-pad steering.
 */
export function TrailsBoard({ view, mySeat, seatNames, onSteer }: TrailsBoardProps) {
  const stage = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [fit, setFit] = useState<Fit>({ cell: 0, dpr: 1 });
  const running = isRoundRunning(view);
  const me = mySeat === null ? undefined : view.riders.find((rider) => rider.seat === mySeat);
  const canSteer = running && me?.alive === true;
  const { steer, swipe } = useSteering({ view, mySeat, enabled: canSteer, onSteer });
  const alive = view.riders.filter((rider) => rider.alive).length;

  useLayoutEffect(() => {
    const element = stage.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      const dpr = window.devicePixelRatio || 1;
      const cell = fitCell(element.clientWidth, dpr, view.width);
      setFit((old) => (old.cell === cell && old.dpr === dpr ? old : { cell, dpr }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [view.width]);

  useEffect(() => {
    const context = canvas.current?.getContext("2d");
    if (!context || fit.cell === 0) return;
    drawArena(context, view, { cell: fit.cell, dpr: fit.dpr, mySeat, seatNames });
  }, [view, fit, mySeat, seatNames]);

  // One status slot in the HUD, so hints never cover the arena.
  const status =
    canSteer && view.tick < HINT_TICKS ? (
      <span className="trails-hint">
        <span className="trails-hint-keys">Steer: arrow keys or WASD</span>
        <span className="trails-hint-touch">Swipe to steer</span>
      </span>
    ) : me && !me.alive && running ? (
      `You crashed · ${alive}/${view.riders.length} left`
    ) : (
      `${alive}/${view.riders.length} riding`
    );

  return (
    <div
      className="trails"
      data-testid="trails-board"
      data-tick={view.tick}
      data-running={running}
      data-steerable={canSteer}
      style={{ "--trails-ratio": view.width / view.height } as CSSProperties}
    >
      <div className="trails-hud" aria-hidden="true">
        <ul className="trails-pips">
          {pipOrder(view.riders).map((rider, i, pips) => (
            <li
              key={rider.seat}
              className="trails-pip"
              data-alive={rider.alive}
              data-new-team={(i > 0 && pips[i - 1]?.team !== rider.team) || undefined}
              data-me={rider.seat === mySeat || undefined}
              title={seatNames[rider.seat]}
              style={{ "--trails-colour": riderColour(rider) } as CSSProperties}
            />
          ))}
        </ul>
        <span className="trails-status">{status}</span>
        <span className="trails-clock">{timeLeft(view)}</span>
      </div>

      <div className="trails-stage" ref={stage}>
        <canvas
          ref={canvas}
          className="trails-canvas"
          width={view.width * fit.cell}
          height={view.height * fit.cell}
          style={{
            width: `${(view.width * fit.cell) / fit.dpr}px`,
            height: `${(view.height * fit.cell) / fit.dpr}px`,
          }}
          role="img"
          aria-label={canSteer ? "Trails arena. Steer with the arrow keys or WASD." : "Trails arena"}
          {...swipe}
        />
      </div>

      {mySeat !== null && <TrailsPad disabled={!canSteer} onSteer={steer} />}

      <p className="visually-hidden" aria-live="polite">
        {describeRiders(view, seatNames, mySeat)}
      </p>
    </div>
  );
}
