import type { ChatMessage, RoomSummary, RoomView } from "@lobby/contracts";
import type { AnyGameDefinition } from "../games/game";
import type { RoomRecord } from "./records";

/** What a member (seat index) or spectator (null) of the room sees; with `chat`, chat lines carried along. */
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
