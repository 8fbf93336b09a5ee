import type { LobbyEffects } from "../lobby/lobby";
import { playerChannel } from "./rooms";
import type { LobbyNamespace } from "./types";

/**
 * Carries out the lobby's effects with Socket.IO rooms: every player's
 * sockets share `player:<id>`, and each lobby channel is a room of its own,
 * so this works unchanged with any adapter.
 */
export function socketEffects(nsp: LobbyNamespace): LobbyEffects {
  return {
    join: (playerId, channel) => nsp.in(playerChannel(playerId)).socketsJoin(channel),
    leave: (playerId, channel) => nsp.in(playerChannel(playerId)).socketsLeave(channel),
    toPlayer: (playerId, event, payload) => {
      emit(nsp.to(playerChannel(playerId)), event, payload);
    },
    toChannel: (channel, event, payload) => {
      emit(nsp.to(channel), event, payload);
    },
    toLocalChannel: (channel, event, payload) => {
      emit(nsp.local.to(channel), event, payload);
    },
    // Every socket is in a room named by its id. Closing the underlying connection (not a
    // server-side disconnect) makes the client reconnect.
    drop: (connectionId) => nsp.local.in(connectionId).disconnectSockets(true),
  };
}

// Socket.IO's typed emit cannot relate a generic event name to its payload
// type; the LobbyEffects signature already guarantees the pairing.
function emit(target: { emit: (...args: never[]) => unknown }, event: string, payload: unknown) {
  (target.emit as (event: string, payload: unknown) => void)(event, payload);
}
