import { FakeClock } from "../../src/core/clock";
import { silentLogger } from "../../src/core/logger";
import { seededRandom } from "../../src/core/random";
import { games } from "../../src/games/registry";
import { Lobby, type LobbySettings } from "../../src/lobby/lobby";
import { MemoryStore } from "../../src/lobby/memory-store";
import { RecordingEffects } from "./recording-effects";

export const TEST_SETTINGS: LobbySettings = {
  forfeitGraceMs: 10_000,
  statsIntervalMs: 100,
  countdownMs: 3000,
  quickMatchWaitMs: 5000,
  chatBurst: 3,
  chatRefillMs: 1000,
  presenceIntervalMs: 0,
};

/** A lobby core on an in-memory store, a fake clock and a seeded random source. */
export function lobbyHarness(settings: Partial<LobbySettings> = {}, seed = 1) {
  const store = new MemoryStore();
  const clock = new FakeClock();
  const effects = new RecordingEffects();
  const config = { ...TEST_SETTINGS, ...settings };
  const lobby = new Lobby({
    store,
    clock,
    random: seededRandom(seed),
    games,
    effects,
    settings: config,
    logger: silentLogger,
  });
  async function connect(...names: string[]) {
    for (const name of names) await lobby.connect({ id: name.toLowerCase(), name });
    return names.map((n) => n.toLowerCase());
  }
  async function locationOf(playerId: string) {
    return (await store.getPlayer(playerId))?.location;
  }
  async function roomOf(playerId: string) {
    const location = await locationOf(playerId);
    if (location?.kind !== "seated" && location?.kind !== "watching") throw new Error(`${playerId} is not in a room`);
    const room = await store.getRoom(location.roomId);
    if (!room) throw new Error(`room ${location.roomId} is gone`);
    return room;
  }
  /** Move the fake clock and wait for the work its timers queued. */
  async function advance(ms: number) {
    clock.advance(ms);
    await lobby.idle();
  }
  /** Let a countdown run out. */
  function finishCountdown() {
    return advance(config.countdownMs);
  }
  return { lobby, store, clock, effects, connect, locationOf, roomOf, advance, finishCountdown, settings: config };
}
