import type { Server as HttpServer } from "node:http";
import { LOBBY_NAMESPACE, type ModeId } from "@lobby/contracts";
import { Server, type ServerOptions } from "socket.io";
import type { LobbyConfig } from "./config";
import type { Clock } from "./core/clock";
import { jsonLogger, type Logger } from "./core/logger";
import type { Random } from "./core/random";
import type { AnyGameDefinition } from "./games/game";
import { games as defaultGames, modeInfos } from "./games/registry";
import { Lobby } from "./lobby/lobby";
import { LobbyError } from "./lobby/lobby-error";
import type { NodeRegistry } from "./lobby/node-registry";
import { claimHolds, type Greeting } from "./lobby/sessions";
import type { LobbyStore } from "./lobby/store";
import { noMetrics, type Metrics } from "./metrics/metrics";
import { adminNamespace } from "./admin/admin-namespace";
import { bothMetrics, NodeFigures } from "./admin/node-figures";
import { memoryBans, type Bans } from "./transport/bans";
import { AddressAbuse } from "./transport/address-abuse";
import { addressBudgets, unlimitedBudgets, type AddressBudgets } from "./transport/address-budgets";
import { AddressConnections, addressKeyer, clientAddress } from "./transport/address-connections";
import { ConnectionLog, type Closed } from "./transport/connection-log";
import { serveEvents, type Edge } from "./transport/handle-event";
import { handshake, refuseNamespace } from "./transport/handshake";
import { lobbyHandlers } from "./transport/lobby-handlers";
import { originAllowed } from "./transport/origin";
import { ConnectionLimits, unlimited } from "./transport/rate-limits";
import { RefusalLog } from "./transport/refusal-log";
import { socketRooms } from "./transport/rooms";
import { identityTokens, sessionTokens } from "./transport/session-token";
import { socketEffects } from "./transport/socket-effects";
import type { LobbyIo } from "./transport/types";

export interface LobbyServerComponents {
  httpServer: HttpServer;
  store: LobbyStore;
  /** The registry of a cluster's nodes; absent for a single process, which has no other node to watch. */
  nodes?: NodeRegistry;
  clock: Clock;
  random: Random;
  config: LobbyConfig;
  logger?: Logger;
  games?: Record<ModeId, AnyGameDefinition>;
  /** Socket.IO's adapter for broadcasts between the nodes of a cluster; in-memory (one process) when absent. */
  adapter?: ServerOptions["adapter"];
  /**
   * Per-address budgets; a cluster passes Redis-backed ones so they hold
   * across its nodes. Default: in this process, from `config.addressLimits`.
   */
  budgets?: AddressBudgets;
  /** Where the server reports what happens (see `prometheusMetrics`); nothing is reported when absent. */
  metrics?: Metrics;
  /** Bans an admin set; a cluster passes Redis-backed ones. Default: in this process. */
  bans?: Bans;
}

export interface LobbyServer {
  io: LobbyIo;
  lobby: Lobby;
  /** Live connections per client address. */
  connections: AddressConnections;
  /** Whether an admin drains this node: it takes no new players (its players stay). */
  readonly draining: boolean;
  setDraining(draining: boolean): void;
  /** Tell every client the server is stopping, disconnect them, stop timers and close the HTTP server. */
  close(): Promise<void>;
}

/** Largest inbound Socket.IO packet; every lobby payload is far smaller. */
const MAX_PACKET_BYTES = 8 * 1024;

