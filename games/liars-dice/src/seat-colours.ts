import { discColours } from "@lobby/game-kit/web";
import type { CSSProperties } from "react";

/*
 * A colour per seat, for the roster's discs and the table's name tags. The
 * first two are the app's own seat colours; base.css only defines those two,
 * so six seats need their own.
 */
export const SEAT_COLOURS = ["#ff6b6b", "#ffc23d", "#2dd4bf", "#a78bfa", "#60a5fa", "#ff5fa2"] as const;

/** The CSS variables the app's seat discs read (--disc, --disc-deep, --disc-fill). */
export function seatColourStyle(seat: number): CSSProperties {
  return discColours(SEAT_COLOURS[seat % SEAT_COLOURS.length] ?? SEAT_COLOURS[0]);
}
