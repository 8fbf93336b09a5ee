import type { RatingRecord } from "../../src/lobby/records";

/** A stored rating of `value` (one game, won) for `identityId`, with any field given in `fields`. */
export function ratingRecord(identityId: string, value: number, fields: Partial<RatingRecord> = {}): RatingRecord {
  return {
    identityId,
    mode: "connect-four",
    name: identityId,
    value,
    mu: value / 40,
    sigma: 5,
    games: 1,
    wins: 1,
    losses: 0,
    draws: 0,
    ...fields,
  };
}
