import { createHash, timingSafeEqual } from "node:crypto";
import {
  ADMIN_AUDIT_LENGTH,
  ADMIN_NAMESPACE,
  ADMIN_SNAPSHOT_MS,
  AdminAuth,
  ErrorCode,
  adminClientEvents,
  fail,
  ok,
  type AckResult,
  type AdminClientToServerEvents,
  type AdminEventName,
  type AdminNode,
  type AdminResult,
  type AdminServerToClientEvents,
  type AdminSnapshot,
  type AuditEntry,
} from "@lobby/contracts";
import type { ExtendedError, Namespace, Server, Socket } from "socket.io";
import type { z } from "zod";
import type { Cancel, Clock } from "../core/clock";
import type { Logger } from "../core/logger";
import type { Lobby } from "../lobby/lobby";
import { LobbyError } from "../lobby/lobby-error";
import type { LobbyStore } from "../lobby/store";
import type { Metrics } from "../metrics/metrics";
import { banKey, type Bans } from "../transport/bans";
import type { RefusalLog } from "../transport/refusal-log";
import { lobbyView, searchPlayers } from "./lobby-view";
import type { NodeFigures } from "./node-figures";

/** What the nodes of a cluster ask each other on the admin namespace. */
interface AdminServerSideEvents {
  "admin:node-info": (reply: (node: AdminNode) => void) => void;
  "admin:drain": (nodeId: string, draining: boolean) => void;
  "admin:audit-record": (entry: AuditEntry) => void;
}

type AdminNamespace = Namespace<AdminClientToServerEvents, AdminServerToClientEvents, AdminServerSideEvents>;
type AdminSocket = Socket<AdminClientToServerEvents, AdminServerToClientEvents, AdminServerSideEvents>;

export interface AdminDeps {
  io: Server;
  /** `ADMIN_TOKEN`. */
  token: string;
  lobby: Lobby;
  store: LobbyStore;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  refusals: RefusalLog;
  bans: Bans;
  figures: NodeFigures;
  nodeId: string;
  /** Whether other nodes share this one's adapter (a cluster): they are asked for their figures. */
  clustered: boolean;
  /** The keyed hash of the address a handshake comes from. */
  addressKeyOf(socket: Socket): string;
  setDraining(draining: boolean): void;
  /** Tell every connected player something. */
  announce(text: string): void;
}

/** Wrong tokens one address may try a minute before it is refused without a comparison. */
const TOKEN_MISSES_PER_MINUTE = 5;
/** Addresses whose misses are remembered at once; past it the oldest are forgotten. */
const MAX_ADDRESSES = 10_000;
/** How long a snapshot waits for the other nodes' figures. */
const NODE_INFO_TIMEOUT_MS = 1500;

/**
 * The `/admin` namespace: operators see the whole lobby and act on it. Its
 * handshake takes `ADMIN_TOKEN` (compared in constant time; an address that
 * keeps trying wrong ones is refused for a while without a comparison). Each
 * admin connection gets a snapshot at once and every `ADMIN_SNAPSHOT_MS`;
 * its node asks the others for their figures over the adapter. Every action
 * is audited: a log line, and an `admin:audit` event to every admin
 * connection of the cluster.
 */
export function adminNamespace(deps: AdminDeps): { close(): void } {
  const nsp = deps.io.of(ADMIN_NAMESPACE) as unknown as AdminNamespace;
  const misses = new Map<string, { count: number; since: number }>();
  const feed: AuditEntry[] = [];
  const expected = digest(deps.token);

  nsp.use((socket, next: (err?: ExtendedError) => void) => {
    const key = deps.addressKeyOf(socket);
    const now = deps.clock.now();
    const missed = misses.get(key);
    const recent = missed && now - missed.since < 60_000 ? missed : undefined;
    const parsed = AdminAuth.safeParse(socket.handshake.auth);
    const accepted =
      (recent?.count ?? 0) < TOKEN_MISSES_PER_MINUTE &&
      parsed.success &&
      timingSafeEqual(digest(parsed.data.token), expected);
    if (accepted) return next();
    misses.delete(key);
    misses.set(key, { count: (recent?.count ?? 0) + 1, since: recent?.since ?? now });
    const oldest = misses.keys().next();
    if (misses.size > MAX_ADDRESSES && !oldest.done) misses.delete(oldest.value);
    deps.refusals.note("ADMIN_UNAUTHORIZED", key);
    deps.metrics.handshakeRefused("ADMIN_UNAUTHORIZED");
    const err: ExtendedError = new Error("That admin token was not accepted.");
    err.data = { code: ErrorCode.Unauthorized, message: err.message };
    next(err);
  });

  const remember = (entry: AuditEntry) => {
    feed.unshift(entry);
    feed.length = Math.min(feed.length, ADMIN_AUDIT_LENGTH);
  };
  const audit = (entry: Omit<AuditEntry, "at" | "node">) => {
    const full: AuditEntry = { ...entry, at: deps.clock.now(), node: deps.nodeId };
    deps.logger.warn("admin action", { ...full });
    remember(full);
    if (deps.clustered) nsp.serverSideEmit("admin:audit-record", full);
    nsp.emit("admin:audit", full);
  };

  nsp.on("admin:node-info", (reply) => reply(deps.figures.report()));
  nsp.on("admin:drain", (nodeId, draining) => {
    if (nodeId === deps.nodeId) deps.setDraining(draining);
  });
  nsp.on("admin:audit-record", remember);

  const nodes = (): Promise<AdminNode[]> => {
    const own = deps.figures.report();
    if (!deps.clustered) return Promise.resolve([own]);
    const sorted = (all: AdminNode[]) => all.sort((a, b) => a.id.localeCompare(b.id));
    return new Promise((resolve) => {
      // The adapter answers with every node's figures, or with those that came once its own timeout (5 s)
      // passes (a node just died); a snapshot does not wait that long for them.
      const giveUp = deps.clock.setTimeout(() => resolve([own]), NODE_INFO_TIMEOUT_MS);
      nsp.serverSideEmit("admin:node-info", (_error: Error | null, others: AdminNode[]) => {
        giveUp();
        resolve(sorted([own, ...(others ?? [])]));
      });
    });
  };
  const snapshot = async (): Promise<AdminSnapshot> => {
    const [view, all] = await Promise.all([lobbyView(deps.store), nodes()]);
    return { at: deps.clock.now(), nodes: all, ...view, audit: [...feed] };
  };

  // A snapshot for this node's admins every few seconds, while there are any.
  let pending: Cancel | null = null;
  let closed = false;
  const tick = () => {
    pending = null;
    if (closed || nsp.sockets.size === 0) return;
    snapshot()
      .then((snap) => nsp.local.emit("admin:snapshot", snap))
      .catch((error: unknown) => deps.logger.error("admin snapshot failed", { error: String(error) }))
      .finally(() => {
        if (!closed && !pending) pending = deps.clock.setTimeout(tick, ADMIN_SNAPSHOT_MS);
      });
  };

  nsp.on("connection", (socket: AdminSocket) => {
    snapshot()
      .then((snap) => socket.emit("admin:snapshot", snap))
      .catch((error: unknown) => deps.logger.error("admin snapshot failed", { error: String(error) }));
    if (!pending) pending = deps.clock.setTimeout(tick, ADMIN_SNAPSHOT_MS);
    registerActions(socket, deps, audit);
  });

  return {
    close() {
      closed = true;
      pending?.();
      pending = null;
    },
  };
}

