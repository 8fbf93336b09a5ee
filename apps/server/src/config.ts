import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { hostname } from "node:os";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { DEFAULT_WIDENING } from "./lobby/skill-window";
import type { LobbySettings } from "./lobby/runtime";
import type { AddressLimits } from "./transport/address-budgets";

const DEFAULT_WEB_DIST = fileURLToPath(new URL("../../web/dist", import.meta.url));

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** Comma-separated origins allowed to open a Socket.IO connection from a browser. */
  ALLOWED_ORIGINS: z.string().default("http://localhost:5173"),
  /** How long a dropped player's session (queue place, seat) is kept for them to come back. */
  RECONNECT_GRACE_MS: z.coerce.number().int().min(0).default(30_000),
  STATS_INTERVAL_MS: z.coerce.number().int().min(0).default(1000),
  /** The countdown before every game. */
  COUNTDOWN_MS: z.coerce.number().int().min(0).default(3000),
  /** How long the minimum number of players waits before an N-player quick match starts without a full room. */
  QUICK_MATCH_WAIT_MS: z.coerce.number().int().min(0).default(5000),
  /** Chat messages a player may send in a burst, and the time to earn one back. */
  CHAT_BURST: z.coerce.number().int().min(1).default(5),
  CHAT_REFILL_MS: z.coerce.number().int().min(1).default(2000),
  /** How often rooms are told their players' round-trip times. */
  PRESENCE_INTERVAL_MS: z.coerce.number().int().min(0).default(3000),
  /** Signs session tokens. Set it (32+ characters) wherever sessions must survive a restart. */
  SESSION_SECRET: z.string().min(32).optional(),
  /** Per-connection rate limits on inbound events; "off" only for load tests and fuzzing. */
  RATE_LIMITS: z.enum(["on", "off"]).default("on"),
  /** Serve GET /debug/stats (memory, CPU, event loop, lobby state) for load tests. Keep off in production. */
  STATS_ENDPOINT: z.enum(["on", "off"]).default("off"),
  /** Behind a load balancer that sets X-Forwarded-For: count connections by the address it names. */
  TRUST_PROXY: z.enum(["on", "off"]).default("off"),
  /** Live connections allowed per client address; 0 for no cap. */
  MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(0).default(20),
  /** Per client address and minute, across the cluster: new sessions, rooms created, invite codes that led nowhere, lobby chat lines. 0 for no limit. */
  NEW_SESSIONS_PER_MINUTE: z.coerce.number().int().min(0).default(60),
  ROOMS_PER_MINUTE: z.coerce.number().int().min(0).default(20),
  CODE_MISSES_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  LOBBY_CHAT_PER_MINUTE: z.coerce.number().int().min(0).default(60),
  /** How long a session token may be used to resume its session (each connection gets a fresh one). */
  SESSION_TOKEN_TTL_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(24 * 60 * 60 * 1000),
  /** Quick match's rating window: points accepted at once, points added per second waited, the widest, and when anyone fits. */
  MATCH_WINDOW_INITIAL: z.coerce.number().min(0).default(50),
  MATCH_WINDOW_PER_SECOND: z.coerce.number().min(0).default(25),
  MATCH_WINDOW_CAP: z.coerce.number().min(0).default(400),
  MATCH_ANYONE_AFTER_MS: z.coerce.number().int().min(0).default(30_000),
  /** How long leaving a rated match during its countdown keeps a player out of quick match; 0 for never. */
  DODGE_COOLDOWN_MS: z.coerce.number().int().min(0).default(30_000),
  /** How long a device's identity lasts without a connection (each connection extends it). */
  IDENTITY_TTL_MS: z.coerce
    .number()
    .int()
    .min(60_000)
    .default(180 * 24 * 60 * 60 * 1000),
  /** Comma-separated host names (with the port when not 80/443) the server answers to; empty for any. */
  PUBLIC_HOSTS: z.string().default(""),
  /** The built web app to serve; empty to serve none. Defaults to apps/web/dist when it exists. */
  WEB_DIST: z.string().optional(),
  /** Run as one node of a cluster: lobby state and broadcasts go through this Redis. Unset: one process, in memory. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** This node's name in logs and in the cluster (defaults to host name and process id). */
  NODE_ID: z.string().min(1).max(64).optional(),
  /** How often to look for work a dead node left overdue (countdowns, ticks, grace periods); 0 for never. */
  DEADLINE_SWEEP_MS: z.coerce.number().int().min(0).default(1000),
  /** How often a node says it is alive and looks for dead ones (a node is dead after 5 missed beats); 0 for never. */
  NODE_HEARTBEAT_MS: z.coerce.number().int().min(0).default(2000),
  /** Refuse new players and new work (SERVER_BUSY) while an operation taken this long ago is not done; 0 for never. */
  BUSY_QUEUE_MS: z.coerce.number().int().min(0).default(2000),
  /** Prometheus metrics at GET /metrics: "on" on the server's own port, "off", or a port number to serve them there alone. */
  METRICS: z
    .string()
    .regex(/^(on|off|[0-9]{1,5})$/, 'Use "on", "off" or a port number')
    .default("on"),
  /** Serve HAProxy's agent check on this port (see deploy/haproxy.cfg): weighs this node down while busy. Unset: none. */
  HAPROXY_AGENT_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** Serve the /admin namespace (and the web app's /admin page) to whoever presents this token; unset: no admin. */
  ADMIN_TOKEN: z.string().min(16, "ADMIN_TOKEN must have at least 16 characters").optional(),
  /** Deep-freeze every record the in-memory store keeps, so a stray mutation throws: "on" in development and tests, "off" in the production build. */
  FREEZE_RECORDS: z.enum(["on", "off"]).optional(),
  /** The least important log level written: trace, debug, info, warn, error, fatal or silent. */
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
  /** "json": one JSON object a line (production); "pretty": readable lines (what `pnpm dev` sets). */
  LOG_FORMAT: z.enum(["json", "pretty"]).default("json"),
});

