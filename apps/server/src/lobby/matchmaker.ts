import { ErrorCode, type ModeId, type QueueStatus } from "@lobby/contracts";
import type { LobbyContext } from "./context";
import { deadlineKey } from "./deadline-key";
import { LobbyError } from "./lobby-error";
import { allocateInviteCode } from "./invite-code";
import { beginCountdown, isOpenForQuickMatch, newRoom, startBlocker, wasKicked } from "./match-room";
import type { PlayerRecord, RoomRecord } from "./records";

/*
 * Quick match. A player first takes a seat in the oldest open public room of
 * the mode; failing that they queue, and a new room is made as soon as
 * `quickMatchPlayers` wait — or, for modes that allow fewer, once
 * `minPlayers` have waited `quickMatchWaitMs`.
 *
 * The requester learns their own queue state from the answer to their
 * request; `queue:status` is pushed only to players whose state changed
 * because of someone else (matched by a later arrival, or a wait ending).
 */

export async function joinQueue(ctx: LobbyContext, playerId: string, mode: ModeId): Promise<QueueStatus> {
  const player = await ctx.requirePlayer(playerId);
  ctx.assertFree(player);
  ctx.game(mode);

  const room = await oldestOpenRoom(ctx, mode, player);
  if (room) {
    await ctx.saveRoom(autoStart(ctx, await ctx.seat(room, player)));
    return { state: "matched", mode, roomId: room.id };
  }

  const joinedAt = ctx.now();
  await ctx.store.enqueue(mode, { playerId, joinedAt });
  await ctx.moveTo(player, { kind: "queued", mode, joinedAt });
  const roomId = (await matchWaitingPlayers(ctx, mode, playerId)).get(playerId);
  return roomId ? { state: "matched", mode, roomId } : { state: "queued", mode, joinedAt };
}

export async function leaveQueue(ctx: LobbyContext, playerId: string): Promise<QueueStatus> {
  const player = await ctx.requirePlayer(playerId);
  if (player.location.kind !== "queued") {
    throw new LobbyError(ErrorCode.NotQueued, "You are not waiting for a match.");
  }
  await ctx.store.dequeue(player.location.mode, playerId);
  await ctx.moveTo(player, { kind: "idle" });
  return { state: "idle" };
}

/**
 * Make rooms for as many complete groups as wait; returns who was seated
 * where. `requester` (whose request this is) is answered by the caller.
 */
export async function matchWaitingPlayers(
  ctx: LobbyContext,
  mode: ModeId,
  requester: string | null = null,
): Promise<Map<string, string>> {
  const { store } = ctx;
  const { settings } = ctx.deps;
  const { minPlayers, maxPlayers, quickMatchPlayers } = ctx.game(mode).mode;
  const seated = new Map<string, string>();
  // When enough players wait for a smaller room, but not yet long enough.
  let waitUntil: number | null = null;
  for (;;) {
    let group = await store.takeGroup(mode, quickMatchPlayers, maxPlayers);
    if (group.length === 0 && minPlayers < quickMatchPlayers) {
      const oldest = await store.peekQueue(mode);
      if (!oldest) break;
      const dueAt = oldest.joinedAt + settings.quickMatchWaitMs;
      if (ctx.now() >= dueAt) group = await store.takeGroup(mode, minPlayers, maxPlayers);
      if (group.length === 0) {
        if ((await store.queueLength(mode)) >= minPlayers) waitUntil = dueAt;
        break;
      }
    }
    if (group.length === 0) break;

    const players: PlayerRecord[] = [];
    for (const entry of group) {
      const player = await store.getPlayer(entry.playerId);
      if (player) players.push(player);
    }
    if (players.length === 0) continue;
    let room = await createQuickRoom(ctx, mode);
    for (const player of players) {
      room = await ctx.seat(room, player, false);
      seated.set(player.id, room.id);
      if (player.id !== requester) {
        ctx.effects.toPlayer(player.id, "queue:status", { state: "matched", mode, roomId: room.id });
      }
    }
    room = ctx.say(room, `Match found: ${players.map((p) => p.name).join(", ")}.`);
    await ctx.saveRoom(autoStart(ctx, room));
  }
  if (minPlayers < quickMatchPlayers) ctx.deadline(deadlineKey.queue(mode), waitUntil);
  return seated;
}

/** Seat waiting players in a room that has become open (new, or a seat freed). */
export async function backfill(ctx: LobbyContext, room: RoomRecord): Promise<RoomRecord> {
  let next = room;
  while (isOpenForQuickMatch(next)) {
    const oldest = await ctx.store.peekQueue(next.mode);
    if (!oldest) break;
    const player = await ctx.store.getPlayer(oldest.playerId);
    // Never seat someone the host removed; they keep their place in the queue.
    if (player && wasKicked(next, player)) break;
    await ctx.store.takeGroup(next.mode, 1, 1);
    if (!player) continue;
    next = await ctx.seat(next, player);
    ctx.effects.toPlayer(player.id, "queue:status", { state: "matched", mode: next.mode, roomId: next.id });
  }
  return autoStart(ctx, next);
}

/** Quick rooms count down by themselves once they have enough ready players. */
export function autoStart(ctx: LobbyContext, room: RoomRecord): RoomRecord {
  if (room.kind !== "quick" || room.phase !== "waiting") return room;
  if (startBlocker(room, ctx.game(room.mode))) return room;
  return beginCountdown(room, ctx.now() + ctx.deps.settings.countdownMs);
}

async function oldestOpenRoom(ctx: LobbyContext, mode: ModeId, player: PlayerRecord): Promise<RoomRecord | undefined> {
  for (const roomId of await ctx.store.openRoomIds(mode)) {
    const room = await ctx.store.getRoom(roomId);
    if (room && isOpenForQuickMatch(room) && !wasKicked(room, player)) return room;
  }
  return undefined;
}

async function createQuickRoom(ctx: LobbyContext, mode: ModeId): Promise<RoomRecord> {
  const id = ctx.id();
  const code = await allocateInviteCode(ctx.store, ctx.deps.random, id);
  const maxPlayers = ctx.game(mode).mode.maxPlayers;
  return newRoom({ id, code, kind: "quick", mode, visibility: "public", maxPlayers, now: ctx.now() });
}
