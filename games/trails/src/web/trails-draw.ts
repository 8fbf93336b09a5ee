import type { TrailsArena, TrailsRider } from "../schemas";
import { riderColour, trailsColour } from "./trails-logic";

/*
 * Paints the arena onto a canvas. Pure drawing over the view: no state, so
 * it redraws from scratch on every tick (a few thousand rectangles at most).
 */

/** How to paint one frame. */
export interface ArenaPaint {
  /** Device pixels per cell; an integer, so cell edges stay crisp. */
  cell: number;
  /** Device pixels per CSS pixel, for text and line widths. */
  dpr: number;
  mySeat: number | null;
  seatNames: readonly string[];
}

const ARENA = "#0b0c1c";
const GRID = "rgba(130, 140, 255, 0.06)";
const GRID_MAJOR = "rgba(130, 140, 255, 0.13)";
/** Name tags fade out over the first seconds, once everyone has found themselves. */
const LABEL_TICKS = 30;

/** The largest whole number of device pixels per cell that fits `cssWidth`. */
export function fitCell(cssWidth: number, dpr: number, columns: number): number {
  return Math.max(1, Math.floor((cssWidth * dpr) / columns));
}

/** Paint `view` onto a canvas sized `view.width * cell` by `view.height * cell`. */
export function drawArena(ctx: CanvasRenderingContext2D, view: TrailsArena, paint: ArenaPaint): void {
  const { cell } = paint;
  ctx.save();
  ctx.fillStyle = ARENA;
  ctx.fillRect(0, 0, view.width * cell, view.height * cell);
  drawGrid(ctx, view, cell);
  drawTrails(ctx, view, cell);
  for (const rider of view.riders) drawHead(ctx, rider, paint);
  if (view.tick < LABEL_TICKS) {
    ctx.globalAlpha = Math.min(1, 1.5 * (1 - view.tick / LABEL_TICKS));
    for (const rider of view.riders) if (rider.alive) drawLabel(ctx, view, rider, paint);
  }
  ctx.restore();
}

function drawGrid(ctx: CanvasRenderingContext2D, view: TrailsArena, cell: number) {
  // Too fine to read below ~6 device px a cell: skip the minor lines there.
  const step = cell >= 6 ? 1 : 4;
  for (let i = step; i < Math.max(view.width, view.height); i += step) {
    ctx.fillStyle = i % 4 === 0 ? GRID_MAJOR : GRID;
    if (i < view.width) ctx.fillRect(i * cell, 0, 1, view.height * cell);
    if (i < view.height) ctx.fillRect(0, i * cell, view.width * cell, 1);
  }
}

function drawTrails(ctx: CanvasRenderingContext2D, view: TrailsArena, cell: number) {
  const alive = new Map(view.riders.map((rider) => [rider.seat, rider.alive]));
  const colours = new Map(view.riders.map((rider) => [rider.seat, riderColour(rider)]));
  // Group by seat so the fill style changes at most eight times.
  const bySeat = new Map<number, number[]>();
  for (let i = 0; i < view.cells.length; i++) {
    const seat = view.cells.charCodeAt(i) - 48;
    if (seat < 0 || seat > 9) continue;
    const list = bySeat.get(seat) ?? [];
    list.push(i);
    bySeat.set(seat, list);
  }
  for (const [seat, indexes] of bySeat) {
    // A crashed rider's wall stays solid but steps back visually.
    ctx.globalAlpha = alive.get(seat) === false ? 0.4 : 0.85;
    ctx.fillStyle = colours.get(seat) ?? trailsColour(seat);
    for (const i of indexes) {
      ctx.fillRect((i % view.width) * cell, Math.floor(i / view.width) * cell, cell, cell);
    }
  }
  ctx.globalAlpha = 1;
}

function drawHead(ctx: CanvasRenderingContext2D, rider: TrailsRider, paint: ArenaPaint) {
  const { cell, dpr } = paint;
  const colour = riderColour(rider);
  const cx = (rider.x + 0.5) * cell;
  const cy = (rider.y + 0.5) * cell;
  ctx.save();
  if (rider.alive) {
    const grow = Math.max(1, Math.round(cell * 0.2));
    ctx.shadowColor = colour;
    ctx.shadowBlur = cell * 1.6;
    ctx.fillStyle = colour;
    ctx.fillRect(rider.x * cell - grow, rider.y * cell - grow, cell + 2 * grow, cell + 2 * grow);
    ctx.shadowBlur = 0;
    ctx.fillStyle = "#fff";
    const core = cell * 0.28;
    ctx.fillRect(cx - core, cy - core, 2 * core, 2 * core);
    if (rider.seat === paint.mySeat) {
      // A ring marks your own rider among up to eight.
      ctx.strokeStyle = "rgba(255, 255, 255, 0.9)";
      ctx.lineWidth = Math.max(1.5 * dpr, cell * 0.16);
      ctx.beginPath();
      ctx.arc(cx, cy, cell * 1.55, 0, Math.PI * 2);
      ctx.stroke();
    }
  } else {
    // A cross over the wreck, with a glow in the rider's colour.
    const arm = cell * 0.9;
    ctx.shadowColor = colour;
    ctx.shadowBlur = cell;
    ctx.strokeStyle = "#fff";
    ctx.lineCap = "round";
    ctx.lineWidth = Math.max(1.5 * dpr, cell * 0.3);
    ctx.beginPath();
    ctx.moveTo(cx - arm, cy - arm);
    ctx.lineTo(cx + arm, cy + arm);
    ctx.moveTo(cx + arm, cy - arm);
    ctx.lineTo(cx - arm, cy + arm);
    ctx.stroke();
  }
  ctx.restore();
}

function drawLabel(ctx: CanvasRenderingContext2D, view: TrailsArena, rider: TrailsRider, paint: ArenaPaint) {
  const { cell, dpr } = paint;
  const mine = rider.seat === paint.mySeat;
  const raw = mine ? "You" : (paint.seatNames[rider.seat] ?? "");
  if (!raw) return;
  const text = raw.length > 12 ? `${raw.slice(0, 11)}…` : raw;
  const size = Math.round(11.5 * dpr);
  ctx.font = `${mine ? 800 : 600} ${size}px Inter, "Segoe UI", system-ui, sans-serif`;
  const textWidth = ctx.measureText(text).width;
  const padX = 5 * dpr;
  const boxW = textWidth + 2 * padX;
  const boxH = size + 6 * dpr;
  const cx = (rider.x + 0.5) * cell;
  const cy = (rider.y + 0.5) * cell;
  const gap = cell * 2 + 2 * dpr;
  // Beside the lane the rider is about to draw, never on it.
  const across = rider.direction === "left" || rider.direction === "right";
  let x = across ? cx - boxW / 2 : cx + gap;
  let y = across ? cy - gap - boxH : cy - boxH / 2;
  if (!across && x + boxW > view.width * cell) x = cx - gap - boxW;
  if (across && y < 0) y = cy + gap;
  x = Math.min(Math.max(x, 2 * dpr), view.width * cell - boxW - 2 * dpr);
  y = Math.min(Math.max(y, 2 * dpr), view.height * cell - boxH - 2 * dpr);

  ctx.fillStyle = "rgba(11, 12, 28, 0.82)";
  const colour = riderColour(rider);
  ctx.strokeStyle = colour;
  ctx.lineWidth = dpr;
  ctx.beginPath();
  ctx.roundRect(x, y, boxW, boxH, boxH / 2);
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = mine ? "#fff" : colour;
  ctx.textBaseline = "middle";
  ctx.fillText(text, x + padX, y + boxH / 2 + dpr * 0.5);
}
