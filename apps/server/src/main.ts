import { createServer } from "node:http";
import { createLobbyServer } from "./app";
import { loadConfig } from "./config";
import { systemClock } from "./core/clock";
import { jsonLogger } from "./core/logger";
import { cryptoRandom } from "./core/random";
import { httpHandler } from "./http/http-handler";
import { serverStats } from "./http/server-stats";
import { MemoryStore } from "./lobby/memory-store";

const config = loadConfig();
const store = new MemoryStore();
const stats = config.statsEndpoint ? serverStats(store, systemClock) : null;
const httpServer = createServer(httpHandler({ webDist: config.webDist, stats }));
const server = createLobbyServer({
  httpServer,
  store,
  clock: systemClock,
  random: cryptoRandom,
  config,
  logger: jsonLogger,
});

httpServer.listen(config.port, config.host, () => {
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  jsonLogger.info("lobby listening", {
    url: `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}`,
    webApp: config.webDist ?? "not served (run the web app with Vite)",
  });
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  jsonLogger.info("shutting down", { signal });
  // Never hang on a stuck connection: leave after a bounded wait.
  setTimeout(() => process.exit(1), 10_000).unref();
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      jsonLogger.error("shutdown failed", { error: String(error) });
      process.exit(1);
    },
  );
}
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
