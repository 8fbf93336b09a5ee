import {
  ErrorCode,
  type GameMove,
  type MatchResult,
  type ModeId,
  type PublicRating,
  type RoomKind,
  type Visibility,
} from "@lobby/contracts";
import type { Random } from "../core/random";
import type { AnyGameDefinition, Outcome } from "../games/game";
import { LobbyError } from "./lobby-error";
import { STARTING_VALUE } from "./ratings";
import type { RoomRecord, RoomScore, SeatRecord } from "./records";
import { keptTeams, scored, withoutScore } from "./room-score";
import { assignTeams } from "./teams";

/*
 * Pure transitions of one room. Each takes a room and returns a new one (or
 * throws a LobbyError for a refusal); none touches the store, the clock or a
 * socket. Seats keep join order, so the longest-seated player comes first.
 */

export interface NewRoom {
  id: string;
  code: string;
  kind: RoomKind;
  mode: ModeId;
  visibility: Visibility;
  maxPlayers: number;
  now: number;
  /** Whether results change ratings; quick-match rooms always are. */
  rated?: boolean | undefined;
}

export function newRoom(spec: NewRoom): RoomRecord {
  // Written out, not spread: see docs/performance.md on spreads that add properties.
  return {
    id: spec.id,
    code: spec.code,
    kind: spec.kind,
    mode: spec.mode,
    visibility: spec.visibility,
    maxPlayers: spec.maxPlayers,
    rated: spec.kind === "quick" || spec.rated === true,
    hostId: null,
    phase: "waiting",
    version: 0,
    seq: 0,
    round: 0,
    createdAt: spec.now,
    countdownEndsAt: null,
    tickAt: null,
    seats: [],
    spectators: [],
    kicked: [],
    kickedAddresses: [],
    game: null,
    result: null,
    chat: [],
  };
}

/** Whether quick match may seat a player here: public, not started, a free seat. */
export function isOpenForQuickMatch(room: RoomRecord): boolean {
  if (room.visibility !== "public" || room.seats.length >= room.maxPlayers) return false;
  // A custom room's countdown would be cancelled by an unready newcomer; leave it be.
  return room.phase === "waiting" || (room.phase === "countdown" && room.kind === "quick");
}

/** Seat a player before the start. Quick-match seats come ready; a custom room's newcomer cancels its countdown. */
/** A seat's player: who, their device identity, and their rating in the room's mode. */
export interface SeatPlayer {
  id: string;
  name: string;
  identityId?: string;
  rating?: PublicRating | null;
  /** Their party, if any: party members play on one team. */
  partyId?: string | undefined;
}

export function addSeat(room: RoomRecord, player: SeatPlayer, now: number): RoomRecord {
  const seat: SeatRecord = {
    playerId: player.id,
    name: player.name,
    status: "connected",
    ready: room.kind === "quick",
    graceEndsAt: null,
    wantsRematch: false,
    joinedAt: now,
    identityId: player.identityId ?? "",
    rating: player.rating ?? null,
    ratingDelta: null,
    ...(player.partyId === undefined ? {} : { party: player.partyId }),
  };
  // A custom room's first player hosts it; a quick room is among strangers and has no host powers at all.
  const hostId = room.kind === "quick" ? null : (room.hostId ?? player.id);
  // A newcomer starts the score afresh: the wins so far were against other people.
  const fresh = withoutScore(room);
  const next = bump({ ...fresh, seats: [...fresh.seats, seat], hostId });
  return seat.ready ? next : cancelCountdown(next);
}

export function addSpectator(room: RoomRecord, player: { id: string; name: string }): RoomRecord {
  return bump({ ...room, spectators: [...room.spectators, { playerId: player.id, name: player.name }] });
}

export function removeSpectator(room: RoomRecord, playerId: string): RoomRecord {
  return bump({ ...room, spectators: room.spectators.filter((s) => s.playerId !== playerId) });
}