/** The composition root: wires the lobby core to a Socket.IO server on `httpServer`. */
export function createLobbyServer(components: LobbyServerComponents): LobbyServer {
  const { httpServer, store, clock, random, config } = components;
  const logger = components.logger ?? jsonLogger;
  let draining = false;
  let connectionCount = () => 0;
  let busy = () => false;
  // This node's own figures for the admin page (only with one), told what the metrics are told.
  const figures = config.adminToken
    ? new NodeFigures({
        nodeId: config.lobby.nodeId,
        clock,
        busy: () => busy(),
        draining: () => draining,
        connections: () => connectionCount(),
      })
    : null;
  const metrics = figures ? bothMetrics(components.metrics ?? noMetrics, figures) : (components.metrics ?? noMetrics);
  const bans = components.bans ?? memoryBans(clock);
  const games = components.games ?? defaultGames;
  const tokens = sessionTokens(config.sessionSecret, clock, config.sessionTokenTtlMs);
  const identities = identityTokens(config.sessionSecret, clock, config.lobby.identityTtlMs);
  const addressKey = addressKeyer(config.sessionSecret);
  const budgets = !config.rateLimits ? unlimitedBudgets : (components.budgets ?? addressBudgets(config.addressLimits));
  const refusals = new RefusalLog(logger, clock);
  const connectionLog = new ConnectionLog(logger, clock);
  const abuse = new AddressAbuse(clock);
  const connections = new AddressConnections(config.trustProxy, config.maxConnectionsPerAddress, clock);

  const io: LobbyIo = new Server(httpServer, {
    transports: ["websocket"],
    maxHttpBufferSize: MAX_PACKET_BYTES,
    cors: { origin: config.allowedOrigins },
    allowRequest: (req, callback) => {
      if (!originAllowed(req, config.allowedOrigins, config.publicHosts)) {
        metrics.handshakeRefused("ORIGIN_NOT_ALLOWED");
        callback("origin not allowed", false);
      } else if (!connections.admits(req)) {
        refusals.note("TOO_MANY_CONNECTIONS_AT_THE_DOOR", addressKey(clientAddress(req, config.trustProxy)));
        metrics.handshakeRefused("TOO_MANY_CONNECTIONS_AT_THE_DOOR");
        callback("too many connections", false);
      } else callback(null, true);
    },
    serveClient: false,
    ...(components.adapter ? { adapter: components.adapter } : {}),
    // No connection state recovery: resuming by session token already resends the full state and
    // chat history, and recovery's replay buffer kept every broadcast for minutes (see
    // docs/performance.md).
  });
  const nsp = io.of(LOBBY_NAMESPACE);
  const localConnections = () =>
    [...nsp.sockets.values()].map((s) => ({ playerId: s.data.playerId, connectionId: s.id }));
  const lobby = new Lobby({
    store,
    clock,
    random,
    games,
    effects: socketEffects(nsp),
    settings: config.lobby,
    logger,
    metrics,
    localConnections,
    ...(components.nodes ? { nodes: components.nodes } : {}),
  });
  const modes = modeInfos(games);
  connections.track(io.engine);
  busy = () => lobby.busy;
  connectionCount = () => io.engine.clientsCount;

  io.use(refuseNamespace(refusals, metrics, (socket) => addressKey(clientAddress(socket.request, config.trustProxy))));
  nsp.use(
    handshake({
      random,
      tokens,
      identities,
      connections,
      maxConnectionsPerAddress: config.maxConnectionsPerAddress,
      trustProxy: config.trustProxy,
      addressKey,
      budgets,
      refusals,
      metrics,
      abusive: (key) => config.rateLimits && abuse.exhausted(key),
      // A draining node takes no new players either; the balancer and their clients' retries move them on.
      busy: () => lobby.busy || draining,
      bans,
      sessionStands: async (claims) => {
        const player = await store.getPlayer(claims.id);
        return player !== undefined && claimHolds(player, claims.generation);
      },
      rejoinTarget: (identity) => lobby.rejoinTarget(identity),
    }),
  );
  // Every connection's events go to the same handlers (see `serveEvents`).
  const handlers = lobbyHandlers(lobby, budgets);
  nsp.on("connection", (socket) => {
    const { playerId, name, addressKey: address, claim, identity } = socket.data;
    const playerRoom = socketRooms.player(playerId);
    // One session, one connection: an older tab of the same session gives way and is told why.
    nsp.to(playerRoom).except(socketRooms.connection(socket.id)).emit("session:closed", {
      reason: "replaced",
      message: "This game was opened in another tab or window.",
    });
    nsp.in(playerRoom).except(socketRooms.connection(socket.id)).disconnectSockets(true);
    void socket.join(playerRoom);

    const edge: Edge = {
      socket,
      logger,
      limits: config.rateLimits ? new ConnectionLimits(clock, { abuse, key: address }) : unlimited,
      refusals,
      metrics,
      closeForAbuse() {
        refusals.note("CLOSED_FOR_ABUSE", address);
        socket.emit("session:closed", { reason: "abuse", message: "Too many refused messages." });
        socket.disconnect(true);
      },
    };
    serveEvents(edge, handlers);
    // Logged once the session is ready (and so whether it was resumed is known); closed with it.
    let logged: Closed | null = null;
    socket.on("disconnect", (reason) => {
      logged?.(reason);
      lobby.disconnect(playerId, socket.id).catch((error: unknown) => {
        logger.error("disconnect failed", { playerId, error: String(error) });
      });
    });
    const greet = ({ resumed, stats, name: sessionName, tokenGeneration, identity: held, rejoin }: Greeting) => {
      socket.emit("session:ready", {
        player: { id: playerId, name: sessionName },
        modes,
        serverTime: clock.now(),
        token: tokens.sign(playerId, tokenGeneration),
        resumed,
        stats,
        identity: identities.sign(held.id, held.generation),
        rejoin,
      });
    };
    lobby
      .connect({ id: playerId, name, connectionId: socket.id, address, claim, identity }, greet)
      .then((resumed) => {
        if (socket.connected) logged = connectionLog.connected(address, playerId, resumed);
      })
      .catch((error: unknown) => {
        if (!(error instanceof LobbyError)) logger.error("connect failed", { playerId, error: String(error) });
        socket.disconnect(true);
      });
  });

  const admin =
    config.adminToken && figures
      ? adminNamespace({
          io,
          token: config.adminToken,
          lobby,
          store,
          clock,
          logger,
          metrics,
          refusals,
          bans,
          figures,
          nodeId: config.lobby.nodeId,
          clustered: components.adapter !== undefined,
          addressKeyOf: (socket) => addressKey(clientAddress(socket.request, config.trustProxy)),
          setDraining: (on) => {
            draining = on;
            logger.warn(on ? "draining: no new players" : "no longer draining", {});
          },
          announce: (text) => nsp.emit("lobby:announcement", { text, at: clock.now() }),
        })
      : null;

  return {
    io,
    lobby,
    connections,
    get draining() {
      return draining;
    },
    setDraining(on: boolean) {
      draining = on;
    },
    async close() {
      admin?.close();
      figures?.close();
      refusals.close();
      nsp.emit("session:closed", { reason: "shutdown", message: "The server is restarting." });
      await lobby.close();
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      connectionLog.close();
      // Closing the connections queued each player's departure; let them reach the store.
      await lobby.leaveCluster();
    },
  };
}
