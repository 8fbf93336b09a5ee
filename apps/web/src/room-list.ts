import type { ModeId, RoomPhase, RoomSummary } from "@lobby/contracts";
import type { LobbyState } from "./lobby-state";

/*
 * The room browser: the list from rooms:subscribe kept current by
 * rooms:upsert / rooms:remove, and the pure helpers the list view renders with.
 */

/** The subscribe ack: the whole list, replacing whatever we had. */
export function applyRoomList(state: LobbyState, rooms: readonly RoomSummary[]): LobbyState {
  return { ...state, rooms: [...rooms] };
}

/** A room appeared or changed. Ignored while not subscribed (a late push after unsubscribing). */
export function applyRoomUpsert(state: LobbyState, summary: RoomSummary): LobbyState {
  if (!state.rooms) return state;
  const index = state.rooms.findIndex((room) => room.id === summary.id);
  if (index === -1) return { ...state, rooms: [...state.rooms, summary] };
  const rooms = [...state.rooms];
  rooms[index] = summary;
  return { ...state, rooms };
}

export function applyRoomRemove(state: LobbyState, roomId: string): LobbyState {
  if (!state.rooms?.some((room) => room.id === roomId)) return state;
  return { ...state, rooms: state.rooms.filter((room) => room.id !== roomId) };
}

/** Left the lobby screen (or lost the session): the list is no longer kept current. */
export function clearRoomList(state: LobbyState): LobbyState {
  return state.rooms === null ? state : { ...state, rooms: null };
}

export type RoomFilter = ModeId | "all";

/** What a row offers: a free seat to take, or (running, finished or full) a room to watch. */
export type RoomAction = "join" | "watch";

export function roomAction(room: RoomSummary): RoomAction {
  const open = room.phase === "waiting" || room.phase === "countdown";
  return open && room.players < room.maxPlayers ? "join" : "watch";
}

const PHASE_LABELS: Record<RoomPhase, string> = {
  waiting: "Waiting",
  countdown: "Starting",
  playing: "Playing",
  finished: "Finished",
};

export function phaseLabel(phase: RoomPhase): string {
  return PHASE_LABELS[phase];
}

/** Open rooms, then running games, then full or finished ones. */
function rank(room: RoomSummary): number {
  if (roomAction(room) === "join") return 0;
  return room.phase === "playing" ? 1 : 2;
}

/**
 * The rows to show: filtered by game, open rooms first (they are what most
 * people look for), then running games, then the rest; oldest first within
 * each group so a row does not jump when a newer room appears.
 */
export function visibleRooms(rooms: readonly RoomSummary[], filter: RoomFilter): RoomSummary[] {
  return rooms
    .filter((room) => filter === "all" || room.mode === filter)
    .sort((a, b) => rank(a) - rank(b) || a.createdAt - b.createdAt || a.code.localeCompare(b.code));
}
