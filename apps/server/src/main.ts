import { createServer } from "node:http";
import { createLobbyServer, type LobbyServer } from "./app";
import { connectCluster } from "./cluster/redis-cluster";
import { loadConfig } from "./config";
import { systemClock } from "./core/clock";
import { jsonLogger, type Logger } from "./core/logger";
import { pinoLogger } from "./core/pino-logger";
import { cryptoRandom } from "./core/random";
import { haproxyAgent } from "./http/haproxy-agent";
import { httpHandler, type Scrape } from "./http/http-handler";
import { serverStats } from "./http/server-stats";
import { prometheusMetrics } from "./metrics/prometheus";
import { MemoryStore } from "./store/memory-store";

// Until the configuration is read, what goes wrong is written as plain JSON.
let logger: Logger = jsonLogger;

async function start() {
  const config = loadConfig();
  const { nodeId } = config.lobby;
  logger = pinoLogger({ ...config.log, nodeId });
  // With REDIS_URL this process is one node of a cluster; without it, everything stays in this process.
  const cluster = config.redisUrl ? await connectCluster(config.redisUrl) : null;
  const store = cluster?.store ?? new MemoryStore({ freezeRecords: config.freezeRecords });
  const stats = config.statsEndpoint
    ? serverStats(store, systemClock, {
        reconnectGraceMs: config.lobby.reconnectGraceMs,
        nodeId: config.lobby.nodeId,
      })
    : null;
  // The lobby is made after the HTTP server it serves on; /healthz and the metrics ask it once it exists.
  let lobby: LobbyServer | null = null;
  const prometheus =
    config.metrics.kind === "off"
      ? null
      : prometheusMetrics({
          nodeId,
          store,
          busy: () => lobby?.lobby.busy ?? false,
          connections: () => lobby?.io.engine.clientsCount ?? 0,
          ...(cluster ? { storeRetries: () => cluster.store.retries } : {}),
        });
  const scrape = prometheus
    ? async (): Promise<Scrape> => ({
        contentType: prometheus.registry.contentType,
        body: await prometheus.registry.metrics(),
      })
    : null;
  const httpServer = createServer(
    httpHandler({
      webDist: config.webDist,
      stats,
      busy: () => lobby?.lobby.busy ?? false,
      draining: () => lobby?.draining ?? false,
      metrics: config.metrics.kind === "on" ? scrape : null,
    }),
  );
  const server = createLobbyServer({
    httpServer,
    store,
    clock: systemClock,
    random: cryptoRandom(),
    config,
    logger,
    ...(prometheus ? { metrics: prometheus.metrics } : {}),
    ...(cluster
      ? {
          nodes: cluster.nodes,
          adapter: cluster.adapter,
          budgets: cluster.budgets(config.addressLimits),
          bans: cluster.bans(systemClock),
        }
      : {}),
  });
  lobby = server;
  const agent = config.haproxyAgentPort
    ? haproxyAgent(() => (server.draining ? "draining" : server.lobby.busy ? "busy" : "ready")).listen(
        config.haproxyAgentPort,
        config.host,
      )
    : null;
  // On a port of its own, for a network only the monitoring reaches: the metrics and /healthz, nothing else.
  if (config.metrics.kind === "port" && scrape) {
    createServer(httpHandler({ webDist: null, metrics: scrape })).listen(config.metrics.port, config.host);
  }

  httpServer.listen(config.port, config.host, () => {
    const address = httpServer.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    logger.info("lobby listening", {
      url: `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}`,
      webApp: config.webDist ?? "not served (run the web app with Vite)",
      state: cluster ? "redis (cluster node)" : "in memory",
      metrics: config.metrics.kind === "port" ? `port ${config.metrics.port}` : config.metrics.kind,
      admin: config.adminToken ? "on (/admin)" : "off (no ADMIN_TOKEN)",
    });
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("shutting down", { signal });
    // Never hang on a stuck connection: leave after a bounded wait.
    setTimeout(() => process.exit(1), 10_000).unref();
    agent?.close();
    server
      .close()
      .then(() => cluster?.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error("shutdown failed", { error: String(error) });
          process.exit(1);
        },
      );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

start().catch((error: unknown) => {
  logger.error("could not start", { error: String(error) });
  process.exit(1);
});
