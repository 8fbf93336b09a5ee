import { isDeepStrictEqual } from "node:util";
import {
  ROOM_KEYFRAME_EVERY,
  type ChatMessage,
  type RoomDelta,
  type RoomSummary,
  type RoomView,
} from "@lobby/contracts";
import type { AnyGameDefinition } from "../games/game";
import type { RoomRecord } from "./records";

/**
 * What a member (seat index) or spectator (null) of the room sees; with `chat`, chat lines carried along.
 * A record field it shows must be compared in `onlyGameChanged` too.
 */
export function toRoomView(
  room: RoomRecord,
  game: AnyGameDefinition,
  viewer: number | null,
  chat?: ChatMessage[],
): RoomView {
  const parties = partyNumbers(room);
  return {
    id: room.id,
    code: room.code,
    kind: room.kind,
    mode: room.mode,
    visibility: room.visibility,
    maxPlayers: room.maxPlayers,
    hostId: room.hostId,
    rated: room.rated,
    phase: room.phase,
    version: room.version,
    seq: room.seq ?? 0,
    round: room.round,
    countdownEndsAt: room.countdownEndsAt,
    seats: room.seats.map((s, seat) => ({
      seat,
      player: { id: s.playerId, name: s.name },
      status: s.status,
      ready: s.ready,
      graceEndsAt: s.graceEndsAt,
      wantsRematch: s.wantsRematch,
      rating: s.rating,
      ratingDelta: s.ratingDelta,
      team: room.phase === "waiting" || room.phase === "countdown" ? null : (s.team ?? null),
      party: (s.party !== undefined && parties?.get(s.party)) || null,
      wins: s.wins ?? 0,
    })),
    spectatorCount: room.spectators.length,
    game: room.game === null ? null : game.view(room.game, viewer),
    result: room.result,
    score: room.score
      ? { games: room.score.games, draws: room.score.draws, teamWins: room.score.teamWins ?? null }
      : null,
    ...(chat ? { chat } : {}),
  };
}

/**
 * The save of `room` over `before` (the save numbered one before it) as a delta for its members, or null when
 * they need the whole state: the game sends no deltas or hides information
 * (one view per seat), the game is not running on both sides, something
 * besides the game changed, it is a keyframe save (every
 * `ROOM_KEYFRAME_EVERY`, so a member who missed one catches up), or the game
 * says the whole view will do. The caller sends chat lines the save added
 * with the whole state.
 */
export function toRoomDelta(
  before: RoomRecord | undefined,
  room: RoomRecord,
  game: AnyGameDefinition,
): RoomDelta | null {
  const { deltas } = game;
  if (!deltas || game.hidesInformation || !before || before.game === null || room.game === null) return null;
  if (before.phase !== "playing" || room.phase !== "playing") return null;
  const seq = room.seq ?? 0;
  if (seq % ROOM_KEYFRAME_EVERY === 0 || !onlyGameChanged(before, room)) return null;
  const delta = deltas.diff(game.view(before.game, null), game.view(room.game, null));
  return delta && { id: room.id, version: room.version, seq, game: delta };
}

/** Whether everything `toRoomView` shows of the room but its game, version, seq and chat is as it was. */
function onlyGameChanged(before: RoomRecord, room: RoomRecord): boolean {
  return (
    before.code === room.code &&
    before.kind === room.kind &&
    before.mode === room.mode &&
    before.visibility === room.visibility &&
    before.maxPlayers === room.maxPlayers &&
    before.hostId === room.hostId &&
    before.rated === room.rated &&
    before.round === room.round &&
    before.countdownEndsAt === room.countdownEndsAt &&
    before.spectators.length === room.spectators.length &&
    // Saves keep what they do not change, so these are mostly the same objects; a deep look otherwise.
    alike(before.seats, room.seats) &&
    alike(before.result, room.result) &&
    alike(before.score, room.score)
  );
}

function alike(a: unknown, b: unknown): boolean {
  return a === b || isDeepStrictEqual(a, b);
}

/**
 * The parties with more than one seat here, numbered from 1 in seat order: a
 * room shows who came together, never a party's code (which would let
 * anyone in the room join it).
 */
function partyNumbers(room: RoomRecord): Map<string, number> | null {
  let counts: Map<string, number> | null = null;
  for (const seat of room.seats) {
    if (seat.party === undefined) continue;
    counts ??= new Map();
    counts.set(seat.party, (counts.get(seat.party) ?? 0) + 1);
  }
  if (!counts) return null;
  const numbers = new Map<string, number>();
  for (const [party, seats] of counts) if (seats > 1) numbers.set(party, numbers.size + 1);
  return numbers;
}

/**
 * The room as the room browser lists it, or null if it is not listed: the
 * browser shows what a player can join or watch, so never a private room, a
 * quick-match room (quick match seats strangers by skill, not by browsing),
 * or a finished game (a rematch's countdown lists it again).
 */
export function toSummary(room: RoomRecord): RoomSummary | null {
  if (room.visibility !== "public" || room.kind === "quick" || room.phase === "finished") return null;
  return {
    id: room.id,
    code: room.code,
    kind: room.kind,
    mode: room.mode,
    rated: room.rated,
    hostName: room.seats.find((s) => s.playerId === room.hostId)?.name ?? null,
    players: room.seats.filter((s) => s.status !== "left").length,
    maxPlayers: room.maxPlayers,
    phase: room.phase,
    spectatorCount: room.spectators.length,
    createdAt: room.createdAt,
  };
}