/**
 * The seat the player holds in the room, or -1: a seat they left in an
 * earlier game of the room is not theirs (watching it again, they see what
 * spectators see).
 */
export function heldSeat(room: RoomRecord, playerId: string): number {
  return room.seats.findIndex((s) => s.playerId === playerId && s.status !== "left");
}

export function seatOf(room: RoomRecord, playerId: string): number {
  const seat = heldSeat(room, playerId);
  if (seat < 0) throw new LobbyError(ErrorCode.NotInRoom, "You are not seated in this room.");
  return seat;
}

export function isHost(room: RoomRecord, playerId: string): boolean {
  return room.hostId === playerId;
}

export function assertHost(room: RoomRecord, playerId: string): void {
  if (!isHost(room, playerId)) throw new LobbyError(ErrorCode.NotHost, "Only the host can do that.");
}

export function assertBeforeStart(room: RoomRecord): void {
  if (room.phase !== "waiting" && room.phase !== "countdown") {
    throw new LobbyError(ErrorCode.NotInLobbyPhase, "That is only possible before the game starts.");
  }
}

export function setReady(room: RoomRecord, playerId: string, ready: boolean): RoomRecord {
  const seat = seatOf(room, playerId);
  assertBeforeStart(room);
  const next = bump(updateSeat(room, seat, { ready }));
  return ready ? next : cancelCountdown(next);
}

/**
 * Why something cannot be done, as a `LobbyError` would say it. Made into one
 * only where it is thrown: quick match asks whether a room can start at every
 * seat it fills, and building an error captures a stack trace each time.
 */
export interface Refusal {
  code: ErrorCode;
  message: string;
}

/** Why a game of the mode cannot be played by `players`, or null if it can. */
export function playerCountBlocker(players: number, game: AnyGameDefinition): Refusal | null {
  const { minPlayers, maxPlayers, teams } = game.mode;
  if (players < minPlayers || players > maxPlayers) {
    return {
      code: ErrorCode.WrongPlayerCount,
      message: `${game.mode.name} needs ${minPlayers === maxPlayers ? minPlayers : `${minPlayers}–${maxPlayers}`} players.`,
    };
  }
  if (teams && players % teams !== 0) {
    return {
      code: ErrorCode.WrongPlayerCount,
      message: `${game.mode.name} is played in ${teams} teams of the same size: ${players} players do not split evenly.`,
    };
  }
  return null;
}

/** Why the room cannot start now, or null if it can. */
export function startBlocker(room: RoomRecord, game: AnyGameDefinition): Refusal | null {
  const count = playerCountBlocker(room.seats.length, game);
  if (count) return count;
  if (!room.seats.every((s) => s.ready)) {
    return { code: ErrorCode.NotAllReady, message: "Everyone must be ready first." };
  }
  return null;
}

export function beginCountdown(room: RoomRecord, endsAt: number): RoomRecord {
  return bump({ ...room, phase: "countdown", countdownEndsAt: endsAt });
}

export function cancelCountdown(room: RoomRecord): RoomRecord {
  if (room.phase !== "countdown") return room;
  return bump({ ...room, phase: "waiting", countdownEndsAt: null });
}

/**
 * The countdown ran out: set the game up for the seated players. A team
 * game keeps its teams for play again while its score runs and they are
 * still whole and even (see `keptTeams`); otherwise they are made afresh,
 * balanced by the ratings the seats have now (see `assignTeams`), and the
 * teams' tally starts again.
 */
