import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createLobbyClient, type LobbyClient } from "@lobby/client";
import type { ServerEventName, ServerPayload } from "@lobby/contracts";
import { createLobbyServer } from "../../src/app";
import { defaultConfig, type LobbyConfig } from "../../src/config";
import { systemClock } from "../../src/core/clock";
import { silentLogger, type Logger } from "../../src/core/logger";
import { seededRandom } from "../../src/core/random";
import { httpHandler } from "../../src/http/http-handler";
import { serverStats } from "../../src/http/server-stats";
import type { LobbySettings } from "../../src/lobby/lobby";
import { prometheusMetrics } from "../../src/metrics/prometheus";
import { MemoryStore } from "../../src/store/memory-store";

/** A real Lobby server on an ephemeral port, and a factory for SDK clients connected to it. */
export async function startTestServer(
  settings: Partial<LobbySettings> = {},
  edge: Partial<
    Pick<
      LobbyConfig,
      | "maxConnectionsPerAddress"
      | "allowedOrigins"
      | "rateLimits"
      | "trustProxy"
      | "addressLimits"
      | "publicHosts"
      | "sessionTokenTtlMs"
      | "adminToken"
    >
  > = {},
  store: MemoryStore = new MemoryStore(),
  logger: Logger = silentLogger,
) {
  let busy = () => false;
  let draining = () => false;
  let connectionCount = () => 0;
  // The metrics a server runs with: every test exercises what reports to them, and /metrics serves them.
  const prometheus = prometheusMetrics({
    nodeId: "test-node",
    store,
    busy: () => busy(),
    connections: () => connectionCount(),
  });
  const scrape = async () => ({
    contentType: prometheus.registry.contentType,
    body: await prometheus.registry.metrics(),
  });
  const httpServer = createServer(
    httpHandler({
      webDist: null,
      stats: serverStats(store, systemClock, {
        reconnectGraceMs: settings.reconnectGraceMs ?? defaultConfig.lobby.reconnectGraceMs,
        nodeId: "test-node",
      }),
      busy: () => busy(),
      draining: () => draining(),
      metrics: scrape,
    }),
  );
  const server = createLobbyServer({
    httpServer,
    store,
    metrics: prometheus.metrics,
    clock: systemClock,
    random: seededRandom(42),
    config: {
      ...defaultConfig,
      ...edge,
      lobby: {
        ...defaultConfig.lobby,
        statsIntervalMs: 20,
        countdownMs: 30,
        quickMatchWaitMs: 200,
        presenceIntervalMs: 100,
        ...settings,
      },
    },
    logger,
  });
  busy = () => server.lobby.busy;
  draining = () => server.draining;
  connectionCount = () => server.io.engine.clientsCount;
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const clients: LobbyClient[] = [];

  async function connect(
    name: string,
    options: { pingIntervalMs?: number; token?: string; identity?: string; reconnection?: boolean; from?: string } = {},
  ) {
    const client = createLobbyClient({
      url,
      name,
      reconnection: options.reconnection ?? false,
      pingIntervalMs: options.pingIntervalMs ?? 0,
      ...(options.token ? { token: options.token } : {}),
      ...(options.identity ? { identity: options.identity } : {}),
      // With trustProxy, the address the server counts this client under.
      ...(options.from ? { headers: { "x-forwarded-for": options.from } } : {}),
    });
    clients.push(client);
    const session = await client.connect();
    return { client, session, id: session.player.id };
  }

  async function close() {
    for (const client of clients) client.disconnect();
    await server.close();
  }

  return { url, store, server, connect, close };
}

/** Resolve with the first `event` payload that satisfies `predicate`. */
export function nextEvent<E extends ServerEventName>(
  client: LobbyClient,
  event: E,
  predicate: (payload: ServerPayload<E>) => boolean = () => true,
): Promise<ServerPayload<E>> {
  return new Promise((resolve) => {
    const off = client.on(event, (payload) => {
      if (!predicate(payload)) return;
      off();
      resolve(payload);
    });
  });
}
