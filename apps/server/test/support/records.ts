import type { ModeId } from "@lobby/contracts";
import type { RatingRecord } from "../../src/lobby/records";

/** A stored rating of `value` (one game, won) for `identityId`, with any field given in `fields`. */
export function ratingRecord(identityId: string, value: number, fields: Partial<RatingRecord> = {}): RatingRecord {
  const mode: ModeId = "connect-four";
  return {
    identityId,
    mode,
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
