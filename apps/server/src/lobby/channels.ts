declare const channelBrand: unique symbol;

/** A broadcast channel of the lobby; only `channels` makes one. */
export type Channel = string & { readonly [channelBrand]: true };

/** Broadcast channels the lobby sends to; the transport maps each to a Socket.IO room. */
export const channels = {
  /** Members and spectators of one room. */
  room: (roomId: string) => `room:${roomId}` as Channel,
  /** The members of one party (by its code), wherever they are. */
  party: (partyId: string) => `party:${partyId}` as Channel,
  /** Players looking at the room browser. */
  directory: "directory" as Channel,
  /** Players in the lobby (not in a room), for lobby chat. */
  lobby: "lobby" as Channel,
} as const;
