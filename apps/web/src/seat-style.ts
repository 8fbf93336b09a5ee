import type { ModeId } from "@lobby/contracts";
import type { CSSProperties } from "react";
import { TRAILS_COLOURS } from "./games/trails/trails-board";

/**
 * A seat's colour outside the board. Connect Four's two disc colours come
 * from `data-seat` in the style sheet; Trails riders have the board's colours.
 */
export function seatStyle(mode: ModeId, seat: number): CSSProperties | undefined {
  if (mode !== "trails") return undefined;
  const colour = TRAILS_COLOURS[seat % Math.max(1, TRAILS_COLOURS.length)] ?? "#8d8cb5";
  const deep = `color-mix(in srgb, ${colour} 65%, #000)`;
  return {
    "--disc": colour,
    "--disc-deep": deep,
    "--disc-fill": `radial-gradient(circle at 35% 30%, color-mix(in srgb, ${colour} 55%, #fff), ${colour} 48%, ${deep})`,
  } as CSSProperties;
}

/** Names by seat index, for boards that label riders. */
export function namesBySeat(seats: readonly { seat: number; player: { name: string } }[]): string[] {
  const size = seats.reduce((max, seat) => Math.max(max, seat.seat + 1), 0);
  const names = Array.from({ length: size }, (_, seat) => `Player ${seat + 1}`);
  for (const seat of seats) names[seat.seat] = seat.player.name;
  return names;
}
