import type { LobbyStats, QueueStatus, RoomView, Session } from "@lobby/contracts";
import type { ConnectionState } from "@lobby/client";

/*
 * The app state and its pure transitions. The connection module feeds server
 * events and acks through these; keeping them free of sockets, timers and
 * React makes the ordering rules testable on their own.
 */

export type ToastKind = "error" | "info";

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
}

export interface LobbyState {
  connection: ConnectionState;
  /** A handshake is in flight from the name screen. */
  joining: boolean;
  /** Why the name screen could not get in, in plain words. */
  nameError: string | null;
  session: Session | null;
  /** Server clock minus local clock, so server timestamps can be shown as local durations. */
  clockOffsetMs: number;
  stats: LobbyStats | null;
  queue: QueueStatus;
  room: RoomView | null;
  /** Rooms we left: a late push for one of them must not pull us back in. */
  leftRoomIds: readonly string[];
  toasts: readonly Toast[];
}

export const MAX_TOASTS = 3;

export const initialState: LobbyState = {
  connection: "idle",
  joining: false,
  nameError: null,
  session: null,
  clockOffsetMs: 0,
  stats: null,
  queue: { state: "idle" },
  room: null,
  leftRoomIds: [],
  toasts: [],
};

/** What was lost when a reconnect replaced the session; null if this was the first session. */
export type SessionLoss = "room" | "queue" | "nothing" | null;

export function applySession(
  state: LobbyState,
  session: Session,
  receivedAt: number,
): { state: LobbyState; lost: SessionLoss } {
  // A second session:ready means socket.io reconnected under a new player id:
  // the server no longer knows our old seat or queue entry.
  const lost: SessionLoss = !state.session
    ? null
    : state.room
      ? "room"
      : state.queue.state !== "idle"
        ? "queue"
        : "nothing";
  return {
    state: {
      ...state,
      session,
      joining: false,
      nameError: null,
      clockOffsetMs: session.serverTime - receivedAt,
      queue: { state: "idle" },
      room: null,
    },
    lost,
  };
}

export function applyStats(state: LobbyState, stats: LobbyStats): LobbyState {
  return { ...state, stats };
}

/** A queue status from a push or from the queue:join / queue:leave ack. */
export function applyQueueStatus(state: LobbyState, status: QueueStatus): LobbyState {
  // Once seated, an older "queued" (or "idle") answer is stale; leaving the
  // room resets the queue explicitly.
  if (state.room && (status.state !== "matched" || status.roomId === state.room.id)) return state;
  if (status.state === "queued" && state.queue.state === "matched") return state;
  if (status.state === "matched" && state.leftRoomIds.includes(status.roomId)) return state;
  return { ...state, queue: status };
}

export function mySeat(room: RoomView, playerId: string) {
  return room.seats.find((seat) => seat.player.id === playerId) ?? null;
}

export function applyRoomState(state: LobbyState, view: RoomView): LobbyState {
  if (!state.session) return state;
  if (state.leftRoomIds.includes(view.id)) return state;
  const seat = mySeat(view, state.session.player.id);
  if (!seat || seat.status === "left") return state;
  if (state.room && state.room.id === view.id && view.version < state.room.version) return state;
  return { ...state, room: view, queue: { state: "idle" } };
}

/** `leaveRoom()` succeeded (or the server says we are not in it any more). */
export function applyLeftRoom(state: LobbyState, roomId: string): LobbyState {
  const leftRoomIds = state.leftRoomIds.includes(roomId)
    ? state.leftRoomIds
    : [...state.leftRoomIds, roomId];
  const room = state.room?.id === roomId ? null : state.room;
  return { ...state, room, leftRoomIds, queue: { state: "idle" } };
}

export function addToast(state: LobbyState, toast: Toast): LobbyState {
  // Oldest first, capped, so a burst of refusals cannot bury the screen.
  return { ...state, toasts: [...state.toasts, toast].slice(-MAX_TOASTS) };
}

export function removeToast(state: LobbyState, id: number): LobbyState {
  if (!state.toasts.some((t) => t.id === id)) return state;
  return { ...state, toasts: state.toasts.filter((t) => t.id !== id) };
}

/** Back to the name screen, keeping only what outlives a session. */
export function signedOut(state: LobbyState, nameError: string | null): LobbyState {
  return {
    ...initialState,
    connection: "idle",
    nameError,
    toasts: state.toasts,
    leftRoomIds: state.leftRoomIds,
  };
}
