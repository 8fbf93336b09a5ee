import type { TrailsRider } from "./schemas";

/*
 * Sides: who rides together. In a team mode a side is a team; in
 * free-for-all every rider is a side of its own (a team of one, named by its
 * seat). The rules and the board both count sides, so one round of Trails
 * reads the same whether it has teams or not. A round's riders either all
 * have a team or none has (setup makes them so; `problems` checks it).
 */

type Sided = Pick<TrailsRider, "seat" | "team">;

/** The side a rider rides for: its team, or in free-for-all its own seat. */
export function sideOf(rider: Sided): number {
  return rider.team ?? rider.seat;
}

/** The sides that still have a rider riding. */
export function sidesRiding(riders: readonly (Sided & Pick<TrailsRider, "alive">)[]): Set<number> {
  return new Set(riders.filter((rider) => rider.alive).map(sideOf));
}