function registerActions(
  socket: AdminSocket,
  deps: AdminDeps,
  audit: (entry: Omit<AuditEntry, "at" | "node">) => void,
): void {
  const on = <E extends AdminEventName>(event: E, run: (payload: ParsedAdmin<E>) => Promise<AdminResult<E>>) => {
    (socket as unknown as { on(event: string, fn: (...args: unknown[]) => void): void }).on(event, (...args) => {
      const ack = args[args.length - 1];
      if (typeof ack !== "function") return;
      const reply = ack as (result: AckResult<unknown>) => void;
      const parsed = adminClientEvents[event].payload.safeParse(args[0]);
      if (args.length !== 2 || !parsed.success) {
        reply(fail(ErrorCode.InvalidPayload, `Invalid ${event} payload.`));
        return;
      }
      // A handler that throws at once is refused like one whose promise rejects.
      Promise.resolve(parsed.data as ParsedAdmin<E>)
        .then(run)
        .then(
          (data) => reply(ok(data)),
          (error: unknown) => {
            if (error instanceof LobbyError) return reply(fail(error.code, error.message));
            deps.logger.error("admin action failed", { event, error: String(error) });
            reply(fail(ErrorCode.Internal, "Something went wrong on the server."));
          },
        );
    });
  };

  on("admin:close-room", async ({ roomId, reason }) => {
    const room = await deps.store.getRoom(roomId);
    if (!room || !(await deps.lobby.closeRoom(roomId, reason))) {
      throw new LobbyError(ErrorCode.RoomNotFound, "That room no longer exists.");
    }
    audit({ action: "close-room", target: `${room.code} (${roomId})`, detail: reason });
    return null;
  });
  on("admin:kick", async ({ playerId, reason }) => {
    const player = await deps.store.getPlayer(playerId);
    const ended =
      player &&
      (await deps.lobby.endSession(playerId, { reason: "kicked", message: `An admin removed you: ${reason}` }));
    if (!player || !ended) throw new LobbyError(ErrorCode.PlayerNotFound, "That player is not in the lobby.");
    audit({ action: "kick", target: `${player.name} (${playerId})`, detail: reason });
    return null;
  });
  on("admin:ban", async ({ playerId, reason, minutes }) => {
    const player = await deps.store.getPlayer(playerId);
    if (!player) throw new LobbyError(ErrorCode.PlayerNotFound, "That player is not in the lobby.");
    const keys = [
      ...(player.address ? [banKey.address(player.address)] : []),
      ...(player.identityId ? [banKey.identity(player.identityId)] : []),
    ];
    await deps.bans.ban(keys, minutes * 60_000);
    const message = `An admin banned you for ${minutes} minute${minutes === 1 ? "" : "s"}: ${reason}`;
    await deps.lobby.endSession(playerId, { reason: "banned", message });
    audit({ action: "ban", target: `${player.name} (${playerId})`, detail: `${minutes} min: ${reason}` });
    return null;
  });
  on("admin:announce", ({ text }) => {
    deps.announce(text);
    audit({ action: "announce", target: "", detail: text });
    return Promise.resolve(null);
  });
  on("admin:drain", ({ nodeId, draining }) => {
    if (nodeId === deps.nodeId) deps.setDraining(draining);
    else if (deps.clustered) {
      (deps.io.of(ADMIN_NAMESPACE) as unknown as AdminNamespace).serverSideEmit("admin:drain", nodeId, draining);
    } else throw new LobbyError(ErrorCode.InvalidPayload, `There is no node ${nodeId}.`);
    audit({ action: draining ? "drain" : "undrain", target: nodeId, detail: "" });
    return Promise.resolve(null);
  });
  on("admin:search-players", async ({ query }) => ({ players: await searchPlayers(deps.store, query) }));
}

type ParsedAdmin<E extends AdminEventName> = z.output<(typeof adminClientEvents)[E]["payload"]>;

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}
