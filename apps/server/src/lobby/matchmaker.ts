import {
  ErrorCode,
  maxPartySize,
  type ModeId,
  type ModeInfo,
  type PublicRating,
  type QueueStatus,
  type Search,
} from "@lobby/contracts";
import type { LobbyContext } from "./context";
import { deadlineKey } from "./deadline-key";
import { LobbyError } from "./lobby-error";
import { allocateInviteCode } from "./invite-code";
import { beginCountdown, isOpenForQuickMatch, newRoom, startBlocker } from "./match-room";
import { wasKicked } from "./room-access";
import { partyOf, stopSearch } from "./parties";
import { publicRatingOf, STARTING_VALUE } from "./ratings";
import type { PartyRecord, PlayerRecord, QueueEntry, RoomRecord } from "./records";
import { leave } from "./rooms";
import {
  narrowedOrder,
  nextWidening,
  packsIntoTeams,
  pickGroup,
  ratingOrder,
  sizeOf,
  windowOf,
  type GroupFits,
} from "./skill-window";

/*
 * Quick match, by skill. A player first takes a seat in the oldest open
 * public room of the mode whose players' ratings are close enough to theirs
 * (the room's window widens with its age, see `roomTakes`); failing that they
 * queue with their rating, and a new room is made as soon as a group of
 * `quickMatchPlayers` fits each member's window (`pickGroup`) — or, for
 * modes that allow fewer, once the longest-waiting player has waited
 * `quickMatchWaitMs`, as large a group of at least `minPlayers` as fits. While players wait unmatched, the queue's deadline
 * looks again as their windows widen.
 *
 * A party queues as one entry, its leader's, holding every member (see
 * `queueParty`): it takes as many seats as it has members, in one room, and
 * in a team game the group must split into teams with the party on one.
 *
 * The requester learns their own queue state from the answer to their
 * request; `queue:status` is pushed only to players whose state changed
 * because of someone else and who cannot tell it otherwise (a party member
 * put in the queue by the leader). A player seated by someone else's arrival
 * or a wait ending learns it from the room's `room:state`, which lists their
 * seat: the lobby sends no second push to say so.
 */

export async function joinQueue(ctx: LobbyContext, playerId: string, mode: ModeId): Promise<QueueStatus> {
  ctx.game(mode);
  const party = await partyOf(ctx, await ctx.requirePlayer(playerId));
  if (party) return queueParty(ctx, playerId, party, mode);
  const player = await fromFinishedGame(ctx, playerId);
  ctx.assertFree(player);
  await assertNoCooldown(ctx, player, "You");
  const shown = (await publicRatingOf(ctx.store, player.identityId, mode)) ?? undefined;
  const rating = shown?.value ?? STARTING_VALUE;

  const room = await openRoomFor(ctx, mode, [player], rating);
  if (room) {
    await ctx.saveRoom(autoStart(ctx, await ctx.seat(room, player)));
    ctx.report((metrics) => metrics.queueWait(mode, 0));
    return { state: "matched", mode, roomId: room.id };
  }

  const joinedAt = ctx.now();
  await ctx.store.enqueue(mode, { playerId, joinedAt, rating });
  await ctx.moveTo(player, { kind: "queued", mode, joinedAt, ...(shown ? { rating: shown } : {}) });
  const roomId = (await matchWaitingPlayers(ctx, mode)).get(playerId);
  return roomId
    ? { state: "matched", mode, roomId }
    : { state: "queued", mode, joinedAt, search: searchOf(ctx, shown) };
}

/**
 * The party's leader queues it: every member comes out of a finished game
 * (none may still be in one), then the party takes seats in an open room
 * together or waits as one entry with its members' mean rating.
 */
