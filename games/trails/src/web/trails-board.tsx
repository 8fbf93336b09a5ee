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

/** Room kept free under the arena (its glow, the page's edge), in CSS pixels. */
const BOTTOM_GAP = 24;
/** Below this height the arena stops shrinking to fit the window, and the page scrolls instead. */
const MIN_HEIGHT = 240;

/**
 * The largest whole number of device pixels per cell that fits the arena in
 * its column and in the window's height below where it starts, leaving room
 * for the d-pad when one shows.
 */
function measureFit(root: HTMLElement, stage: HTMLElement, columns: number, rows: number): Fit {
  const dpr = window.devicePixelRatio || 1;
  const column = root.parentElement?.clientWidth ?? root.clientWidth;
  const top = stage.getBoundingClientRect().top + window.scrollY;
  const pad = root.querySelector<HTMLElement>(".trails-pad");
  const gap = parseFloat(getComputedStyle(root).rowGap) || 0;
  const padSpace = pad && pad.offsetParent !== null ? pad.offsetHeight + gap : 0;
  const height = Math.max(MIN_HEIGHT, window.innerHeight - top - padSpace - BOTTOM_GAP);
  const cell = Math.min(fitCell(column, dpr, columns), fitCell(height, dpr, rows));
  return { cell, dpr };
}

/**
 * The Trails arena: a canvas scaled to the available width (crisp on high-DPI
 * screens), a rider count and clock above it, and, for a seated player,
 * keyboard, swipe and d-pad steering.
 */
export function TrailsBoard({ view, mySeat, seatNames, onSteer }: TrailsBoardProps) {
  const root = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [fit, setFit] = useState<Fit>({ cell: 0, dpr: 1 });
  const running = isRoundRunning(view);
  const me = mySeat === null ? undefined : view.riders.find((rider) => rider.seat === mySeat);
  const canSteer = running && me?.alive === true;
  const { steer, swipe } = useSteering({ view, mySeat, enabled: canSteer, onSteer });
  const alive = view.riders.filter((rider) => rider.alive).length;

  // Fit the column's width and the window's height; again when either changes.
  useLayoutEffect(() => {
    const element = root.current;
    const column = element?.parentElement;
    if (!element || !column || !stage.current) return;
    const refit = () => {
      if (!stage.current) return;
      const next = measureFit(element, stage.current, view.width, view.height);
      setFit((old) => (old.cell === next.cell && old.dpr === next.dpr ? old : next));
    };
    const observer = new ResizeObserver(refit);
    observer.observe(column);
    window.addEventListener("resize", refit);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", refit);
    };
  }, [view.width, view.height]);

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
      ref={root}
      className="trails"
      data-testid="trails-board"
      data-tick={view.tick}
      data-running={running}
      data-steerable={canSteer}
      style={
        {
          "--trails-ratio": view.width / view.height,
          // Once measured, the board is as wide as its arena, so the HUD lines up with it.
          ...(fit.cell > 0 ? { maxWidth: `${(view.width * fit.cell) / fit.dpr}px` } : {}),
        } as CSSProperties
      }
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
