import { z } from "zod";
import type { Ack } from "./ack";
import { ChatText } from "./chat";
import { ModeId } from "./modes";
import { PlayerId } from "./player";
import { RoomId, RoomKind, RoomPhase, SeatStatus, Visibility } from "./room";

/**
 * The operators' namespace: a snapshot of the whole lobby (every node of a
 * cluster) every few seconds, and actions on it. Served only when the
 * server has an `ADMIN_TOKEN`; the handshake carries it as `auth.token`.
 */
export const ADMIN_NAMESPACE = "/admin";

/** How often an admin connection gets a fresh snapshot. */
export const ADMIN_SNAPSHOT_MS = 2000;
/** The most rooms or players a snapshot lists (the busiest first); totals count them all. */
export const ADMIN_LIST_LIMIT = 500;
/** The latest audited actions a snapshot carries. */
export const ADMIN_AUDIT_LENGTH = 50;

export const AdminAuth = z.object({ token: z.string().min(1).max(512) });

/** One server process, as it reports itself. */
export const AdminNode = z.object({
  id: z.string(),
  /** Server time (ms) of these figures. */
  at: z.number(),
  /** Refusing new players and work (SERVER_BUSY) because it is behind. */
  busy: z.boolean(),
  /** Taking no new players, by an operator's word; its players stay. */
  draining: z.boolean(),
  connections: z.int().min(0),
  /** CPU time since the node's previous figures, as a share of one core. */
  cpu: z.number().min(0),
  rssBytes: z.number().min(0),
  heapUsedBytes: z.number().min(0),
  /** The event loop's delay (p99 since the previous figures), ms. */
  eventLoopLagMs: z.number().min(0),
  uptimeSeconds: z.number().min(0),
  /** Since the node started: rooms quick match made, and players seated from the queue with their total wait. */
  matchesMade: z.int().min(0),
  queueWaits: z.object({ count: z.int().min(0), totalMs: z.number().min(0) }),
});
export type AdminNode = z.infer<typeof AdminNode>;

export const AdminRoom = z.object({
  id: RoomId,
  code: z.string(),
  mode: ModeId,
  kind: RoomKind,
  visibility: Visibility,
  phase: RoomPhase,
  rated: z.boolean(),
  round: z.int().min(0),
  createdAt: z.number(),
  seats: z.array(z.object({ playerId: PlayerId, name: z.string(), status: SeatStatus })),
  spectators: z.int().min(0),
});
export type AdminRoom = z.infer<typeof AdminRoom>;

export const AdminPlayer = z.object({
  id: PlayerId,
  name: z.string(),
  /** The node holding their connection; null while they are away. */
  node: z.string().nullable(),
  away: z.boolean(),
  where: z.enum(["lobby", "queued", "playing", "watching"]),
  mode: ModeId.nullable(),
  roomId: RoomId.nullable(),
  connectedAt: z.number(),
});
export type AdminPlayer = z.infer<typeof AdminPlayer>;

export const AdminActionKind = z.enum(["close-room", "kick", "ban", "announce", "drain", "undrain"]);

/** One action an admin took: logged, and shown in every admin's feed. */
export const AuditEntry = z.object({
  at: z.number(),
  action: AdminActionKind,
  /** What it was taken on: a room, a player (with their name), a node; empty for an announcement. */
  target: z.string(),
  /** The admin's reason, or the announcement's text. */
  detail: z.string(),
  /** The node that carried it out. */
  node: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AdminSnapshot = z.object({
  at: z.number(),
  nodes: z.array(AdminNode),
  online: z.int().min(0),
  queues: z.record(ModeId, z.int().min(0)),
  rooms: z.array(AdminRoom).max(ADMIN_LIST_LIMIT),
  roomsTotal: z.int().min(0),
  players: z.array(AdminPlayer).max(ADMIN_LIST_LIMIT),
  playersTotal: z.int().min(0),
  /** The latest audited actions, newest first. */
  audit: z.array(AuditEntry).max(ADMIN_AUDIT_LENGTH),
});
export type AdminSnapshot = z.infer<typeof AdminSnapshot>;

const Reason = z.string().trim().min(1).max(200);
const Done = z.null();

/** Every event an admin connection may emit; each takes one payload and an ack, as on `/lobby`. */
export const adminClientEvents = {
  "admin:close-room": {
    payload: z.strictObject({ roomId: RoomId, reason: Reason }),
    result: Done,
    summary:
      "Close a room: its game ends unrated, its players and spectators are told why (`room:kicked`) and are back in the lobby.",
  },
  "admin:kick": {
    payload: z.strictObject({ playerId: PlayerId, reason: Reason }),
    result: Done,
    summary:
      "End a player's session now: out of their queue or room (a running game is forfeited), told why (`session:closed`, `kicked`) and disconnected. They may connect again as a new session.",
  },
  "admin:ban": {
    payload: z.strictObject({
      playerId: PlayerId,
      reason: Reason,
      minutes: z
        .int()
        .min(1)
        .max(7 * 24 * 60),
    }),
    result: Done,
    summary:
      "Kick a player and refuse their address and their device's identity (`BANNED` in the handshake) for `minutes`, across the cluster.",
  },
  "admin:announce": {
    payload: z.strictObject({ text: ChatText }),
    result: Done,
    summary: "Tell every connected player something (`lobby:announcement`), wherever they are.",
  },
  "admin:drain": {
    payload: z.strictObject({ nodeId: z.string().min(1).max(64), draining: z.boolean() }),
    result: Done,
    summary:
      "Drain a node (it refuses new players with `SERVER_BUSY`, tells its balancer's agent check `drain`, and says `draining` at /healthz; its players stay), or take it back.",
  },
  "admin:search-players": {
    payload: z.strictObject({ query: z.string().trim().min(1).max(64) }),
    result: z.object({ players: z.array(AdminPlayer).max(50) }),
    summary: "Players whose name contains `query` (any case), or whose id is `query`; at most 50.",
  },
} as const;

export type AdminEventName = keyof typeof adminClientEvents;
export type AdminPayload<E extends AdminEventName> = z.input<(typeof adminClientEvents)[E]["payload"]>;
export type AdminResult<E extends AdminEventName> = z.output<(typeof adminClientEvents)[E]["result"]>;

/** Event map for the admin client's socket. */
export type AdminClientToServerEvents = {
  [E in AdminEventName]: (payload: AdminPayload<E>, ack: Ack<AdminResult<E>>) => void;
};

/** What the server pushes to admin connections. */
export const adminServerEvents = {
  "admin:snapshot": {
    payload: AdminSnapshot,
    summary: "The whole lobby as of now: on connecting, then every `ADMIN_SNAPSHOT_MS` (2 s).",
  },
  "admin:audit": {
    payload: AuditEntry,
    summary: "An admin (any, on any node) took an action.",
  },
} as const;

export type AdminServerToClientEvents = {
  [E in keyof typeof adminServerEvents]: (payload: z.output<(typeof adminServerEvents)[E]["payload"]>) => void;
};
