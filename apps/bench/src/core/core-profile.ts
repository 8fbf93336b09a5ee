import { Session } from "node:inspector/promises";
import { performance } from "node:perf_hooks";
import type { ModeId } from "@lobby/contracts";
import {
  Lobby,
  MemoryStore,
  asRequest,
  cryptoRandom,
  defaultConfig,
  games,
  silentLogger,
  systemClock,
  type LobbyEffects,
} from "@lobby/server";

/*
 * The lobby core on its own: the real `Lobby` on the memory store, in this
 * process, with effects that only count what they would send. No sockets, no
 * parse, no transport: what one seat costs the operation model itself, by
 * quick match or by invite code, round after round on the same lobby (the
 * first rounds include V8 compiling it), and, sampled by V8's heap profiler,
 * what it allocates and where.
 */

/**
 * How the round's players sit down: `quick` all quick-match at once (Connect
 * Four and Trails alternately, as the bench's burst); `code` in private Trails
 * rooms of four, one making the room and three joining it by its code at once
 * (as the bench's chat scenario).
 */
export type CoreSeating = "quick" | "code";

export interface CoreProfileOptions {
  /** Players per round; every one connects, sits down, then leaves and disconnects. */
  players: number;
  seating: CoreSeating;
  rounds: number;
  /** Sample allocations in this many of the last rounds (0: none). */
  sampledRounds: number;
}

export interface CoreRound {
  /** Players seated in a room in the round. */
  seated: number;
  /** Rooms they were seated in. */
  rooms: number;
  /** This process's CPU time per seat while everyone sat down (user + system). */
  cpuMicrosPerSeat: number;
  wallMicrosPerSeat: number;
}

export interface CoreAllocation {
  /** Bytes allocated per seat while quick-matching, as sampled (collected objects included). */
  bytesPerSeat: number;
  /** The functions that allocated most, by name and file. */
  top: { where: string; bytesPerSeat: number }[];
}

export interface CoreProfile {
  rounds: CoreRound[];
  allocation: CoreAllocation | null;
}

/** Quick match for everyone: Connect Four and Trails alternately, so rooms of 2 and of 8 fill. */
const modeOf = (i: number): ModeId => (i % 2 === 0 ? "connect-four" : "trails");
/** Players in a room made by invite code: its maker and three who join by the code. */
const ROOM_BY_CODE = 4;
const SEAT_TIMEOUT_MS = 30_000;
const TOP_FUNCTIONS = 20;
/** Bytes between heap samples: fine enough for a few hundred bytes a seat to show. */
const SAMPLING_INTERVAL_BYTES = 256;

interface SamplingNode {
  callFrame: { functionName: string; url: string };
  selfSize: number;
  children: SamplingNode[];
}

