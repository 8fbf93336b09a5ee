/** Socket.IO room that holds every socket of one player. */
export const playerChannel = (playerId: string) => `player:${playerId}`;
