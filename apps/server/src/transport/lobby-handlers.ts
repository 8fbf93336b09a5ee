import type { Logger } from "../core/logger";
import type { Lobby } from "../lobby/lobby";
import { handleEvent } from "./handle-event";
import type { LobbySocket } from "./types";

/** Thin handlers: each parsed payload goes straight to the lobby core. */
export function registerLobbyHandlers(socket: LobbySocket, lobby: Lobby, logger: Logger): void {
  const { playerId } = socket.data;
  handleEvent(socket, "queue:join", ({ mode }) => lobby.joinQueue(playerId, mode), logger);
  handleEvent(socket, "queue:leave", () => lobby.leaveQueue(playerId), logger);
  handleEvent(socket, "game:move", ({ move }) => lobby.move(playerId, move), logger);
  handleEvent(socket, "game:rematch", () => lobby.rematch(playerId), logger);
  handleEvent(socket, "room:leave", () => lobby.leaveRoom(playerId), logger);
}
