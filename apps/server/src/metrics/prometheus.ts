import { ErrorCode, MODE_IDS, RoomPhase } from "@lobby/contracts";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { LobbyStore } from "../lobby/store";
import type { Metrics } from "./metrics";

/** What the scrape reads from the running server, besides what it is told as things happen. */
export interface MetricSources {
  /** This node's name: every series carries it as the `node` label. */
  nodeId: string;
  store: LobbyStore;
  /** Whether the lobby sheds load (`Lobby.busy`). */
  busy(): boolean;
  /** Connections this node holds. */
  connections(): number;
  /** Store transactions run again after losing a race, so far (Redis); absent when the store never retries. */
  storeRetries?(): number;
}

/** The lobby's state is counted at most this often, however often Prometheus scrapes. */
const STATE_SCAN_MS = 5000;
/** Rooms read at once while counting them. */
const SCAN_BATCH = 200;

/** Refusals that are limits (the sender should slow down), out of every error code an ack may carry. */
const LIMITS: ReadonlySet<string> = new Set([ErrorCode.RateLimited, ErrorCode.TooManyRooms, ErrorCode.TooManyGuesses]);

/**
 * Prometheus metrics with `prom-client`, in a registry of their own: the
 * default process and Node figures (CPU, memory, event-loop lag, GC), what
 * the server is told as things happen (counters and histograms, this node's
 * own), and the lobby's state, read from the store when scraped (gauges of
 * the whole lobby: on a cluster every node reports the same figures, so take
 * one node's or the max, never the sum). Every series is labelled with the
 * node's id.
 */
