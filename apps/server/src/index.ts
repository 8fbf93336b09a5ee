export { createLobbyServer, type LobbyServer, type LobbyServerComponents } from "./app";
export { defaultConfig, loadConfig, type LobbyConfig } from "./config";
export { FakeClock, systemClock, type Clock } from "./core/clock";
export { silentLogger, jsonLogger, type Logger } from "./core/logger";
export { cryptoRandom, seededRandom, type Random } from "./core/random";
export { httpHandler } from "./http/http-handler";
export { MemoryStore } from "./lobby/memory-store";
export type { LobbyStore } from "./lobby/store";