async function queueParty(ctx: LobbyContext, playerId: string, party: PartyRecord, mode: ModeId): Promise<QueueStatus> {
  if (party.leaderId !== playerId) {
    throw new LobbyError(ErrorCode.NotPartyLeader, "Only the party's leader can search for a match.");
  }
  if (party.queued) throw new LobbyError(ErrorCode.AlreadyQueued, "Your party is already searching.");
  const game = ctx.game(mode).mode;
  const limit = maxPartySize(game);
  if (party.members.length > limit) {
    throw new LobbyError(
      ErrorCode.PartyTooLarge,
      limit === 1
        ? `${game.name} is one against one: play your friend in a private room instead.`
        : `${game.name} takes parties of up to ${limit}.`,
    );
  }
  const members: PlayerRecord[] = [];
  const shown: PublicRating[] = [];
  for (const member of party.members) {
    const player = await fromFinishedGame(ctx, member.playerId);
    if (player.location.kind !== "idle") {
      throw new LobbyError(ErrorCode.PartyNotReady, `${player.name} is still in a game.`);
    }
    await assertNoCooldown(ctx, player, player.id === playerId ? "You" : player.name);
    members.push(player);
    shown.push(
      (await publicRatingOf(ctx.store, player.identityId, mode)) ?? { value: STARTING_VALUE, provisional: true },
    );
  }
  const rating = Math.round(shown.reduce((sum, r) => sum + r.value, 0) / shown.length);
  const search: PublicRating = { value: rating, provisional: shown.some((r) => r.provisional) };

  const room = await openRoomFor(ctx, mode, members, rating, party.id);
  if (room) {
    let next = room;
    for (const member of members) next = await ctx.seat(next, member);
    await ctx.saveRoom(autoStart(ctx, next));
    ctx.report((metrics) => members.forEach(() => metrics.queueWait(mode, 0)));
    return { state: "matched", mode, roomId: room.id };
  }

  const joinedAt = ctx.now();
  const ids = members.map((m) => m.id);
  await ctx.store.enqueue(mode, { playerId, joinedAt, rating, party: { id: party.id, members: ids } });
  await ctx.store.putParty({ ...party, queued: { mode, joinedAt, entry: playerId }, version: party.version + 1 });
  ctx.touchParty(party.id);
  const status: QueueStatus = { state: "queued", mode, joinedAt, search: searchOf(ctx, search) };
  for (const member of members) {
    await ctx.moveTo(member, { kind: "queued", mode, joinedAt, rating: search, party: party.id });
    if (member.id !== playerId) ctx.effects.toPlayer(member.id, "queue:status", status);
  }
  const roomId = (await matchWaitingPlayers(ctx, mode)).get(playerId);
  return roomId ? { state: "matched", mode, roomId } : status;
}

/** A player seated in a finished game leaves it to search again ("play again" with new opponents). */
async function fromFinishedGame(ctx: LobbyContext, playerId: string): Promise<PlayerRecord> {
  const player = await ctx.requirePlayer(playerId);
  if (player.location.kind !== "seated") return player;
  const room = await ctx.store.getRoom(player.location.roomId);
  if (room?.phase !== "finished") return player;
  await leave(ctx, playerId);
  return ctx.requirePlayer(playerId);
}

async function assertNoCooldown(ctx: LobbyContext, player: PlayerRecord, who: string): Promise<void> {
  const identity = player.identityId ? await ctx.store.getIdentity(player.identityId) : undefined;
  const cooldown = (identity?.cooldownUntil ?? 0) - ctx.now();
  if (cooldown > 0) {
    throw new LobbyError(
      ErrorCode.QueueCooldown,
      `${who} left a rated match during its countdown — quick match again in ${Math.ceil(cooldown / 1000)} s.`,
    );
  }
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
  const party = player.location.party ? await ctx.store.getParty(player.location.party) : undefined;
  if (party) {
    await stopSearch(ctx, party, playerId);
    return { state: "idle" };
  }
  await ctx.store.dequeue(player.location.mode, playerId);
  await ctx.moveTo(player, { kind: "idle" });
  return { state: "idle" };
}