export interface LobbyConfig {
  port: number;
  host: string;
  /** Browser origins allowed to connect, besides the server's own origin. */
  allowedOrigins: string[];
  webDist: string | null;
  sessionSecret: string;
  /** Per-connection event budgets and the abuse cut-off. */
  rateLimits: boolean;
  statsEndpoint: boolean;
  maxConnectionsPerAddress: number;
  /** Per-address budgets that survive identity churn (off with `rateLimits`). */
  addressLimits: AddressLimits;
  /** How long a session token may resume its session. */
  sessionTokenTtlMs: number;
  /** Host names (`Host` header values) the server answers to; empty for any. */
  publicHosts: string[];
  /** Count connections by the X-Forwarded-For address (only behind a load balancer that sets it). */
  trustProxy: boolean;
  /** Set: one node of a cluster over this Redis. Null: one process with in-memory state. */
  redisUrl: string | null;
  /** Where GET /metrics is served: on the server's own port, on a port of its own, or not at all. */
  metrics: { kind: "on" } | { kind: "off" } | { kind: "port"; port: number };
  log: { level: LogLevel; format: "json" | "pretty" };
  /** Where HAProxy's agent check is answered (see `haproxyAgent`); null for nowhere. */
  haproxyAgentPort: number | null;
  /** The token the /admin namespace takes; null: no /admin namespace. */
  adminToken: string | null;
  /** The in-memory store deep-freezes what it stores (a development check; see `MemoryStore`). */
  freezeRecords: boolean;
  lobby: LobbySettings;
}

/** `build.mjs` replaces this with "production" in the built server; `pnpm dev` and tests run the source. */
const PRODUCTION_BUILD = process.env.NODE_ENV === "production";

export type LogLevel = z.infer<typeof EnvSchema>["LOG_LEVEL"];

