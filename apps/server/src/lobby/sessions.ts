import { ErrorCode, type LobbyStats, type RejoinOffer } from "@lobby/contracts";
import type { LobbyContext } from "./context";
import { deadlineKey } from "./deadline-key";
import { channels } from "./channels";
import { forfeitIfStillAway, heldSeat, markDisconnected, markReconnected, removeSpectator } from "./match-room";
import { claimedIdentity, connectIdentity, generationHolds, type IdentityClaim } from "./identities";
import { LobbyError } from "./lobby-error";
import { leaveQueue, searchOf } from "./matchmaker";
import { partyOf, removeMember, resyncParty } from "./parties";
import { withResultNote } from "./play";
import type { PlayerRecord } from "./records";
import { toRoomView } from "./room-view";
import { leave, vacate } from "./rooms";

/*
 * Sessions outlive connections. A dropped connection leaves the player
 * "away" for the reconnect grace period with their queue place, seat or
 * watch kept; coming back with the session token resumes everything, and
 * the grace period running out ends the session by each place's rule. A
 * session that holds none of those ends with its connection: there is
 * nothing to keep, and idle sessions kept for every dropped connection
 * would let one address pile them up.
 */

/** What a new connection is told about its session, as of its arrival. */
export interface Greeting {
  resumed: boolean;
  stats: LobbyStats;
  /** The session's name: a resumed session keeps the one it started with. */
  name: string;
  /** The generation its new token is for. */
  tokenGeneration: number;
  /** The device identity, at the generation its new token is for. */
  identity: IdentityClaim;
  /** What another session of the identity left behind while away (new sessions only). */
  rejoin: RejoinOffer | null;
}

/** Tells the new connection who it is. */
export type Greet = (greeting: Greeting) => void;

export interface Arrival {
  id: string;
  name: string;
  connectionId: string;
  /** The client address's key; kept on the session for kicks by address. */
  address?: string;
  /**
   * The token generation the connection presented to resume the session;
   * absent for a new session (and for callers inside the process, which are trusted).
   */
  claim?: number | null;
  /** The device identity the connection presented, if any (a new one is made otherwise). */
  identity?: IdentityClaim | null;
}

/**
 * Whether a token of `generation` still resumes this session: it is the
 * session's current one, or the one before (the connection that moved the
 * session on may have dropped before its client heard the new token).
 */
export function claimHolds(player: PlayerRecord, generation: number): boolean {
  return generationHolds(player.tokenGeneration, generation);
}

/**
 * A connection was accepted for `arrival.id`: start a session, or resume
 * the one that is still kept. `greet` runs before any state is pushed, so
 * the client learns who it is first.
 */
export async function arrive(ctx: LobbyContext, arrival: Arrival, greet: Greet): Promise<boolean> {
  const existing = await ctx.store.getPlayer(arrival.id);
  if (!existing) {
    const claimed = await claimedIdentity(ctx.store, ctx.now(), arrival.identity);
    const player: PlayerRecord = {
      id: arrival.id,
      name: arrival.name,
      connectedAt: ctx.now(),
      location: { kind: "idle" },
      connectionId: arrival.connectionId,
      node: ctx.deps.settings.nodeId,
      awayUntil: null,
      tokenGeneration: 1,
      address: arrival.address ?? "",
      identityId: claimed?.id ?? ctx.id(16),
    };
    await ctx.savePlayer(player);
    const { identity, rejoin } = await connectIdentity(ctx, claimed, player);
    ctx.effects.join(player.id, channels.lobby);
    const stats = await ctx.presence();
    ctx.afterCommit(() =>
      greet({
        resumed: false,
        stats,
        name: player.name,
        tokenGeneration: player.tokenGeneration,
        identity: { id: identity.id, generation: identity.generation },
        rejoin,
      }),
    );
    await sendLobbyHistory(ctx, player.id);
    return false;
  }
  // Another connection moved the session on between this one's handshake and now.
  if (arrival.claim != null && !claimHolds(existing, arrival.claim)) {
    throw new LobbyError(ErrorCode.InvalidToken, "That session has moved on; connect again without its token.");
  }

  // The session keeps its identity while that stands; one revoked or expired meanwhile is replaced.
  const kept = existing.identityId ? await ctx.store.getIdentity(existing.identityId) : undefined;
  const standing = kept && kept.expiresAt > ctx.now() ? kept : undefined;
  const player: PlayerRecord = {
    ...existing,
    connectionId: arrival.connectionId,
    node: ctx.deps.settings.nodeId,
    awayUntil: null,
    tokenGeneration: existing.tokenGeneration + 1,
    address: arrival.address ?? existing.address,
    identityId: standing?.id ?? ctx.id(16),
  };
  await ctx.savePlayer(player);
  const { identity } = await connectIdentity(ctx, standing, player);
  const stats = await ctx.presence();
  ctx.afterCommit(() =>
    greet({
      resumed: true,
      stats,
      name: player.name,
      tokenGeneration: player.tokenGeneration,
      identity: { id: identity.id, generation: identity.generation },
      rejoin: null,
    }),
  );
  await resync(ctx, player);
  return true;
}