export function startGame(room: RoomRecord, game: AnyGameDefinition, random: Random): RoomRecord {
  const round = room.round + 1;
  const { teams: teamCount } = game.mode;
  const kept = teamCount ? keptTeams(room, teamCount) : undefined;
  const teams = teamCount
    ? (kept ??
      assignTeams(
        room.seats.map((s) => ({ rating: s.rating?.value ?? STARTING_VALUE, party: s.party })),
        teamCount,
      ))
    : undefined;
  const score: RoomScore | undefined =
    room.score && teamCount && !kept ? { ...room.score, teamWins: Array<number>(teamCount).fill(0) } : room.score;
  return bump({
    ...room,
    ...(score ? { score } : {}),
    phase: "playing",
    round,
    countdownEndsAt: null,
    result: null,
    seats: room.seats.map((s, i) => {
      const seat = { ...s, wantsRematch: false, graceEndsAt: null, ratingDelta: null };
      const team = teams?.[i];
      return team === undefined ? seat : { ...seat, team };
    }),
    game: game.setup({ players: room.seats.length, round, random, ...(teams ? { teams } : {}) }),
  });
}

/** A seat leaves before the start: it disappears, and the host role passes on. */
export function removeSeatBeforeStart(
  room: RoomRecord,
  playerId: string,
  kicked = false,
  minPlayers = Infinity,
): RoomRecord {
  const seats = room.seats.filter((s) => s.playerId !== playerId);
  let next = bump({ ...room, seats, kicked: kicked ? [...room.kicked, playerId] : room.kicked });
  next = passHost(next);
  // A quick room keeps counting down while it still has enough players for its game.
  const keepsCounting = next.kind === "quick" && next.phase === "countdown" && next.seats.length >= minPlayers;
  return keepsCounting ? next : cancelCountdown(next);
}

export function applyMove(room: RoomRecord, game: AnyGameDefinition, playerId: string, move: GameMove): RoomRecord {
  const seat = seatOf(room, playerId);
  if (room.phase !== "playing") {
    throw new LobbyError(ErrorCode.GameNotRunning, "The game is not running.");
  }
  if (move.mode !== room.mode) {
    throw new LobbyError(ErrorCode.WrongGame, `This room plays ${game.mode.name}.`);
  }
  const refusal = game.validateMove(room.game, seat, move);
  if (refusal) throw new LobbyError(refusal.code, refusal.message);
  return settle(bump({ ...room, game: game.applyMove(room.game, seat, move) }), game);
}

/** One tick of a real-time game. */
export function tickGame(room: RoomRecord, game: AnyGameDefinition): RoomRecord {
  if (room.phase !== "playing" || !game.tick) return room;
  return settle(bump({ ...room, game: game.tick(room.game) }), game);
}

/** The connection of a seated player dropped during a game: keep the seat until `graceEndsAt`. */
export function markDisconnected(room: RoomRecord, playerId: string, graceEndsAt: number): RoomRecord {
  const seat = seatOf(room, playerId);
  return bump(updateSeat(room, seat, { status: "disconnected", graceEndsAt, wantsRematch: false }));
}

/** A disconnected seat's player is back. */
export function markReconnected(room: RoomRecord, playerId: string): RoomRecord {
  const seat = seatOf(room, playerId);
  return bump(updateSeat(room, seat, { status: "connected", graceEndsAt: null }));
}

/** The grace period of a disconnected seat ran out. No-op if it came back or is gone. */
export function forfeitIfStillAway(room: RoomRecord, game: AnyGameDefinition, playerId: string): RoomRecord {
  const seat = room.seats.findIndex((s) => s.playerId === playerId);
  if (room.seats[seat]?.status !== "disconnected") return room;
  return loseSeat(room, game, seat, "forfeit");
}

/** A seated player leaves a running or finished game for good. */
export function leaveGame(room: RoomRecord, game: AnyGameDefinition, playerId: string): RoomRecord {
  return loseSeat(room, game, seatOf(room, playerId), "left");
}

/** A seated player asks to play again; once every remaining seat has, the next round counts down. */
export function requestRematch(
  room: RoomRecord,
  game: AnyGameDefinition,
  playerId: string,
  countdownEndsAt: number,
): RoomRecord {
  const seat = seatOf(room, playerId);
  if (room.phase !== "finished") {
    throw new LobbyError(ErrorCode.RematchUnavailable, "The game is still running.");
  }
  if (room.seats.filter((s) => s.status !== "left").length < game.mode.minPlayers) {
    throw new LobbyError(ErrorCode.RematchUnavailable, "Not enough players are left for another game.");
  }
  const next = bump(updateSeat(room, seat, { wantsRematch: true }));
  return rematchIfAgreed(next, game, countdownEndsAt);
}

