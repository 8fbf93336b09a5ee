import type { Server as HttpServer } from "node:http";
import { LOBBY_NAMESPACE, type ModeId } from "@lobby/contracts";
import { Server } from "socket.io";
import type { LobbyConfig } from "./config";
import type { Clock } from "./core/clock";
import { jsonLogger, type Logger } from "./core/logger";
import type { Random } from "./core/random";
import type { AnyGameDefinition } from "./games/game";
import { games as defaultGames, modeInfos } from "./games/registry";
import { Lobby } from "./lobby/lobby";
import type { LobbyStore } from "./lobby/store";
import { refuseUnknownEvents } from "./transport/handle-event";
import { handshake } from "./transport/handshake";
import { registerLobbyHandlers } from "./transport/lobby-handlers";
import { playerChannel } from "./transport/rooms";
import { socketEffects } from "./transport/socket-effects";
import type { LobbyIo } from "./transport/types";

export interface LobbyServerComponents {
  httpServer: HttpServer;
  store: LobbyStore;
  clock: Clock;
  random: Random;
  config: LobbyConfig;
  logger?: Logger;
  games?: Record<ModeId, AnyGameDefinition>;
}

export interface LobbyServer {
  io: LobbyIo;
  lobby: Lobby;
  /** Disconnect every client, stop timers and close the HTTP server. */
  close(): Promise<void>;
}

/** Largest inbound Socket.IO packet; every lobby payload is far smaller. */
const MAX_PACKET_BYTES = 8 * 1024;

/** The composition root: wires the lobby core to a Socket.IO server on `httpServer`. */
export function createLobbyServer(components: LobbyServerComponents): LobbyServer {
  const { httpServer, store, clock, random, config } = components;
  const logger = components.logger ?? jsonLogger;
  const games = components.games ?? defaultGames;

  const io: LobbyIo = new Server(httpServer, {
    transports: ["websocket"],
    maxHttpBufferSize: MAX_PACKET_BYTES,
    cors: { origin: config.allowedOrigins },
    serveClient: false,
  });
  const nsp = io.of(LOBBY_NAMESPACE);
  const lobby = new Lobby({
    store,
    clock,
    random,
    games,
    effects: socketEffects(nsp),
    settings: config.lobby,
    logger,
  });
  const modes = modeInfos(games);

  nsp.use(handshake(random));
  nsp.on("connection", (socket) => {
    const { playerId, name } = socket.data;
    void socket.join(playerChannel(playerId));
    refuseUnknownEvents(socket, logger);
    registerLobbyHandlers(socket, lobby, logger);
    socket.on("disconnect", () => {
      lobby.disconnect(playerId).catch((error: unknown) => {
        logger.error("disconnect failed", { playerId, error: String(error) });
      });
    });
    lobby
      .connect({ id: playerId, name })
      .then(async () => {
        socket.emit("session:ready", { player: { id: playerId, name }, modes, serverTime: clock.now() });
        socket.emit("lobby:stats", await lobby.stats());
      })
      .catch((error: unknown) => {
        logger.error("connect failed", { playerId, error: String(error) });
        socket.disconnect(true);
      });
  });

  return {
    io,
    lobby,
    async close() {
      await lobby.close();
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
    },
  };
}
