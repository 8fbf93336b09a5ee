import { ErrorCode, type ModeId, type PublicRating, type QueueStatus, type Search } from "@lobby/contracts";
import type { LobbyContext } from "./context";
import { deadlineKey } from "./deadline-key";
import { LobbyError } from "./lobby-error";
import { allocateInviteCode } from "./invite-code";
import { beginCountdown, isOpenForQuickMatch, newRoom, startBlocker, wasKicked } from "./match-room";
import { publicRatingOf, STARTING_VALUE } from "./ratings";
import type { PlayerRecord, RoomRecord } from "./records";
import { nextWidening, pickGroup, windowOf } from "./skill-window";

/*
 * Quick match, by skill. A player first takes a seat in the oldest open
 * public room of the mode whose players' ratings are close enough to theirs
 * (the room's window widens with its age, see `fitsRoom`); failing that they
 * queue with their rating, and a new room is made as soon as a group of
 * `quickMatchPlayers` fits each member's window (`pickGroup`) — or, for
 * modes that allow fewer, once `minPlayers` that fit have waited
 * `quickMatchWaitMs`. While players wait unmatched, the queue's deadline
 * looks again as their windows widen.
 *
 * The requester learns their own queue state from the answer to their
 * request; `queue:status` is pushed only to players whose state changed
 * because of someone else (matched by a later arrival, or a wait ending).
 */

export async function joinQueue(ctx: LobbyContext, playerId: string, mode: ModeId): Promise<QueueStatus> {
  const player = await ctx.requirePlayer(playerId);
  ctx.assertFree(player);
  ctx.game(mode);
  const identity = player.identityId ? await ctx.store.getIdentity(player.identityId) : undefined;
  const cooldown = (identity?.cooldownUntil ?? 0) - ctx.now();
  if (cooldown > 0) {
    throw new LobbyError(
      ErrorCode.QueueCooldown,
      `You left a rated match during its countdown — you can quick match again in ${Math.ceil(cooldown / 1000)} s.`,
    );
  }
  const shown = (await publicRatingOf(ctx.store, player.identityId, mode)) ?? undefined;
  const rating = shown?.value ?? STARTING_VALUE;

  const room = await openRoomFor(ctx, mode, player, rating);
  if (room) {
    await ctx.saveRoom(autoStart(ctx, await ctx.seat(room, player)));
    return { state: "matched", mode, roomId: room.id };
  }

  const joinedAt = ctx.now();
  await ctx.store.enqueue(mode, { playerId, joinedAt, rating });
  await ctx.moveTo(player, { kind: "queued", mode, joinedAt, ...(shown ? { rating: shown } : {}) });
  const roomId = (await matchWaitingPlayers(ctx, mode, playerId)).get(playerId);
  return roomId
    ? { state: "matched", mode, roomId }
    : { state: "queued", mode, joinedAt, search: searchOf(ctx, shown) };
}

/** What a queued player's search looks for, for their queue panel. */
export function searchOf(ctx: LobbyContext, rating: PublicRating | undefined): Search {
  return {
    rating: rating?.value ?? STARTING_VALUE,
    provisional: rating?.provisional ?? true,
    widening: ctx.deps.settings.widening,
  };
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
 * Make rooms for as many groups as fit among those who wait; returns who
 * was seated where. `requester` (whose request this is) is answered by the
 * caller.
 */
export async function matchWaitingPlayers(
  ctx: LobbyContext,
  mode: ModeId,
  requester: string | null = null,
): Promise<Map<string, string>> {
  const { store } = ctx;
  const { settings } = ctx.deps;
  const { minPlayers, quickMatchPlayers } = ctx.game(mode).mode;
  const now = ctx.now();
  const seated = new Map<string, string>();
  let waiting = await store.listQueue(mode);
  for (;;) {
    let group = pickGroup(waiting, quickMatchPlayers, now, settings.widening);
    // A smaller room, once its longest-waiting player has waited long enough for one.
    if (!group && minPlayers < quickMatchPlayers) {
      const longest = waiting[0];
      const anchor = longest && now >= longest.joinedAt + settings.quickMatchWaitMs ? longest : undefined;
      const smaller = anchor ? pickGroup(waiting, minPlayers, now, settings.widening) : null;
      if (anchor && smaller?.includes(anchor)) group = smaller;
    }
    if (!group) break;
    const players: PlayerRecord[] = [];
    for (const entry of group) {
      await store.dequeue(mode, entry.playerId);
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
    // Fill the rest of the room from the queue, as far as the others fit.
    await ctx.saveRoom(await backfill(ctx, room));
    waiting = await store.listQueue(mode);
  }
  // Look again when a window has widened, or a smaller room's wait is over; not while nobody could match.
  const canMatch = waiting.length >= minPlayers;
  const widened = canMatch ? nextWidening(waiting, now, settings.widening) : null;
  const smallerAt =
    canMatch && minPlayers < quickMatchPlayers && waiting[0] ? waiting[0].joinedAt + settings.quickMatchWaitMs : null;
  const dueAt = [widened, smallerAt].filter((t): t is number => t !== null && t > now);
  ctx.deadline(deadlineKey.queue(mode), dueAt.length > 0 ? Math.min(...dueAt) : null);
  return seated;
}

/**
 * Whether a player rated `rating` may take a seat in an open quick room:
 * the room's ratings with theirs must fit a window as wide as the room is
 * old (the room waits for players as a player waits for a room).
 */
function fitsRoom(ctx: LobbyContext, room: RoomRecord, rating: number): boolean {
  const ratings = [...room.seats.map((s) => s.rating?.value ?? STARTING_VALUE), rating];
  const spread = Math.max(...ratings) - Math.min(...ratings);
  return spread <= windowOf(ctx.deps.settings.widening, ctx.now() - room.createdAt);
}

/**
 * Seat waiting players in a room that has become open (new, or a seat
 * freed): the longest-waiting first, as far as they fit the room.
 */
export async function backfill(ctx: LobbyContext, room: RoomRecord): Promise<RoomRecord> {
  let next = room;
  const passed = new Set<string>();
  while (isOpenForQuickMatch(next)) {
    const queue = await ctx.store.listQueue(next.mode);
    const entry = queue.find(
      (e) => !passed.has(e.playerId) && (next.kind !== "quick" || fitsRoom(ctx, next, e.rating)),
    );
    if (!entry) break;
    const player = await ctx.store.getPlayer(entry.playerId);
    // Never seat someone the host removed; they keep their place in the queue.
    if (player && wasKicked(next, player)) {
      passed.add(entry.playerId);
      continue;
    }
    await ctx.store.dequeue(next.mode, entry.playerId);
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

async function openRoomFor(
  ctx: LobbyContext,
  mode: ModeId,
  player: PlayerRecord,
  rating: number,
): Promise<RoomRecord | undefined> {
  for (const roomId of await ctx.store.openRoomIds(mode)) {
    const room = await ctx.store.getRoom(roomId);
    if (room && isOpenForQuickMatch(room) && !wasKicked(room, player) && fitsRoom(ctx, room, rating)) return room;
  }
  return undefined;
}

async function createQuickRoom(ctx: LobbyContext, mode: ModeId): Promise<RoomRecord> {
  const id = ctx.id();
  const code = await allocateInviteCode(ctx.store, ctx.deps.random, id);
  const maxPlayers = ctx.game(mode).mode.maxPlayers;
  return newRoom({ id, code, kind: "quick", mode, visibility: "public", maxPlayers, now: ctx.now() });
}
