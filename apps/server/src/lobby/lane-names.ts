declare const laneBrand: unique symbol;

/** The name of a lane lobby operations queue in (see `Lanes`); only `laneNames` makes one. */
export type LaneName = string & { readonly [laneBrand]: true };

/** The lanes of the lobby's operations. */
export const laneNames = {
  /** One player's operations, in the order they came. */
  player: (playerId: string) => `player:${playerId}` as LaneName,
  /** One room's moves and ticks, one after another on this process. */
  room: (roomId: string) => `room:${roomId}` as LaneName,
  /** One party's changes, one after another on this process. */
  party: (partyId: string) => `party:${partyId}` as LaneName,
  /** One device identity's sessions arriving, so they move it on one after another. */
  identity: (identityId: string) => `identity:${identityId}` as LaneName,
  /** Everything that changes a matchmaking queue (they all race for the queues' keys). */
  matchmaking: "matchmaking" as LaneName,
  /** The presence pushes, which read the store outside transactions. */
  presence: "presence" as LaneName,
  /** Clearing a stored deadline key this version cannot read: a lane of its own, named by the key. */
  stray: (deadline: string) => deadline as LaneName,
} as const;

/** Where an operation runs: its lanes, and the player it acts for (whose room this process notes). */
export interface Scope {
  lanes: readonly LaneName[];
  player?: string;
}
