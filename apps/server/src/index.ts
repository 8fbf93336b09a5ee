export { createLobbyServer, type LobbyServer, type LobbyServerComponents } from "./app";
export { defaultConfig, loadConfig, type LobbyConfig } from "./config";
export { FakeClock, systemClock, type Clock } from "./core/clock";
export { silentLogger, jsonLogger, type Logger } from "./core/logger";
export { cryptoRandom, seededRandom, type Random } from "./core/random";
export { httpHandler } from "./http/http-handler";
export { serverStats } from "./http/server-stats";
export { checkInvariants } from "./lobby/invariants";
// The matcher and the rating rules, for the bench's matchmaking simulation.
export { publicRating, ratedOutcome, startingRating, winChances, type Outcome, type Rating } from "./lobby/ratings";
export {
  DEFAULT_WIDENING,
  nextWidening,
  pickFirstCome,
  pickGroup,
  windowOf,
  type Candidate,
  type Widening,
} from "./lobby/skill-window";
export { MemoryStore } from "./store/memory-store";
// The lobby core on its own, for the bench's in-process profile (`pnpm bench:core`).
export { games } from "./games/registry";
export { Lobby } from "./lobby/lobby";
export type { LobbyEffects } from "./lobby/effects";
export { asRequest } from "./lobby/operations";
export type { LobbyStore } from "./lobby/store";
