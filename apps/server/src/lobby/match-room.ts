import { ErrorCode, type GameMove, type MatchResult, type RoomView } from "@lobby/contracts";
import type { Random } from "../core/random";
import type { AnyGameDefinition } from "../games/game";
import { LobbyError } from "./lobby-error";
import type { RoomRecord, SeatRecord } from "./records";

/*
 * Pure transitions of one match room. Each takes a room and returns a new
 * one (or throws a LobbyError for a refusal); none touches the store, the
 * clock or a socket.
 */

export interface NewRoom {
  id: string;
  game: AnyGameDefinition;
  players: { id: string; name: string }[];
  now: number;
  random: Random;
}

export function createRoom({ id, game, players, now, random }: NewRoom): RoomRecord {
  return {
    id,
    mode: game.mode.id,
    phase: "playing",
    version: 0,
    round: 1,
    createdAt: now,
    seats: players.map<SeatRecord>((p) => ({
      playerId: p.id,
      name: p.name,
      status: "connected",
      graceEndsAt: null,
      wantsRematch: false,
    })),
    game: game.setup({ players: players.length, round: 1, random }),
    result: null,
  };
}

export function seatOf(room: RoomRecord, playerId: string): number {
  const seat = room.seats.findIndex((s) => s.playerId === playerId && s.status !== "left");
  if (seat < 0) throw new LobbyError(ErrorCode.NotInRoom, "You are not seated in this room.");
  return seat;
}

export function applyMove(
  room: RoomRecord,
  game: AnyGameDefinition,
  playerId: string,
  move: GameMove,
): RoomRecord {
  const seat = seatOf(room, playerId);
  if (room.phase !== "playing") {
    throw new LobbyError(ErrorCode.GameNotRunning, "The game is not running.");
  }
  if (move.mode !== room.mode) {
    throw new LobbyError(ErrorCode.WrongGame, `This room plays ${game.mode.name}.`);
  }
  const refusal = game.validateMove(room.game, seat, move);
  if (refusal) throw new LobbyError(refusal.code, refusal.message);
  const state = game.applyMove(room.game, seat, move);
  const outcome = game.outcome(state);
  const result: MatchResult | null = !outcome
    ? null
    : outcome.kind === "draw"
      ? { kind: "draw" }
      : { kind: "win", winners: outcome.winners, reason: "rules" };
  return finishIf(bump({ ...room, game: state }), result);
}

/** The connection of a seated player dropped: keep the seat until `graceEndsAt`. */
export function markDisconnected(room: RoomRecord, playerId: string, graceEndsAt: number): RoomRecord {
  const seat = seatOf(room, playerId);
  if (room.phase !== "playing") return leaveSeat(room, playerId);
  return bump(updateSeat(room, seat, { status: "disconnected", graceEndsAt, wantsRematch: false }));
}

/** The grace period of a disconnected seat ran out. No-op if it came back or the game ended. */
export function forfeitIfStillAway(room: RoomRecord, playerId: string): RoomRecord {
  const seat = room.seats.findIndex((s) => s.playerId === playerId);
  const record = room.seats[seat];
  if (!record || record.status !== "disconnected") return room;
  const left = updateSeat(room, seat, { status: "left", graceEndsAt: null });
  if (room.phase !== "playing") return bump(left);
  return bump(finishIf(left, winByDefault(left, "forfeit")));
}

/** A player leaves the room for good. Leaving a running game forfeits it. */
export function leaveSeat(room: RoomRecord, playerId: string): RoomRecord {
  const seat = seatOf(room, playerId);
  let next = updateSeat(room, seat, { status: "left", graceEndsAt: null, wantsRematch: false });
  // Nobody can rematch with a player who left.
  next = { ...next, seats: next.seats.map((s) => ({ ...s, wantsRematch: false })) };
  if (room.phase === "playing") next = finishIf(next, winByDefault(next, "left"));
  return bump(next);
}

/** A seated player asks to play again; once every seat has, a new round starts. */
export function requestRematch(
  room: RoomRecord,
  game: AnyGameDefinition,
  playerId: string,
  random: Random,
): RoomRecord {
  const seat = seatOf(room, playerId);
  if (room.phase !== "finished") {
    throw new LobbyError(ErrorCode.RematchUnavailable, "The game is still running.");
  }
  if (room.seats.some((s) => s.status !== "connected")) {
    throw new LobbyError(ErrorCode.RematchUnavailable, "Everyone who played must still be here.");
  }
  const next = updateSeat(room, seat, { wantsRematch: true });
  if (!next.seats.every((s) => s.wantsRematch)) return bump(next);
  const round = room.round + 1;
  return bump({
    ...next,
    phase: "playing",
    round,
    result: null,
    seats: next.seats.map((s) => ({ ...s, wantsRematch: false })),
    game: game.setup({ players: next.seats.length, round, random }),
  });
}

/** True once nobody is left in the room: it must then be destroyed. */
export function isAbandoned(room: RoomRecord): boolean {
  return room.seats.every((s) => s.status === "left");
}

export function toRoomView(room: RoomRecord, game: AnyGameDefinition, viewer: number | null): RoomView {
  return {
    id: room.id,
    mode: room.mode,
    phase: room.phase,
    version: room.version,
    round: room.round,
    seats: room.seats.map((s, seat) => ({
      seat,
      player: { id: s.playerId, name: s.name },
      status: s.status,
      graceEndsAt: s.graceEndsAt,
      wantsRematch: s.wantsRematch,
    })),
    game: game.view(room.game, viewer),
    result: room.result,
  };
}

function winByDefault(room: RoomRecord, reason: "forfeit" | "left"): MatchResult {
  const winners = room.seats.flatMap((s, seat) => (s.status === "left" ? [] : [seat]));
  return { kind: "win", winners, reason };
}

function finishIf(room: RoomRecord, result: MatchResult | null): RoomRecord {
  return result ? { ...room, phase: "finished", result } : room;
}

function updateSeat(room: RoomRecord, seat: number, patch: Partial<SeatRecord>): RoomRecord {
  return { ...room, seats: room.seats.map((s, i) => (i === seat ? { ...s, ...patch } : s)) };
}

function bump(room: RoomRecord): RoomRecord {
  return { ...room, version: room.version + 1 };
}
