import { LiveExample } from "../core/live-example";
import type { LobbyEffects } from "../lobby/lobby";
import { socketRooms } from "./rooms";
import type { LobbyNamespace } from "./types";

/**
 * Carries out the lobby's effects with Socket.IO rooms (`socketRooms`):
 * every player's sockets share one, and each lobby channel is a room of its
 * own, so this works unchanged with any adapter.
 */
export function socketEffects(nsp: LobbyNamespace): LobbyEffects {
  // Each effect makes a Socket.IO broadcast and drops it: the latest stays reachable so V8 keeps its
  // layout (see `LiveExample`).
  const broadcasts = new LiveExample<object>();
  const to = (room: string) => broadcasts.keep(nsp.to(room));
  return {
    join: (playerId, channel) => to(socketRooms.player(playerId)).socketsJoin(socketRooms.channel(channel)),
    leave: (playerId, channel) => to(socketRooms.player(playerId)).socketsLeave(socketRooms.channel(channel)),
    toPlayer: (playerId, event, payload) => {
      emit(to(socketRooms.player(playerId)), event, payload);
    },
    toChannel: (channel, event, payload, except) => {
      const all = to(socketRooms.channel(channel));
      emit(except === undefined ? all : broadcasts.keep(all.except(socketRooms.player(except))), event, payload);
    },
    toLocalChannel: (channel, event, payload) => {
      emit(broadcasts.keep(nsp.local.to(socketRooms.channel(channel))), event, payload);
    },
    // Closing the underlying connection (not a server-side disconnect) makes the client reconnect.
    drop: (connectionId) => nsp.local.in(socketRooms.connection(connectionId)).disconnectSockets(true),
    // A server-side disconnect: the client does not reconnect by itself.
    closeSession: (playerId, reason, message) => {
      nsp.to(socketRooms.player(playerId)).emit("session:closed", { reason, message });
      nsp.in(socketRooms.player(playerId)).disconnectSockets(true);
    },
  };
}

// Socket.IO's typed emit cannot relate a generic event name to its payload
// type; the LobbyEffects signature already guarantees the pairing.
function emit(target: { emit: (...args: never[]) => unknown }, event: string, payload: unknown) {
  (target.emit as (event: string, payload: unknown) => void)(event, payload);
}