/** Push everything a resumed client needs: its party, where it is, and that place's full state. */
async function resync(ctx: LobbyContext, player: PlayerRecord): Promise<void> {
  await resyncParty(ctx, player);
  const { location } = player;
  if (location.kind === "idle" || location.kind === "queued") {
    ctx.effects.join(player.id, channels.lobby);
    ctx.effects.toPlayer(
      player.id,
      "queue:status",
      location.kind === "queued"
        ? { state: "queued", mode: location.mode, joinedAt: location.joinedAt, search: searchOf(ctx, location.rating) }
        : { state: "idle" },
    );
    await sendLobbyHistory(ctx, player.id);
    return;
  }
  const room = await ctx.store.getRoom(location.roomId);
  if (!room) {
    await ctx.moveTo(player, { kind: "idle" });
    ctx.effects.toPlayer(player.id, "queue:status", { state: "idle" });
    return;
  }
  ctx.effects.join(player.id, channels.room(room.id));
  ctx.effects.leave(player.id, channels.lobby);
  if (location.kind === "seated") {
    ctx.effects.toPlayer(player.id, "queue:status", { state: "matched", mode: room.mode, roomId: room.id });
  }
  ctx.sendHistory(player.id, room);
  if (location.kind === "seated" && room.seats.some((s) => s.playerId === player.id && s.status === "disconnected")) {
    await ctx.saveRoom(ctx.say(markReconnected(room, player.id), `${player.name} is back.`));
  } else {
    const seat = heldSeat(room, player.id);
    ctx.effects.toPlayer(player.id, "room:state", toRoomView(room, ctx.game(room.mode), seat < 0 ? null : seat));
  }
}

/**
 * The connection `connectionId` closed: the player is away, or — holding
 * nothing — their session ends now. Ignored if another connection already
 * took the session over. Resolves true when the session ended.
 */
export async function depart(ctx: LobbyContext, playerId: string, connectionId: string): Promise<boolean> {
  const player = await ctx.store.getPlayer(playerId);
  if (player?.connectionId !== connectionId) return false;
  return goAway(ctx, player);
}

/**
 * Process `node` died holding this player's connection: as if it had
 * dropped. Ignored if they already came back elsewhere. Resolves true when
 * the session ended.
 */
export async function nodeLost(ctx: LobbyContext, playerId: string, node: string): Promise<boolean> {
  const player = await ctx.store.getPlayer(playerId);
  if (player?.node !== node || player.connectionId === null) return false;
  return goAway(ctx, player);
}

/**
 * This process was taken for dead (it stalled) while it still held the
 * player's connection. If the session is still kept for them, the
 * connection speaks for it again; otherwise — the session ended, or the
 * player came back through another node — the stale connection is closed,
 * and the client reconnects to whatever the server now holds for it.
 */
export async function reclaim(ctx: LobbyContext, playerId: string, connectionId: string): Promise<void> {
  const player = await ctx.store.getPlayer(playerId);
  if (player?.connectionId === connectionId) return;
  if (!player || player.connectionId !== null) {
    ctx.effects.drop(connectionId);
    return;
  }
  await ctx.savePlayer({ ...player, connectionId, node: ctx.deps.settings.nodeId, awayUntil: null });
  if (player.location.kind !== "seated") return;
  const room = await ctx.store.getRoom(player.location.roomId);
  if (room?.seats.some((s) => s.playerId === playerId && s.status === "disconnected")) {
    await ctx.saveRoom(ctx.say(markReconnected(room, playerId), `${player.name} is back.`));
  }
}

