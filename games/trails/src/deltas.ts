import type { ViewDeltas } from "@lobby/game-kit";
import { z } from "zod";
import { TRAILS_MAX_PLAYERS, TrailsDirection, type TrailsRider, type TrailsViewOf } from "./schemas";

/*
 * A tick moves each living rider one cell: of the arena's 1,200–1,728 cells
 * at most eight change, and the riders that moved. A delta carries those
 * and the tick, so a room's players get a few hundred bytes ten times a
 * second instead of the whole arena.
 */

/** A cell that changed: its row-major index and what it holds now (`.` or a seat's digit). */
const CellChange = z.tuple([z.int().min(0), z.string().length(1)]);

/**
 * A rider that changed, as a tuple (a third of the bytes of the object): its
 * seat and everything a tick or a crash changes. Its team stays as it was.
 */
const RiderChange = z.tuple([
  z
    .int()
    .min(0)
    .max(TRAILS_MAX_PLAYERS - 1),
  z.int().min(0),
  z.int().min(0),
  TrailsDirection,
  z.boolean(),
  z.int().min(0),
  z.int().min(0).nullable(),
]);
type RiderChange = z.infer<typeof RiderChange>;

/** What changed in a Trails view of mode `Id` between two saves. */
export type TrailsDeltaOf<Id extends string> = {
  mode: Id;
  tick: number;
  cells: [index: number, cell: string][];
  riders: RiderChange[];
};

/** Past this share of the arena changed, the whole view is about as small: send it instead. */
const MOST_CELLS = 1 / 16;

/** The fields a delta carries; any other field of the view that changed needs the whole view. */
const CARRIED = new Set(["tick", "cells", "riders"]);

/** Trails' deltas for the mode `id`: the tick, the cells that changed, and the riders that changed. */
export function trailsDeltas<Id extends string>(id: Id) {
  const Delta = z.strictObject({
    mode: z.literal(id),
    /** The tick of the view this delta makes. */
    tick: z.int().min(0),
    /** The cells that changed, by index. */
    cells: z.array(CellChange),
    /** The riders that changed (moved, turned, crashed): `[seat, x, y, direction, alive, length, crashedAt]`. */
    riders: z.array(RiderChange),
  });
  const deltas: ViewDeltas<TrailsViewOf<Id>, typeof Delta> = {
    Delta,
    diff(base, next) {
      for (const key of Object.keys(next) as (keyof TrailsViewOf<Id>)[]) {
        if (!CARRIED.has(key) && base[key] !== next[key]) return null;
      }
      if (base.cells.length !== next.cells.length || base.riders.length !== next.riders.length) return null;
      const cells: [number, string][] = [];
      if (base.cells !== next.cells) {
        const most = next.cells.length * MOST_CELLS;
        for (let index = 0; index < next.cells.length; index++) {
          if (base.cells.charCodeAt(index) === next.cells.charCodeAt(index)) continue;
          if (cells.push([index, next.cells.charAt(index)]) > most) return null;
        }
      }
      const riders: RiderChange[] = [];
      for (let index = 0; index < next.riders.length; index++) {
        const was = base.riders[index];
        const rider = next.riders[index]!;
        // Riders are by seat, and keep their team for the round: anything else needs the whole view.
        if (was?.seat !== rider.seat || was.team !== rider.team) return null;
        if (sameRider(was, rider)) continue;
        const { seat, x, y, direction, alive, length, crashedAt } = rider;
        riders.push([seat, x, y, direction, alive, length, crashedAt]);
      }
      return { mode: id, tick: next.tick, cells, riders };
    },
    patch(base, delta) {
      let cells = base.cells;
      for (const [index, cell] of delta.cells) {
        if (index < cells.length) cells = cells.slice(0, index) + cell + cells.slice(index + 1);
      }
      const riders = base.riders.map((rider) => {
        const change = delta.riders.find(([seat]) => seat === rider.seat);
        if (!change) return rider;
        const [, x, y, direction, alive, length, crashedAt] = change;
        return { ...rider, x, y, direction, alive, length, crashedAt };
      });
      return { ...base, tick: delta.tick, cells, riders };
    },
  };
  return deltas;
}

/** Two riders alike in every field (all of them plain values), without allocating. */
function sameRider(a: TrailsRider, b: TrailsRider): boolean {
  let fields = 0;
  for (const key in b) {
    fields++;
    if (a[key as keyof TrailsRider] !== b[key as keyof TrailsRider]) return false;
  }
  for (const _ in a) fields--;
  return fields === 0;
}
