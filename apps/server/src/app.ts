import type { Server as HttpServer } from "node:http";
import { LOBBY_NAMESPACE, type LobbyStats, type ModeId } from "@lobby/contracts";
import { Server, type ServerOptions } from "socket.io";
import type { LobbyConfig } from "./config";
import type { Clock } from "./core/clock";
import { jsonLogger, type Logger } from "./core/logger";
import type { Random } from "./core/random";
import type { AnyGameDefinition } from "./games/game";
import { games as defaultGames, modeInfos } from "./games/registry";
import { Lobby } from "./lobby/lobby";
import type { LobbyStore } from "./lobby/store";
import { refuseUnknownEvents, type Edge } from "./transport/handle-event";
import { connectionsPerAddress, handshake } from "./transport/handshake";
import { registerLobbyHandlers } from "./transport/lobby-handlers";
import { originAllowed } from "./transport/origin";
import { ConnectionLimits, unlimited } from "./transport/rate-limits";
import { playerChannel } from "./transport/rooms";
import { sessionTokens } from "./transport/session-token";
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
  /** Socket.IO's adapter for broadcasts between the nodes of a cluster; in-memory (one process) when absent. */
  adapter?: ServerOptions["adapter"];
}

export interface LobbyServer {
  io: LobbyIo;
  lobby: Lobby;
  /** Tell every client the server is stopping, disconnect them, stop timers and close the HTTP server. */
  close(): Promise<void>;
}

/** Largest inbound Socket.IO packet; every lobby payload is far smaller. */
const MAX_PACKET_BYTES = 8 * 1024;

/** The composition root: wires the lobby core to a Socket.IO server on `httpServer`. */
export function createLobbyServer(components: LobbyServerComponents): LobbyServer {
  const { httpServer, store, clock, random, config } = components;
  const logger = components.logger ?? jsonLogger;
  const games = components.games ?? defaultGames;
  const tokens = sessionTokens(config.sessionSecret);

  const io: LobbyIo = new Server(httpServer, {
    transports: ["websocket"],
    maxHttpBufferSize: MAX_PACKET_BYTES,
    cors: { origin: config.allowedOrigins },
    allowRequest: (req, callback) => callback(null, originAllowed(req, config.allowedOrigins)),
    serveClient: false,
    ...(components.adapter ? { adapter: components.adapter } : {}),
    // No connection state recovery: resuming by session token already resends the full state and
    // chat history, and recovery's replay buffer kept every broadcast for minutes (see
    // docs/performance.md).
  });
  const nsp = io.of(LOBBY_NAMESPACE);
  const localConnections = () => [...nsp.sockets.values()].map((s) => ({ playerId: s.data.playerId, connectionId: s.id }));
  const lobby = new Lobby({
    store,
    clock,
    random,
    games,
    effects: socketEffects(nsp),
    settings: config.lobby,
    logger,
    localConnections,
  });
  const modes = modeInfos(games);

  nsp.use(connectionsPerAddress(config.maxConnectionsPerAddress, config.trustProxy));
  nsp.use(handshake(random, tokens, () => lobby.busy));
  nsp.on("connection", (socket) => {
    const { playerId, name } = socket.data;
    const channel = playerChannel(playerId);
    // One session, one connection: an older tab of the same session gives way and is told why.
    nsp.to(channel).except(socket.id).emit("session:closed", {
      reason: "replaced",
      message: "This game was opened in another tab or window.",
    });
    nsp.in(channel).except(socket.id).disconnectSockets(true);
    void socket.join(channel);

    const edge: Edge = {
      socket,
      logger,
      limits: config.rateLimits ? new ConnectionLimits(clock) : unlimited,
      closeForAbuse() {
        logger.warn("connection closed for abuse", { playerId });
        socket.emit("session:closed", { reason: "abuse", message: "Too many refused messages." });
        socket.disconnect(true);
      },
    };
    refuseUnknownEvents(edge);
    registerLobbyHandlers(edge, lobby);
    socket.on("disconnect", () => {
      lobby.disconnect(playerId, socket.id).catch((error: unknown) => {
        logger.error("disconnect failed", { playerId, error: String(error) });
      });
    });
    const greet = (resumed: boolean, stats: LobbyStats) => {
      socket.emit("session:ready", {
        player: { id: playerId, name },
        modes,
        serverTime: clock.now(),
        token: tokens.sign(playerId),
        resumed,
        stats,
      });
    };
    lobby.connect({ id: playerId, name, connectionId: socket.id }, greet).catch((error: unknown) => {
      logger.error("connect failed", { playerId, error: String(error) });
      socket.disconnect(true);
    });
  });

  return {
    io,
    lobby,
    async close() {
      nsp.emit("session:closed", { reason: "shutdown", message: "The server is restarting." });
      await lobby.close();
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      // Closing the connections queued each player's departure; let them reach the store.
      await lobby.leaveCluster();
    },
  };
}