/** Make rooms for as many groups as fit among those who wait; returns who was seated where. */
export async function matchWaitingPlayers(ctx: LobbyContext, mode: ModeId): Promise<Map<string, string>> {
  const { store } = ctx;
  const { settings } = ctx.deps;
  const info = ctx.game(mode).mode;
  const { minPlayers, quickMatchPlayers } = info;
  const fits = teamsFit(info, quickMatchPlayers);
  const now = ctx.now();
  const seated = new Map<string, string>();
  let waiting = await store.listQueue(mode);
  // Sorted by rating once; each turn of the loop only takes players out, so the order is narrowed, not redone.
  let order = ratingOrder(waiting);
  for (;;) {
    let group = pickGroup(waiting, quickMatchPlayers, now, settings.widening, fits, order);
    // A smaller room, as large as fits, once its longest-waiting player has waited long enough for one.
    const longest = waiting[0];
    if (!group && longest && minPlayers < quickMatchPlayers && now >= longest.joinedAt + settings.quickMatchWaitMs) {
      for (let seats = quickMatchPlayers - 1; seats >= minPlayers && !group; seats--) {
        const smaller = pickGroup(waiting, seats, now, settings.widening, teamsFit(info, seats), order);
        if (smaller?.includes(longest)) group = smaller;
      }
    }
    if (!group) break;
    const players: PlayerRecord[] = [];
    for (const entry of group) players.push(...(await takeEntry(ctx, mode, entry)));
    // Entries whose players are all gone are off the queue now, and seat nobody.
    if (players.length > 0) {
      let room = await createQuickRoom(ctx, mode);
      ctx.report((metrics) => metrics.matchMade(mode));
      for (const player of players) {
        room = await ctx.seat(room, player, false);
        seated.set(player.id, room.id);
      }
      room = ctx.say(room, `Match found: ${players.map((p) => p.name).join(", ")}.`);
      // Fill the rest of the room from the queue, as far as the others fit.
      await ctx.saveRoom(await backfill(ctx, room));
    }
    const before = waiting;
    waiting = await store.listQueue(mode);
    order = narrowedOrder(before, order, waiting, (entry) => entry.playerId) ?? ratingOrder(waiting);
  }
  // Look again when a window has widened, or a smaller room's wait is over; not while nobody could match.
  const canMatch = waiting.reduce((seats, entry) => seats + sizeOf(entry), 0) >= minPlayers;
  const widened = canMatch ? nextWidening(waiting, now, settings.widening) : null;
  const smallerAt =
    canMatch && minPlayers < quickMatchPlayers && waiting[0] ? waiting[0].joinedAt + settings.quickMatchWaitMs : null;
  const dueAt = [widened, smallerAt].filter((t): t is number => t !== null && t > now);
  ctx.deadline(deadlineKey.queue(mode), dueAt.length > 0 ? Math.min(...dueAt) : null);
  return seated;
}

/** Take an entry off the queue: its players, a party's members all (the party no longer searches). */
async function takeEntry(ctx: LobbyContext, mode: ModeId, entry: QueueEntry): Promise<PlayerRecord[]> {
  await ctx.store.dequeue(mode, entry.playerId);
  if (entry.party) {
    const party = await ctx.store.getParty(entry.party.id);
    if (party?.queued) {
      await ctx.store.putParty({ ...party, queued: null, version: party.version + 1 });
      ctx.touchParty(party.id);
    }
  }
  const players: PlayerRecord[] = [];
  for (const id of entry.party?.members ?? [entry.playerId]) {
    const player = await ctx.store.getPlayer(id);
    if (player) players.push(player);
  }
  const waited = ctx.now() - entry.joinedAt;
  ctx.report((metrics) => players.forEach(() => metrics.queueWait(mode, waited)));
  return players;
}

/** In a team game of `seats` players, whether groups (parties) of these sizes split into its teams. */
function teamsFit(mode: ModeInfo, seats: number): GroupFits | undefined {
  const { teams } = mode;
  if (!teams) return undefined;
  return (sizes) => packsIntoTeams(sizes, teams, Math.floor(seats / teams));
}

