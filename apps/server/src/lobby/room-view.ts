import type { RoomSummary, RoomView } from "@lobby/contracts";
import type { AnyGameDefinition } from "../games/game";
import type { RoomRecord } from "./records";

/** What a member (seat index) or spectator (null) of the room sees. */
export function toRoomView(room: RoomRecord, game: AnyGameDefinition, viewer: number | null): RoomView {
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
    })),
    spectatorCount: room.spectators.length,
    game: room.game === null ? null : game.view(room.game, viewer),
    result: room.result,
  };
}

/** The room as the room browser lists it, or null if it is not listed (private). */
export function toSummary(room: RoomRecord): RoomSummary | null {
  if (room.visibility !== "public") return null;
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
