/** Broadcast channels the lobby sends to; the transport maps each to a Socket.IO room. */
export const channels = {
  /** Members and spectators of one room. */
  room: (roomId: string) => `room:${roomId}`,
  /** Players looking at the room browser. */
  directory: "directory",
  /** Players in the lobby (not in a room), for lobby chat. */
  lobby: "lobby",
} as const;