/**
 * Whether an open room takes `size` players (a party, or one) rated
 * `rating`: enough free seats; in a team game, teams that still split with
 * the party on one; and the room's ratings with theirs within a window as
 * wide as the room is old (the room waits for players as a player waits for
 * a room; a custom room takes anyone).
 */
function roomTakes(ctx: LobbyContext, room: RoomRecord, size: number, rating: number, party?: string): boolean {
  if (room.maxPlayers - room.seats.length < size) return false;
  if (!teamsTake(ctx, room, size, party)) return false;
  if (room.kind !== "quick") return true;
  const ratings = [...room.seats.map((s) => s.rating?.value ?? STARTING_VALUE), rating];
  const spread = Math.max(...ratings) - Math.min(...ratings);
  return spread <= windowOf(ctx.deps.settings.widening, ctx.now() - room.createdAt);
}

/**
 * In a team game, whether the room's players still split into its teams,
 * each party on one team, with `size` more: players on their own, or of
 * `party` (with its members already seated, if any). Always true in other games.
 */
export function teamsTake(ctx: LobbyContext, room: RoomRecord, size: number, party?: string): boolean {
  const fits = teamsFit(ctx.game(room.mode).mode, room.maxPlayers);
  if (!fits) return true;
  const parties = new Map<string, number>();
  let solo = party === undefined ? size : 0;
  for (const seat of room.seats) {
    if (seat.party === undefined) solo++;
    else parties.set(seat.party, (parties.get(seat.party) ?? 0) + 1);
  }
  if (party !== undefined) parties.set(party, (parties.get(party) ?? 0) + size);
  return fits([...parties.values(), ...Array<number>(solo).fill(1)]);
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
    const entry = queue.find((e) => !passed.has(e.playerId) && roomTakes(ctx, next, sizeOf(e), e.rating, e.party?.id));
    if (!entry) break;
    // Never seat someone the host removed (or a party with them); they keep their place in the queue.
    const ids = entry.party?.members ?? [entry.playerId];
    const players = await Promise.all(ids.map((id) => ctx.store.getPlayer(id)));
    if (players.some((player) => player && wasKicked(next, player))) {
      passed.add(entry.playerId);
      continue;
    }
    for (const player of await takeEntry(ctx, next.mode, entry)) next = await ctx.seat(next, player);
  }
  return autoStart(ctx, next);
}

/** Quick rooms count down by themselves once they have enough ready players. */
export function autoStart(ctx: LobbyContext, room: RoomRecord): RoomRecord {
  if (room.kind !== "quick" || room.phase !== "waiting") return room;
  if (startBlocker(room, ctx.game(room.mode))) return room;
  return beginCountdown(room, ctx.now() + ctx.deps.settings.countdownMs);
}

/** The oldest open room of the mode that takes these players together (one, or a party). */
async function openRoomFor(
  ctx: LobbyContext,
  mode: ModeId,
  players: readonly PlayerRecord[],
  rating: number,
  party?: string,
): Promise<RoomRecord | undefined> {
  for (const roomId of await ctx.store.openRoomIds(mode)) {
    const room = await ctx.store.getRoom(roomId);
    if (!room || !isOpenForQuickMatch(room) || players.some((player) => wasKicked(room, player))) continue;
    if (roomTakes(ctx, room, players.length, rating, party)) return room;
  }
  return undefined;
}

async function createQuickRoom(ctx: LobbyContext, mode: ModeId): Promise<RoomRecord> {
  const id = ctx.id();
  const code = await allocateInviteCode(ctx.store, ctx.deps.random, id);
  const game = ctx.game(mode).mode;
  // A team game's quick room is its quick-match size: teams of that size, never a seat more.
  const maxPlayers = game.teams ? game.quickMatchPlayers : game.maxPlayers;
  return newRoom({ id, code, kind: "quick", mode, visibility: "public", maxPlayers, now: ctx.now() });
}