/**
 * The player's connection is gone: away with what they hold (a party
 * counts: a reload must not drop them from it), or, holding nothing, the
 * session ends (true).
 */
async function goAway(ctx: LobbyContext, player: PlayerRecord): Promise<boolean> {
  if (player.location.kind === "idle" && !player.partyId) {
    await ctx.store.deletePlayer(player.id);
    return true;
  }
  const awayUntil = ctx.now() + ctx.deps.settings.reconnectGraceMs;
  await ctx.savePlayer({ ...player, connectionId: null, node: null, awayUntil });
  if (player.location.kind !== "seated") return false;
  const room = await ctx.store.getRoom(player.location.roomId);
  if (!room) return false;
  await ctx.saveRoom(ctx.say(markDisconnected(room, player.id, awayUntil), `${player.name} lost connection.`));
  return false;
}

/**
 * An admin ends a session now, connected or not: out of its party, its
 * queue and its room (a running game is forfeited, as by leaving), then
 * gone; its connections are told why and closed. False when there is no
 * such session.
 */
export async function endNow(
  ctx: LobbyContext,
  playerId: string,
  how: { reason: "kicked" | "banned"; message: string },
): Promise<boolean> {
  const player = await ctx.store.getPlayer(playerId);
  if (!player) return false;
  const party = await partyOf(ctx, player);
  if (party) await removeMember(ctx, party, player, "expired");
  const { location } = (await ctx.store.getPlayer(playerId)) ?? player;
  if (location.kind === "queued") await leaveQueue(ctx, playerId);
  else if (location.kind === "seated" || location.kind === "watching") await leave(ctx, playerId);
  await ctx.store.deletePlayer(playerId);
  ctx.deadline(deadlineKey.player(playerId), null);
  ctx.effects.closeSession(playerId, how.reason, how.message);
  return true;
}

/** The grace period ran out: end the session. Returns false if the player came back in time. */
export async function expire(ctx: LobbyContext, playerId: string): Promise<boolean> {
  const player = await ctx.store.getPlayer(playerId);
  if (!player) {
    // Nothing left to end: make sure no deadline outlives the record (a sweep would fire it forever).
    ctx.deadline(deadlineKey.player(playerId), null);
    return false;
  }
  if (player.awayUntil === null) return false;
  if (player.awayUntil > ctx.now()) {
    // Fired early (see LobbyContext.reconcileTimers): wait for the real due time.
    ctx.deadline(deadlineKey.player(playerId), player.awayUntil);
    return false;
  }
  // Out of the party first: a searching party stops searching, and every member is told.
  const party = await partyOf(ctx, player);
  if (party) await removeMember(ctx, party, player, "expired");
  const { location } = (await ctx.store.getPlayer(playerId)) ?? player;
  if (location.kind === "queued") {
    await ctx.store.dequeue(location.mode, playerId);
  } else if (location.kind === "watching" || location.kind === "seated") {
    const room = await ctx.store.getRoom(location.roomId);
    if (room && location.kind === "watching") {
      await ctx.saveRoom(removeSpectator(room, playerId));
    } else if (room && (room.phase === "waiting" || room.phase === "countdown")) {
      await ctx.saveRoom(await vacate(ctx, room, player));
    } else if (room) {
      const next = forfeitIfStillAway(room, ctx.game(room.mode), playerId);
      await ctx.saveRoom(withResultNote(ctx, room, ctx.say(next, `${player.name} did not come back in time.`)));
    }
  }
  await ctx.store.deletePlayer(playerId);
  ctx.deadline(deadlineKey.player(playerId), null);
  return true;
}

async function sendLobbyHistory(ctx: LobbyContext, playerId: string): Promise<void> {
  const messages = await ctx.deps.store.lobbyChat();
  // A client starts with no lobby chat, so an empty history says nothing.
  if (messages.length === 0) return;
  ctx.effects.toPlayer(playerId, "chat:history", { scope: "lobby", roomId: null, messages });
}
