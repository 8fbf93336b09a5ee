import type { Channel } from "../lobby/channels";

declare const socketRoomBrand: unique symbol;

/** The name of a Socket.IO room of the lobby namespace; only `socketRooms` makes one. */
export type SocketRoom = string & { readonly [socketRoomBrand]: true };

/** The Socket.IO rooms the transport sends to. */
export const socketRooms = {
  /** Every socket of one player. */
  player: (playerId: string) => `player:${playerId}` as SocketRoom,
  /** A lobby channel: a room of its own under the channel's name, so any adapter carries it. */
  channel: (channel: Channel) => channel as string as SocketRoom,
  /** One socket: Socket.IO puts every socket in a room named by its id. */
  connection: (connectionId: string) => connectionId as SocketRoom,
} as const;
