import type { ClientEventName } from "@lobby/contracts";
import type { Lobby } from "../lobby/lobby";
import { handleEvent, type Edge, type EventHandler } from "./handle-event";

/** Thin handlers: each parsed payload goes straight to the lobby core. */
export function registerLobbyHandlers(edge: Edge, lobby: Lobby): void {
  const { playerId } = edge.socket.data;
  const on = <E extends ClientEventName>(event: E, handler: EventHandler<E>) => handleEvent(edge, event, handler);
  on("queue:join", ({ mode }) => lobby.joinQueue(playerId, mode));
  on("queue:leave", () => lobby.leaveQueue(playerId));
  on("room:create", ({ mode, ...settings }) => lobby.createRoom(playerId, mode, settings));
  on("room:join", ({ code }) => lobby.joinRoom(playerId, code));
  on("room:watch", ({ code }) => lobby.watchRoom(playerId, code));
  on("room:leave", () => lobby.leaveRoom(playerId));
  on("room:ready", ({ ready }) => lobby.setReady(playerId, ready));
  on("room:start", () => lobby.startGame(playerId));
  on("room:settings", (settings) => lobby.updateSettings(playerId, settings));
  on("room:kick", ({ playerId: target }) => lobby.kick(playerId, target));
  on("rooms:subscribe", () => lobby.subscribeRooms(playerId));
  on("rooms:unsubscribe", () => lobby.unsubscribeRooms(playerId));
  on("chat:send", ({ scope, text }) => lobby.sendChat(playerId, scope, text));
  on("session:ping", ({ rttMs }) => Promise.resolve(lobby.reportLatency(playerId, rttMs)));
  on("game:move", ({ move }) => lobby.move(playerId, move));
  on("game:rematch", () => lobby.rematch(playerId));
}