export function prometheusMetrics(sources: MetricSources): { metrics: Metrics; registry: Registry } {
  const registry = new Registry();
  registry.setDefaultLabels({ node: sources.nodeId });
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });
  // Gauges named like counters, which Prometheus' linter rejects; the same figures by type stay
  // (nodejs_active_handles, nodejs_active_requests, nodejs_active_resources).
  for (const name of ["nodejs_active_handles_total", "nodejs_active_requests_total", "nodejs_active_resources_total"]) {
    registry.removeSingleMetric(name);
  }
  const registers = [registry];

  const matches = new Counter({
    name: "lobby_matches_made_total",
    help: "Rooms quick match made for a group of waiting players, on this node.",
    labelNames: ["mode"],
    registers,
  });
  const games = new Counter({
    name: "lobby_games_started_total",
    help: "Games started (countdowns that ended in a game), on this node.",
    labelNames: ["mode"],
    registers,
  });
  const queueWait = new Histogram({
    name: "lobby_queue_wait_seconds",
    help: "How long quick match kept a player waiting for a seat (0: an open room took them at once).",
    labelNames: ["mode"],
    buckets: [0.05, 0.25, 1, 2.5, 5, 10, 20, 30, 60, 120],
    registers,
  });
  const acks = new Counter({
    name: "lobby_acks_total",
    help: 'Client events answered, by event and code ("OK", or the error code).',
    labelNames: ["event", "code"],
    registers,
  });
  const latency = new Histogram({
    name: "lobby_operation_duration_seconds",
    help: "Time from receiving a client event to answering it, by event.",
    labelNames: ["event"],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  const limited = new Counter({
    name: "lobby_rate_limited_total",
    help: "Client events refused by a rate limit (per connection, player or address), by event and code.",
    labelNames: ["event", "code"],
    registers,
  });
  const refusedHandshakes = new Counter({
    name: "lobby_handshakes_refused_total",
    help: "Handshakes refused, by reason.",
    labelNames: ["reason"],
    registers,
  });

  let retriesSeen = 0;
  new Counter({
    name: "lobby_store_transaction_retries_total",
    help: "Store transactions run again after losing a race to another node (Redis).",
    registers,
    collect() {
      const now = sources.storeRetries?.() ?? 0;
      this.inc(Math.max(0, now - retriesSeen));
      retriesSeen = now;
    },
  });
  new Gauge({
    name: "lobby_busy",
    help: "1 while this node sheds load (refuses new players and work with SERVER_BUSY), else 0.",
    registers,
    collect() {
      this.set(sources.busy() ? 1 : 0);
    },
  });
  new Gauge({
    name: "lobby_connections",
    help: "Connections this node holds.",
    registers,
    collect() {
      this.set(sources.connections());
    },
  });

  const state = lobbyState(sources.store);
  new Gauge({
    name: "lobby_players_online",
    help: "Players with a session in the lobby (the whole lobby), away ones included.",
    registers,
    async collect() {
      this.set((await state()).online);
    },
  });
  new Gauge({
    name: "lobby_players_queued",
    help: "Players waiting in quick match (the whole lobby), by mode.",
    labelNames: ["mode"],
    registers,
    async collect() {
      const { queued } = await state();
      for (const mode of MODE_IDS) this.set({ mode }, queued[mode] ?? 0);
    },
  });
  new Gauge({
    name: "lobby_players_seated",
    help: "Players in a seat of a room (the whole lobby), by mode.",
    labelNames: ["mode"],
    registers,
    async collect() {
      const { seated } = await state();
      for (const mode of MODE_IDS) this.set({ mode }, seated[mode] ?? 0);
    },
  });
  new Gauge({
    name: "lobby_rooms",
    help: "Rooms (the whole lobby), by mode and phase.",
    labelNames: ["mode", "phase"],
    registers,
    async collect() {
      const { rooms } = await state();
      for (const mode of MODE_IDS) {
        for (const phase of RoomPhase.options) this.set({ mode, phase }, rooms[`${mode} ${phase}`] ?? 0);
      }
    },
  });

  // Every answer and seat reports here: each series' child is looked up once, not hashed from its labels every time.
  const ackCount = bound((event: string) => bound((code: string) => acks.labels({ event, code })));
  const ackLatency = bound((event: string) => latency.labels({ event }));
  const waitOf = bound((mode: string) => queueWait.labels({ mode }));
  const metrics: Metrics = {
    matchMade: (mode) => matches.inc({ mode }),
    gameStarted: (mode) => games.inc({ mode }),
    queueWait: (mode, waitedMs) => waitOf(mode).observe(Math.max(0, waitedMs) / 1000),
    ack(event, code, seconds) {
      ackCount(event)(code).inc();
      ackLatency(event).observe(seconds);
      if (LIMITS.has(code)) limited.inc({ event, code });
    },
    handshakeRefused: (reason) => refusedHandshakes.inc({ reason }),
  };
  return { metrics, registry };
}

/**
 * `child` memoised by its label. Events and error codes are the contracts'
 * own (an unknown event is answered before it reaches the metrics), so the
 * map stays as small as the set of series.
 */
function bound<C>(child: (label: string) => C): (label: string) => C {
  const children = new Map<string, C>();
  return (label) => {
    let found = children.get(label);
    if (found === undefined) {
      found = child(label);
      children.set(label, found);
    }
    return found;
  };
}

interface LobbyState {
  online: number;
  queued: Record<string, number>;
  seated: Record<string, number>;
  /** By `${mode} ${phase}`. */
  rooms: Record<string, number>;
}

/**
 * The lobby's state as the gauges report it: one scan of the store serves
 * every gauge of a scrape, and scrapes within `STATE_SCAN_MS` of it. Rooms
 * are read in batches (a Redis store pipelines each batch).
 */
function lobbyState(store: LobbyStore): () => Promise<LobbyState> {
  let last: { at: number; state: Promise<LobbyState> } | null = null;
  const scan = async (): Promise<LobbyState> => {
    const [online, roomIds, queues] = await Promise.all([
      store.countPlayers(),
      store.listRoomIds(),
      Promise.all(MODE_IDS.map(async (mode) => [mode, await store.queueLength(mode)] as const)),
    ]);
    const seated: Record<string, number> = {};
    const rooms: Record<string, number> = {};
    for (let i = 0; i < roomIds.length; i += SCAN_BATCH) {
      const batch = await Promise.all(roomIds.slice(i, i + SCAN_BATCH).map((id) => store.getRoom(id)));
      for (const room of batch) {
        if (!room) continue;
        const key = `${room.mode} ${room.phase}`;
        rooms[key] = (rooms[key] ?? 0) + 1;
        seated[room.mode] = (seated[room.mode] ?? 0) + room.seats.filter((s) => s.status !== "left").length;
      }
    }
    return { online, queued: Object.fromEntries(queues), seated, rooms };
  };
  return () => {
    const now = Date.now();
    if (!last || now - last.at >= STATE_SCAN_MS) {
      const state = scan();
      last = { at: now, state };
      // A failed scan is not kept: the next scrape tries again.
      state.catch(() => (last = null));
    }
    return last.state;
  };
}
