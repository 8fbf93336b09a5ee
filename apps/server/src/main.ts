import { createServer } from "node:http";
import { createLobbyServer } from "./app";
import { connectCluster } from "./cluster/redis-cluster";
import { loadConfig } from "./config";
import { systemClock } from "./core/clock";
import { jsonLogger } from "./core/logger";
import { cryptoRandom } from "./core/random";
import { httpHandler } from "./http/http-handler";
import { serverStats } from "./http/server-stats";
import { MemoryStore } from "./store/memory-store";

async function start() {
  const config = loadConfig();
  // With REDIS_URL this process is one node of a cluster; without it, everything stays in this process.
  const cluster = config.redisUrl ? await connectCluster(config.redisUrl) : null;
  const store = cluster?.store ?? new MemoryStore();
  const stats = config.statsEndpoint ? serverStats(store, systemClock) : null;
  // The lobby is made after the HTTP server it serves on; /healthz asks it once it exists.
  let busy = () => false;
  const httpServer = createServer(httpHandler({ webDist: config.webDist, stats, busy: () => busy() }));
  const server = createLobbyServer({
    httpServer,
    store,
    clock: systemClock,
    random: cryptoRandom,
    config,
    logger: jsonLogger,
    ...(cluster
      ? { nodes: cluster.nodes, adapter: cluster.adapter, budgets: cluster.budgets(config.addressLimits) }
      : {}),
  });
  busy = () => server.lobby.busy;

  httpServer.listen(config.port, config.host, () => {
    const address = httpServer.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    jsonLogger.info("lobby listening", {
      url: `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}`,
      webApp: config.webDist ?? "not served (run the web app with Vite)",
      node: config.lobby.nodeId,
      state: cluster ? "redis (cluster node)" : "in memory",
    });
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    jsonLogger.info("shutting down", { signal });
    // Never hang on a stuck connection: leave after a bounded wait.
    setTimeout(() => process.exit(1), 10_000).unref();
    server
      .close()
      .then(() => cluster?.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          jsonLogger.error("shutdown failed", { error: String(error) });
          process.exit(1);
        },
      );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

start().catch((error: unknown) => {
  jsonLogger.error("could not start", { error: String(error) });
  process.exit(1);
});