/** Start the next round's countdown once every present seat asked and there are enough of them. */
export function rematchIfAgreed(room: RoomRecord, game: AnyGameDefinition, countdownEndsAt: number): RoomRecord {
  const present = room.seats.filter((s) => s.status !== "left");
  if (room.phase !== "finished" || present.length < game.mode.minPlayers) return room;
  if (!present.every((s) => s.status === "connected" && s.wantsRematch)) return room;
  return beginCountdown(
    { ...room, seats: present.map((s) => ({ ...s, ready: true, wantsRematch: false })) },
    countdownEndsAt,
  );
}

export function updateSettings(
  room: RoomRecord,
  game: AnyGameDefinition,
  hostId: string,
  settings: { maxPlayers?: number | undefined; visibility?: Visibility | undefined },
): RoomRecord {
  assertHost(room, hostId);
  assertBeforeStart(room);
  const maxPlayers = settings.maxPlayers ?? room.maxPlayers;
  if (maxPlayers < game.mode.minPlayers || maxPlayers > game.mode.maxPlayers) {
    throw new LobbyError(
      ErrorCode.InvalidSettings,
      `${game.mode.name} rooms have ${game.mode.minPlayers}–${game.mode.maxPlayers} seats.`,
    );
  }
  if (maxPlayers < room.seats.length) {
    throw new LobbyError(ErrorCode.InvalidSettings, `${room.seats.length} players are already seated.`);
  }
  return bump({ ...room, maxPlayers, visibility: settings.visibility ?? room.visibility });
}

/** True once no player is left in the room: it must then be destroyed. */
export function isAbandoned(room: RoomRecord): boolean {
  return room.seats.every((s) => s.status === "left");
}

/** The host, or the longest-seated present player once the host is gone (quick rooms have none). */
function passHost(room: RoomRecord): RoomRecord {
  if (room.kind === "quick") return room;
  if (room.seats.some((s) => s.playerId === room.hostId && s.status !== "left")) return room;
  return { ...room, hostId: room.seats.find((s) => s.status !== "left")?.playerId ?? null };
}

function loseSeat(room: RoomRecord, game: AnyGameDefinition, seat: number, reason: "forfeit" | "left"): RoomRecord {
  let next = passHost(updateSeat(room, seat, { status: "left", graceEndsAt: null, wantsRematch: false }));
  next = bump(next);
  if (room.phase !== "playing") return next;
  if (game.removeSeat) return settle({ ...next, game: game.removeSeat(next.game, seat) }, game, reason);
  const winners = next.seats.flatMap((s, i) => (s.status === "left" ? [] : [i]));
  return finish(next, { kind: "win", winners, reason });
}

/** Finish the game if the rules say it is over. */
function settle(room: RoomRecord, game: AnyGameDefinition, reason: "rules" | "forfeit" | "left" = "rules"): RoomRecord {
  const outcome = game.outcome(room.game);
  return outcome ? finish(room, toResult(outcome, reason)) : room;
}

function toResult(outcome: Outcome, reason: "rules" | "forfeit" | "left"): MatchResult {
  return outcome.kind === "draw" ? { kind: "draw" } : { kind: "win", winners: outcome.winners, reason };
}

function finish(room: RoomRecord, result: MatchResult): RoomRecord {
  return scored({ ...room, phase: "finished", result }, result);
}

function updateSeat(room: RoomRecord, seat: number, patch: Partial<SeatRecord>): RoomRecord {
  return { ...room, seats: room.seats.map((s, i) => (i === seat ? { ...s, ...patch } : s)) };
}

function bump(room: RoomRecord): RoomRecord {
  return { ...room, version: room.version + 1 };
}
