/** Socket.IO room that holds every socket of one player. */
export const playerChannel = (playerId: string) => `player:${playerId}`;

/** Socket.IO room that holds the members of one match room. */
export const roomChannel = (roomId: string) => `room:${roomId}`;
