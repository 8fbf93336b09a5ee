import { createServer } from "node:http";
// By path, not as a package: the server depends on the SDK, and a dependency back would be a cycle.
import {
  MemoryStore,
  createLobbyServer,
  defaultConfig,
  seededRandom,
  silentLogger,
  systemClock,
} from "../../../../apps/server/src/index";
import { listen } from "./servers";

/*
 * The real Lobby, for what the SDK does against the protocol as served. Kept
 * apart from the bare server so tests that script their own server do not
 * load the Lobby at all.
 */

/** The real Lobby server, in memory, as the production entry point composes it. */
export async function startLobby() {
  const httpServer = createServer();
  const server = createLobbyServer({
    httpServer,
    store: new MemoryStore(),
    clock: systemClock,
    random: seededRandom(7),
    config: { ...defaultConfig, lobby: { ...defaultConfig.lobby, statsIntervalMs: 20 } },
    logger: silentLogger,
  });
  const url = await listen(httpServer);
  return { url, server, close: () => server.close() };
}
