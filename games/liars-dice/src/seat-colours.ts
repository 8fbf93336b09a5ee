import type { CSSProperties } from "react";

/*
 * A colour per seat, for the roster's discs and the table's name tags. The
 * first two are the app's own seat colours; base.css only defines those two,
 * so six seats need their own.
 */
export const SEAT_COLOURS = ["#ff6b6b", "#ffc23d", "#2dd4bf", "#a78bfa", "#60a5fa", "#ff5fa2"] as const;

/** The CSS variables the app's seat discs read (--disc, --disc-deep, --disc-fill). */
export function seatColourStyle(seat: number): CSSProperties {
  const colour = SEAT_COLOURS[seat % SEAT_COLOURS.length] ?? SEAT_COLOURS[0];
  const deep = `color-mix(in srgb, ${colour} 65%, #000)`;
  return {
    "--disc": colour,
    "--disc-deep": deep,
    "--disc-fill": `radial-gradient(circle at 35% 30%, color-mix(in srgb, ${colour} 55%, #fff), ${colour} 48%, ${deep})`,
  } as CSSProperties;
}
