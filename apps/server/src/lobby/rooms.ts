import { ErrorCode, type ModeId, type RoomView, type Visibility } from "@lobby/contracts";
import { roomOf, type LobbyContext } from "./context";
import { allocateInviteCode } from "./invite-code";
import { LobbyError } from "./lobby-error";
import {
  addSpectator,
  assertBeforeStart,
  assertHost,
  beginCountdown,
  heldSeat,
  leaveGame,
  newRoom,
  rematchIfAgreed,
  removeSeatBeforeStart,
  removeSpectator,
  setReady as setSeatReady,
  startBlocker,
  updateSettings as updateRoomSettings,
} from "./match-room";
import { assertJoinable, assertWatchable, kickSeat } from "./room-access";
import { autoStart, backfill, teamsTake } from "./matchmaker";
import { withResultNote } from "./play";
import type { PlayerRecord, RoomRecord } from "./records";
import { toRoomView } from "./room-view";

/*
 * Custom rooms: create, join by code, watch, ready check, host controls, leave.
 */

export async function createRoom(
  ctx: LobbyContext,
  playerId: string,
  mode: ModeId,
  settings: { maxPlayers: number; visibility: Visibility; rated?: boolean | undefined },
): Promise<RoomView> {
  const player = await ctx.requirePlayer(playerId);
  ctx.assertFree(player);
  ctx.answerWithRoom(playerId);
  const game = ctx.game(mode);
  if (settings.maxPlayers < game.mode.minPlayers || settings.maxPlayers > game.mode.maxPlayers) {
    throw new LobbyError(
      ErrorCode.InvalidSettings,
      `${game.mode.name} rooms have ${game.mode.minPlayers}–${game.mode.maxPlayers} seats.`,
    );
  }
  const id = ctx.id();
  const code = await allocateInviteCode(ctx.store, ctx.deps.random, id);
  let room = newRoom({ id, code, kind: "custom", mode, ...settings, now: ctx.now() });
  room = await ctx.seat(room, player);
  room = await backfill(ctx, room);
  await ctx.saveRoom(room);
  return ctx.roomAnswer();
}

export async function joinByCode(ctx: LobbyContext, playerId: string, code: string): Promise<RoomView> {
  const player = await ctx.requirePlayer(playerId);
  ctx.assertFree(player);
  const room = await roomByCode(ctx, code);
  assertJoinable(room, player);
  // A quick room of a team game keeps each party on one team: a member joining their party there must fit.
  if (room.kind === "quick" && !teamsTake(ctx, room, 1, player.partyId)) {
    throw new LobbyError(ErrorCode.PartyTooLarge, "Your party would not fit on one team in that room.");
  }
  ctx.answerWithRoom(playerId);
  await ctx.saveRoom(autoStart(ctx, await ctx.seat(room, player)));
  return ctx.roomAnswer();
}

export async function watch(ctx: LobbyContext, playerId: string, code: string): Promise<RoomView> {
  const player = await ctx.requirePlayer(playerId);
  ctx.assertFree(player);
  const room = await roomByCode(ctx, code);
  assertWatchable(room, player);
  ctx.answerWithRoom(playerId);
  const next = addSpectator(room, player);
  await ctx.moveTo(player, { kind: "watching", roomId: room.id });
  await ctx.saveRoom(next);
  return ctx.roomAnswer();
}

/**
 * The room's whole state as a member sees it now, without its chat: for a
 * client holding a delta it cannot apply (the state before it never came).
 * It changes nothing; it runs as an operation so that its answer goes out
 * after the pushes of every save it shows, never ahead of them.
 */
export async function sync(ctx: LobbyContext, playerId: string, roomId: string): Promise<RoomView> {
  const { location } = await ctx.requirePlayer(playerId);
  const inRoom = (location.kind === "seated" || location.kind === "watching") && location.roomId === roomId;
  const room = inRoom ? await ctx.store.getRoom(roomId) : undefined;
  if (!room) throw new LobbyError(ErrorCode.NotInRoom, "You are not in that room.");
  const game = ctx.game(room.mode);
  const seat = heldSeat(room, playerId);
  return toRoomView(room, game, game.hidesInformation && seat >= 0 ? seat : null);
}

/** Leave the room as a player or a spectator. */
export async function leave(ctx: LobbyContext, playerId: string): Promise<null> {
  const player = await ctx.requirePlayer(playerId);
  const { location } = player;
  if (location.kind !== "seated" && location.kind !== "watching") {
    throw new LobbyError(ErrorCode.NotInRoom, "You are not in a room.");
  }
  const room = await ctx.store.getRoom(location.roomId);
  // Walking out on a rated match about to start: no quick match for a while, so dodging does not pay.
  if (location.kind === "seated" && room?.rated && room.phase === "countdown") await coolDown(ctx, player);
  await ctx.moveTo(player, { kind: "idle" });
  if (!room) return null;
  if (location.kind === "watching") {
    await ctx.saveRoom(removeSpectator(room, playerId));
  } else {
    await ctx.saveRoom(await vacate(ctx, room, player));
  }
  return null;
}

/**
 * An admin closes a room: its game (if one runs) ends unrated, everyone in
 * it is back in the lobby and told why, and the room is gone. False when
 * there is no such room.
 */
