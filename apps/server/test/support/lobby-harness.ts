import { FakeClock } from "../../src/core/clock";
import { silentLogger } from "../../src/core/logger";
import { seededRandom } from "../../src/core/random";
import { games } from "../../src/games/registry";
import { Lobby, type LobbySettings } from "../../src/lobby/lobby";
import { MemoryStore } from "../../src/lobby/memory-store";
import { RecordingEffects } from "./recording-effects";

/** A lobby core on an in-memory store, a fake clock and a seeded random source. */
export function lobbyHarness(settings: Partial<LobbySettings> = {}, seed = 1) {
  const store = new MemoryStore();
  const clock = new FakeClock();
  const effects = new RecordingEffects();
  const lobby = new Lobby({
    store,
    clock,
    random: seededRandom(seed),
    games,
    effects,
    settings: { forfeitGraceMs: 10_000, statsIntervalMs: 100, ...settings },
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
    if (location?.kind !== "seated") throw new Error(`${playerId} is not seated`);
    const room = await store.getRoom(location.roomId);
    if (!room) throw new Error(`room ${location.roomId} is gone`);
    return room;
  }
  return { lobby, store, clock, effects, connect, locationOf, roomOf };
}