/** Defaults for tests and embedding: nothing served, short intervals. */
export const defaultConfig: LobbyConfig = {
  port: 0,
  host: "127.0.0.1",
  allowedOrigins: ["http://localhost:5173"],
  webDist: null,
  sessionSecret: randomBytes(32).toString("hex"),
  rateLimits: true,
  statsEndpoint: false,
  maxConnectionsPerAddress: 0,
  addressLimits: { sessionsPerMinute: 0, roomsPerMinute: 0, codeMissesPerMinute: 0, lobbyChatPerMinute: 0 },
  sessionTokenTtlMs: 24 * 60 * 60 * 1000,
  publicHosts: [],
  trustProxy: false,
  redisUrl: null,
  metrics: { kind: "on" },
  log: { level: "info", format: "json" },
  haproxyAgentPort: null,
  adminToken: null,
  freezeRecords: true,
  lobby: {
    reconnectGraceMs: 30_000,
    statsIntervalMs: 250,
    countdownMs: 3000,
    quickMatchWaitMs: 5000,
    chatBurst: 5,
    chatRefillMs: 2000,
    presenceIntervalMs: 3000,
    deadlineSweepMs: 1000,
    nodeId: "local",
    nodeHeartbeatMs: 2000,
    busyQueueMs: 2000,
    identityTtlMs: 180 * 24 * 60 * 60 * 1000,
    widening: DEFAULT_WIDENING,
    dodgeCooldownMs: 30_000,
  },
};

/** Read and validate the environment once. Throws with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): LobbyConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration:\n${z.prettifyError(parsed.error)}`);
  }
  const e = parsed.data;
  const webDist = e.WEB_DIST ?? (existsSync(DEFAULT_WEB_DIST) ? DEFAULT_WEB_DIST : "");
  return {
    port: e.PORT,
    host: e.HOST,
    allowedOrigins: list(e.ALLOWED_ORIGINS),
    webDist: webDist || null,
    sessionSecret: e.SESSION_SECRET ?? randomBytes(32).toString("hex"),
    rateLimits: e.RATE_LIMITS === "on",
    statsEndpoint: e.STATS_ENDPOINT === "on",
    maxConnectionsPerAddress: e.MAX_CONNECTIONS_PER_ADDRESS,
    addressLimits: {
      sessionsPerMinute: e.NEW_SESSIONS_PER_MINUTE,
      roomsPerMinute: e.ROOMS_PER_MINUTE,
      codeMissesPerMinute: e.CODE_MISSES_PER_MINUTE,
      lobbyChatPerMinute: e.LOBBY_CHAT_PER_MINUTE,
    },
    sessionTokenTtlMs: e.SESSION_TOKEN_TTL_MS,
    publicHosts: list(e.PUBLIC_HOSTS).map((h) => h.toLowerCase()),
    trustProxy: e.TRUST_PROXY === "on",
    redisUrl: e.REDIS_URL ?? null,
    metrics:
      e.METRICS === "on" || e.METRICS === "off" ? { kind: e.METRICS } : { kind: "port", port: Number(e.METRICS) },
    log: { level: e.LOG_LEVEL, format: e.LOG_FORMAT },
    haproxyAgentPort: e.HAPROXY_AGENT_PORT ?? null,
    adminToken: e.ADMIN_TOKEN ?? null,
    freezeRecords: e.FREEZE_RECORDS ? e.FREEZE_RECORDS === "on" : !PRODUCTION_BUILD,
    lobby: {
      reconnectGraceMs: e.RECONNECT_GRACE_MS,
      statsIntervalMs: e.STATS_INTERVAL_MS,
      countdownMs: e.COUNTDOWN_MS,
      quickMatchWaitMs: e.QUICK_MATCH_WAIT_MS,
      chatBurst: e.CHAT_BURST,
      chatRefillMs: e.CHAT_REFILL_MS,
      presenceIntervalMs: e.PRESENCE_INTERVAL_MS,
      deadlineSweepMs: e.DEADLINE_SWEEP_MS,
      nodeId: e.NODE_ID ?? `${hostname()}-${process.pid}`,
      nodeHeartbeatMs: e.NODE_HEARTBEAT_MS,
      busyQueueMs: e.BUSY_QUEUE_MS,
      identityTtlMs: e.IDENTITY_TTL_MS,
      widening: {
        initial: e.MATCH_WINDOW_INITIAL,
        perSecond: e.MATCH_WINDOW_PER_SECOND,
        cap: e.MATCH_WINDOW_CAP,
        anyoneAfterMs: e.MATCH_ANYONE_AFTER_MS,
      },
      dodgeCooldownMs: e.DODGE_COOLDOWN_MS,
    },
  };
}

function list(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}