export async function closeByAdmin(ctx: LobbyContext, roomId: string, reason: string): Promise<boolean> {
  const room = await ctx.store.getRoom(roomId);
  if (!room) return false;
  const why = `An admin closed the room: ${reason}`;
  const inside = [
    ...room.seats.filter((s) => s.status !== "left").map((s) => s.playerId),
    ...room.spectators.map((s) => s.playerId),
  ];
  for (const id of inside) {
    const player = await ctx.store.getPlayer(id);
    if (player && roomOf(player.location) === roomId) await ctx.moveTo(player, { kind: "idle" });
    ctx.effects.toPlayer(id, "room:kicked", { roomId, reason: why });
  }
  // Every seat gone at once: the room is destroyed as an abandoned one, with no result to rate.
  const emptied = {
    ...room,
    phase: "waiting" as const,
    spectators: [],
    seats: room.seats.map((s) => ({ ...s, status: "left" as const })),
  };
  await ctx.saveRoom(emptied);
  return true;
}

/**
 * A seated player is gone for good (left, or disconnected outside a game):
 * before the start the seat disappears; in a game it is lost.
 */
export async function vacate(ctx: LobbyContext, room: RoomRecord, player: PlayerRecord): Promise<RoomRecord> {
  const game = ctx.game(room.mode);
  if (room.phase === "waiting" || room.phase === "countdown") {
    const next = ctx.say(removeSeatBeforeStart(room, player.id, false, game.mode.minPlayers), `${player.name} left.`);
    return backfill(ctx, announceHost(ctx, room, next));
  }
  let next = withResultNote(ctx, room, leaveGame(room, game, player.id));
  next = announceHost(ctx, room, ctx.say(next, `${player.name} left.`));
  return rematchIfAgreed(next, game, ctx.now() + ctx.deps.settings.countdownMs);
}

export async function setReady(ctx: LobbyContext, playerId: string, ready: boolean): Promise<null> {
  const { room } = await ctx.requireSeat(playerId);
  await ctx.saveRoom(autoStart(ctx, setSeatReady(room, playerId, ready)));
  return null;
}

export async function start(ctx: LobbyContext, playerId: string): Promise<null> {
  const { room } = await ctx.requireSeat(playerId);
  assertHost(room, playerId);
  if (room.phase !== "waiting") {
    throw new LobbyError(ErrorCode.NotInLobbyPhase, "The game is already starting or running.");
  }
  const blocker = startBlocker(room, ctx.game(room.mode));
  if (blocker) throw new LobbyError(blocker.code, blocker.message);
  await ctx.saveRoom(beginCountdown(room, ctx.now() + ctx.deps.settings.countdownMs));
  return null;
}

export async function updateSettings(
  ctx: LobbyContext,
  playerId: string,
  settings: { maxPlayers?: number | undefined; visibility?: Visibility | undefined },
): Promise<null> {
  const { room } = await ctx.requireSeat(playerId);
  const next = updateRoomSettings(room, ctx.game(room.mode), playerId, settings);
  await ctx.saveRoom(await backfill(ctx, next));
  return null;
}

export async function kick(ctx: LobbyContext, playerId: string, targetId: string): Promise<null> {
  const { room } = await ctx.requireSeat(playerId);
  assertBeforeStart(room);
  const target = room.seats.find((s) => s.playerId === targetId);
  const targetPlayer = await ctx.store.getPlayer(targetId);
  let next = kickSeat(room, playerId, targetId, { address: targetPlayer?.address ?? "", at: ctx.now() });
  next = ctx.say(next, `${target?.name ?? "A player"} was removed by the host.`);
  if (targetPlayer) await ctx.moveTo(targetPlayer, { kind: "idle" });
  ctx.effects.toPlayer(targetId, "room:kicked", { roomId: room.id, reason: "The host removed you from the room." });
  await ctx.saveRoom(await backfill(ctx, next));
  return null;
}

async function roomByCode(ctx: LobbyContext, code: string): Promise<RoomRecord> {
  const roomId = await ctx.store.roomIdByCode(code);
  const room = roomId ? await ctx.store.getRoom(roomId) : undefined;
  if (!room) throw new LobbyError(ErrorCode.RoomNotFound, `No room has the code ${code}.`);
  return room;
}

function announceHost(ctx: LobbyContext, before: RoomRecord, after: RoomRecord): RoomRecord {
  if (after.hostId === before.hostId || after.hostId === null) return after;
  const host = after.seats.find((s) => s.playerId === after.hostId);
  return host ? ctx.say(after, `${host.name} is now the host.`) : after;
}

/** Keep the player's identity out of quick match for `dodgeCooldownMs`. */
async function coolDown(ctx: LobbyContext, player: PlayerRecord): Promise<void> {
  const identity = player.identityId ? await ctx.store.getIdentity(player.identityId) : undefined;
  if (!identity || ctx.deps.settings.dodgeCooldownMs <= 0) return;
  const now = ctx.now();
  await ctx.store.putIdentity(
    { ...identity, cooldownUntil: now + ctx.deps.settings.dodgeCooldownMs },
    Math.max(1, identity.expiresAt - now),
  );
}
