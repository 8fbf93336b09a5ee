import { FakeClock } from "../../src/core/clock";
import { silentLogger } from "../../src/core/logger";
import { seededRandom } from "../../src/core/random";
import { games } from "../../src/games/registry";
import { Lobby, type LobbySettings } from "../../src/lobby/lobby";
import { MemoryStore } from "../../src/store/memory-store";
import type { LobbyStore } from "../../src/lobby/store";
import { RecordingEffects } from "./recording-effects";

export const TEST_SETTINGS: LobbySettings = {
  reconnectGraceMs: 10_000,
  statsIntervalMs: 100,
  countdownMs: 3000,
  quickMatchWaitMs: 5000,
  chatBurst: 3,
  chatRefillMs: 1000,
  presenceIntervalMs: 0,
  // This process's own timers do the work; the sweep for a dead process's deadlines has its own test.
  deadlineSweepMs: 0,
  nodeId: "local",
  nodeHeartbeatMs: 0,
  busyQueueMs: 0,
  identityTtlMs: 24 * 60 * 60 * 1000,
  widening: { initial: 50, perSecond: 25, cap: 400, anyoneAfterMs: 30_000 },
  dodgeCooldownMs: 30_000,
};

/** A lobby core on a store (in memory unless given), a fake clock and a seeded random source. */
export function lobbyHarness(settings: Partial<LobbySettings> = {}, seed = 1, store: LobbyStore = new MemoryStore()) {
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
    for (const name of names) {
      const id = name.toLowerCase();
      effects.connected(id);
      await lobby.connect({ id, name, connectionId: connectionOf(id) });
    }
    return names.map((n) => n.toLowerCase());
  }
  const connections = new Map<string, number>();
  function connectionOf(playerId: string) {
    return `${playerId}#${connections.get(playerId) ?? 0}`;
  }
  /** The player's connection drops (the session is kept for the grace period). */
  function drop(playerId: string) {
    effects.disconnected(playerId);
    return lobby.disconnect(playerId, connectionOf(playerId));
  }
  /** The player comes back on a new connection with their session token. */
  async function reconnect(playerId: string, name = playerId) {
    connections.set(playerId, (connections.get(playerId) ?? 0) + 1);
    effects.connected(playerId);
    return lobby.connect({ id: playerId, name, connectionId: connectionOf(playerId) });
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
  return {
    lobby,
    store,
    clock,
    effects,
    connect,
    drop,
    reconnect,
    locationOf,
    roomOf,
    advance,
    finishCountdown,
    settings: config,
  };
}
