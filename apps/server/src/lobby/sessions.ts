import type { LobbyStats } from "@lobby/contracts";
import { playerKey, type LobbyContext } from "./context";
import { channels } from "./channels";
import {
  forfeitIfStillAway,
  markDisconnected,
  markReconnected,
  removeSpectator,
} from "./match-room";
import { withResultNote } from "./play";
import type { PlayerRecord } from "./records";
import { toRoomView } from "./room-view";
import { vacate } from "./rooms";

/*
 * Sessions outlive connections. A dropped connection leaves the player
 * "away" for the reconnect grace period with their queue place and seat
 * kept; coming back with the session token resumes everything, and the
 * grace period running out ends the session by each place's rule.
 */

/** Tells the new connection who it is, with the lobby's figures as of its arrival. */
export type Greet = (resumed: boolean, stats: LobbyStats) => void;

export interface Arrival {
  id: string;
  name: string;
  connectionId: string;
}

/**
 * A connection was accepted for `arrival.id`: start a session, or resume
 * the one that is still kept. `greet` runs before any state is pushed, so
 * the client learns who it is first.
 */
export async function arrive(ctx: LobbyContext, arrival: Arrival, greet: Greet): Promise<boolean> {
  const existing = await ctx.store.getPlayer(arrival.id);
  if (!existing) {
    const player: PlayerRecord = {
      id: arrival.id,
      name: arrival.name,
      connectedAt: ctx.now(),
      location: { kind: "idle" },
      connectionId: arrival.connectionId,
      node: ctx.deps.settings.nodeId,
      awayUntil: null,
    };
    await ctx.savePlayer(player);
    ctx.effects.join(player.id, channels.lobby);
    const stats = await ctx.presence();
    ctx.afterCommit(() => greet(false, stats));
    await sendLobbyHistory(ctx, player.id);
    return false;
  }

  const player: PlayerRecord = {
    ...existing,
    connectionId: arrival.connectionId,
    node: ctx.deps.settings.nodeId,
    awayUntil: null,
  };
  await ctx.savePlayer(player);
  const stats = await ctx.presence();
  ctx.afterCommit(() => greet(true, stats));
  await resync(ctx, player);
  return true;
}

/** Push everything a resumed client needs: where it is, and that place's full state. */
async function resync(ctx: LobbyContext, player: PlayerRecord): Promise<void> {
  const { location } = player;
  if (location.kind === "idle" || location.kind === "queued") {
    ctx.effects.join(player.id, channels.lobby);
    ctx.effects.toPlayer(
      player.id,
      "queue:status",
      location.kind === "queued" ? { state: "queued", mode: location.mode, joinedAt: location.joinedAt } : { state: "idle" },
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
    const seat = room.seats.findIndex((s) => s.playerId === player.id);
    ctx.effects.toPlayer(player.id, "room:state", toRoomView(room, ctx.game(room.mode), seat < 0 ? null : seat));
  }
}

/** The connection `connectionId` closed. Ignored if another connection already took the session over. */
export async function depart(ctx: LobbyContext, playerId: string, connectionId: string): Promise<void> {
  const player = await ctx.store.getPlayer(playerId);
  if (player?.connectionId !== connectionId) return;
  await goAway(ctx, player);
}

/**
 * Process `node` died holding this player's connection: the player is away
 * as if it had dropped. Ignored if they already came back elsewhere.
 */
export async function nodeLost(ctx: LobbyContext, playerId: string, node: string): Promise<void> {
  const player = await ctx.store.getPlayer(playerId);
  if (player?.node !== node || player.connectionId === null) return;
  await goAway(ctx, player);
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

async function goAway(ctx: LobbyContext, player: PlayerRecord): Promise<void> {
  const awayUntil = ctx.now() + ctx.deps.settings.reconnectGraceMs;
  await ctx.savePlayer({ ...player, connectionId: null, node: null, awayUntil });
  if (player.location.kind !== "seated") return;
  const room = await ctx.store.getRoom(player.location.roomId);
  if (!room) return;
  await ctx.saveRoom(ctx.say(markDisconnected(room, player.id, awayUntil), `${player.name} lost connection.`));
}

/** The grace period ran out: end the session. Returns false if the player came back in time. */
export async function expire(ctx: LobbyContext, playerId: string): Promise<boolean> {
  const player = await ctx.store.getPlayer(playerId);
  if (!player || player.awayUntil === null) return false;
  if (player.awayUntil > ctx.now()) {
    // Fired early (see LobbyContext.reconcileTimers): wait for the real due time.
    ctx.deadline(playerKey(playerId), player.awayUntil);
    return false;
  }
  const { location } = player;
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
  ctx.deadline(playerKey(playerId), null);
  return true;
}

async function sendLobbyHistory(ctx: LobbyContext, playerId: string): Promise<void> {
  const messages = await ctx.deps.store.lobbyChat();
  // A client starts with no lobby chat, so an empty history says nothing.
  if (messages.length === 0) return;
  ctx.effects.toPlayer(playerId, "chat:history", { scope: "lobby", roomId: null, messages });
}
