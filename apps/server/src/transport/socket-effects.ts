import type { LobbyEffects } from "../lobby/lobby";
import { playerChannel, roomChannel } from "./rooms";
import type { LobbyNamespace } from "./types";

/** Carries out the lobby's effects with Socket.IO rooms, so they work with any adapter. */
export function socketEffects(nsp: LobbyNamespace): LobbyEffects {
  return {
    joinRoom: (playerId, roomId) => nsp.in(playerChannel(playerId)).socketsJoin(roomChannel(roomId)),
    leaveRoom: (playerId, roomId) => nsp.in(playerChannel(playerId)).socketsLeave(roomChannel(roomId)),
    toPlayer: (playerId, event, payload) => {
      emit(nsp.to(playerChannel(playerId)), event, payload);
    },
    toRoom: (roomId, event, payload) => {
      emit(nsp.to(roomChannel(roomId)), event, payload);
    },
    toAll: (event, payload) => {
      emit(nsp, event, payload);
    },
  };
}

// Socket.IO's typed emit cannot relate a generic event name to its payload
// type; the LobbyEffects signature already guarantees the pairing.
function emit(target: { emit: (...args: never[]) => unknown }, event: string, payload: unknown) {
  (target.emit as (event: string, payload: unknown) => void)(event, payload);
}
