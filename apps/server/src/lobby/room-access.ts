import { ErrorCode } from "@lobby/contracts";
import { LobbyError } from "./lobby-error";
import { assertBeforeStart, assertHost, removeSeatBeforeStart } from "./match-room";
import type { RoomRecord } from "./records";

/*
 * Who may come into a room: the host's kicks (by player, and by the address
 * a kicked player came from), and the rules for joining and watching. Pure,
 * like the room's other transitions in match-room.ts.
 */

/** The most kicked addresses a room remembers (a host can kick only so many before the start). */
const MAX_KICKED_ADDRESSES = 64;

/** Who a player is, as far as kicks go: their id, and the address and time their session started from. */
export interface Identity {
  id: string;
  address: string;
  connectedAt: number;
}

/** Whether the host removed this player: by id, or as a session started after a kick from the kicked player's address. */
export function wasKicked(room: RoomRecord, player: Identity): boolean {
  if (room.kicked.includes(player.id)) return true;
  return (
    player.address !== "" &&
    room.kickedAddresses.some((k) => k.address === player.address && player.connectedAt >= k.at)
  );
}

/** Whether a player may take a seat by code now. */
export function assertJoinable(room: RoomRecord, player: Identity): void {
  if (wasKicked(room, player)) {
    throw new LobbyError(ErrorCode.Kicked, "The host removed you from this room.");
  }
  if (room.phase === "playing" || room.phase === "finished") {
    throw new LobbyError(ErrorCode.RoomInPlay, "That room's game has already started — you can watch it instead.");
  }
  if (room.seats.length >= room.maxPlayers) {
    throw new LobbyError(ErrorCode.RoomFull, "That room is full.");
  }
}

/**
 * Remove a seated player for the room's life. With `from` (their address
 * key, "" if unknown, and the time), new sessions from that address are kept out too.
 */
export function kickSeat(
  room: RoomRecord,
  hostId: string,
  targetId: string,
  from: { address: string; at: number } = { address: "", at: 0 },
): RoomRecord {
  assertHost(room, hostId);
  assertBeforeStart(room);
  if (targetId === hostId || !room.seats.some((s) => s.playerId === targetId)) {
    throw new LobbyError(ErrorCode.PlayerNotFound, "That player is not in your room.");
  }
  const next = removeSeatBeforeStart(room, targetId, true);
  // The first kick from an address holds: sessions started there since then stay out.
  if (from.address === "" || next.kickedAddresses.some((k) => k.address === from.address)) return next;
  return { ...next, kickedAddresses: [...next.kickedAddresses, from].slice(-MAX_KICKED_ADDRESSES) };
}

/**
 * Whether a player may watch: never after being kicked, and a private room
 * only once its game has started (before that, its roster, chat and code
 * stay among the players the host invited).
 */
export function assertWatchable(room: RoomRecord, player: Identity): void {
  if (wasKicked(room, player)) {
    throw new LobbyError(ErrorCode.Kicked, "The host removed you from this room.");
  }
  if (room.visibility === "private" && (room.phase === "waiting" || room.phase === "countdown")) {
    throw new LobbyError(ErrorCode.RoomNotWatchable, "That private room hasn't started yet — ask to join it instead.");
  }
}