export async function profileCore(options: CoreProfileOptions): Promise<CoreProfile> {
  const seated = new Set<string>();
  const rooms = new Set<string>();
  /** Called once the round's players are all seated. */
  let everyoneSeated: (() => void) | null = null;
  const effects: LobbyEffects = {
    join: (playerId, channel) => {
      if (!channel.startsWith("room:")) return;
      seated.add(playerId);
      rooms.add(channel);
      if (seated.size === options.players) everyoneSeated?.();
    },
    leave: () => undefined,
    toPlayer: () => undefined,
    toChannel: () => undefined,
    toLocalChannel: () => undefined,
    drop: () => undefined,
    closeSession: () => undefined,
  };
  const lobby = new Lobby({
    store: new MemoryStore({ freezeRecords: false }),
    clock: systemClock,
    random: cryptoRandom(),
    games,
    effects,
    // A long countdown: no game starts while seats are counted.
    settings: { ...defaultConfig.lobby, countdownMs: 600_000, quickMatchWaitMs: 200, presenceIntervalMs: 0 },
    logger: silentLogger,
  });
  const session = new Session();
  session.connect();
  const rounds: CoreRound[] = [];
  const samples: SamplingNode[] = [];
  let requestSeq = 0;
  try {
    for (let r = 0; r < options.rounds; r++) {
      const ids = Array.from({ length: options.players }, (_, i) => `p${r}-${i}`);
      for (const id of ids) await lobby.connect({ id, name: id, connectionId: `${id}#0` });
      seated.clear();
      rooms.clear();
      const allSeated = new Promise<void>((resolve) => (everyoneSeated = resolve));
      const sampled = r >= options.rounds - options.sampledRounds;
      if (sampled) {
        await session.post("HeapProfiler.startSampling", {
          samplingInterval: SAMPLING_INTERVAL_BYTES,
          includeObjectsCollectedByMajorGC: true,
          includeObjectsCollectedByMinorGC: true,
        });
      }
      const cpu = process.cpuUsage();
      const started = performance.now();
      // Each request carries an id, as the SDK's do, so each operation reads and writes its receipts.
      const asked = (playerId: string, event: string) =>
        asRequest({ playerId, requestId: `r${requestSeq++}`, event }, () => undefined);
      if (options.seating === "quick") {
        await Promise.all(ids.map((id, i) => lobby.joinQueue(id, modeOf(i), asked(id, "queue:join"))));
      } else {
        const groups = Array.from({ length: Math.ceil(ids.length / ROOM_BY_CODE) }, (_, g) =>
          ids.slice(g * ROOM_BY_CODE, (g + 1) * ROOM_BY_CODE),
        );
        await Promise.all(
          groups.map(async ([host, ...guests]) => {
            const settings = { maxPlayers: ROOM_BY_CODE, visibility: "private" as const };
            const { code } = await lobby.createRoom(host!, "trails", settings, asked(host!, "room:create"));
            await Promise.all(guests.map((guest) => lobby.joinRoom(guest, code, asked(guest, "room:join"))));
          }),
        );
      }
      await withTimeout(allSeated, SEAT_TIMEOUT_MS, "not everyone was seated in time");
      const used = process.cpuUsage(cpu);
      const wallMs = performance.now() - started;
      if (sampled)
        samples.push(
          ((await session.post("HeapProfiler.stopSampling")) as { profile: { head: SamplingNode } }).profile.head,
        );
      rounds.push({
        seated: seated.size,
        rooms: rooms.size,
        cpuMicrosPerSeat: (used.user + used.system) / seated.size,
        wallMicrosPerSeat: (wallMs * 1000) / seated.size,
      });
      for (const id of ids) {
        await lobby.leaveRoom(id).catch(() => lobby.leaveQueue(id).catch(() => null));
        await lobby.disconnect(id, `${id}#0`);
      }
    }
  } finally {
    session.disconnect();
    await lobby.close();
  }
  const seats = rounds.slice(rounds.length - samples.length).reduce((sum, round) => sum + round.seated, 0);
  return { rounds, allocation: samples.length > 0 && seats > 0 ? allocationOf(samples, seats) : null };
}

/** Self bytes by function over the samples' trees, per seat. */
function allocationOf(heads: SamplingNode[], seats: number): CoreAllocation {
  const byFunction = new Map<string, number>();
  let total = 0;
  const walk = (node: SamplingNode) => {
    const { functionName, url } = node.callFrame;
    const where = `${functionName || "(anonymous)"} ${url.replace(/^.*\/(src|node_modules)\//, "") || "(native)"}`;
    byFunction.set(where, (byFunction.get(where) ?? 0) + node.selfSize);
    total += node.selfSize;
    for (const child of node.children) walk(child);
  };
  for (const head of heads) walk(head);
  const top = [...byFunction]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP_FUNCTIONS)
    .map(([where, bytes]) => ({ where, bytesPerSeat: bytes / seats }));
  return { bytesPerSeat: total / seats, top };
}

/** `promise`, or a rejection with `message` after `timeoutMs`. */
async function withTimeout(promise: Promise<void>, timeoutMs: number, message: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), timeoutMs);
  });
  try {
    await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
