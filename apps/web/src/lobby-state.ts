import {
  ErrorCode,
  type ChatMessage,
  type Leaderboard,
  type LobbyStats,
  type ModeId,
  type PartyView,
  type Profile,
  type QueueStatus,
  type RejoinOffer,
  type RoomSummary,
  type RoomView,
  type Session,
} from "@lobby/contracts";
import type { ConnectionState } from "@lobby/client";
import type { RoomLatency } from "./latency-state";
import type { Notice } from "./notice-state";

/*
 * The app state and its pure transitions. The connection module feeds server
 * events and acks through these; keeping them free of sockets, timers and
 * React makes the ordering rules testable on their own. Room-browser, chat,
 * party, profile and leaderboard transitions live next door (room-list.ts,
 * chat-state.ts, party-state.ts, profile-state.ts, leaderboard-state.ts).
 */

export type ToastKind = "error" | "info";

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
}

export interface RoomChat {
  roomId: string;
  messages: readonly ChatMessage[];
}

/** The party's chat, and how far its reader has read it (the newest line's time when its tab was last open). */
export interface PartyChat {
  code: string;
  messages: readonly ChatMessage[];
  seenAt: number;
}

export interface LobbyState {
  connection: ConnectionState;
  /** A handshake is in flight: from the name screen, or signing in again after a refused rejoin. */
  joining: boolean;
  /**
   * The name that handshake is under when the app signs a returning player in
   * by itself (a reload, or a remembered name and identity) rather than the
   * name form: the name screen shows a welcome back instead of the form.
   */
  autoSignIn: string | null;
  /** Why the name screen could not get in, in plain words. */
  nameError: string | null;
  /** The server turned the handshake away as too busy for now; the client tries again by itself. */
  serverBusy: boolean;
  /** Requests the server has not answered in time, which the SDK is still sending (their outcome is to come). */
  delayedRequests: number;
  session: Session | null;
  /** Server clock minus local clock, so server timestamps can be shown as local durations. */
  clockOffsetMs: number;
  stats: LobbyStats | null;
  queue: QueueStatus;
  /** The room we sit in or watch. */
  room: RoomView | null;
  /** The id of the room we watch as a spectator (then `room` is that room). */
  watchingRoomId: string | null;
  /**
   * Rooms we left or were removed from, with the last version we saw: an
   * older push must not pull us back in, a newer one seating us is a re-entry.
   */
  leftRooms: Readonly<Record<string, number>>;
  /** The public rooms while the room browser is subscribed; null otherwise. */
  rooms: readonly RoomSummary[] | null;
  lobbyChat: readonly ChatMessage[];
  roomChat: RoomChat | null;
  latency: RoomLatency | null;
  /** Our party, as last pushed (`party:state`); null when we are in none. */
  party: PartyView | null;
  /** Parties we left or were removed from, with the last version we saw: an older push must not put us back. */
  leftParties: Readonly<Record<string, number>>;
  partyChat: PartyChat | null;
  /**
   * A game (or queue place) this player left behind in another session, e.g.
   * a closed tab's: offered in the lobby until it is taken back, runs out
   * (`awayUntil`), or the player has gone on to another queue or room.
   */
  rejoinOffer: RejoinOffer | null;
  /** The player asked to take that game back; the handshake is in flight. */
  rejoining: boolean;
  /** A room code from a /r/CODE link, joined right after the next sign-in. */
  pendingJoin: string | null;
  /** A party code from a /p/CODE link, joined right after the next sign-in. */
  pendingParty: string | null;
  /** This device's profile (ratings and last games) as last fetched; null until then. */
  profile: Profile | null;
  /** Each mode's leaderboard as last fetched; a mode not fetched yet is missing. */
  leaderboards: Readonly<Partial<Record<ModeId, Leaderboard>>>;
  /**
   * The session was just resumed: the server is re-sending where we are. A
   * room that does not seat us then is one we were watching.
   */
  resyncing: boolean;
  /** The operators' latest announcement, until the player dismisses it (operator-state.ts). */
  announcement: Announcement | null;
  /** An admin ended this session (kicked or banned): the name screen says why instead of the form. */
  sessionClosed: SessionClosed | null;
  /** News the player must read before going on (notice-state.ts), shown in the page until dismissed. */
  notice: Notice | null;
  toasts: readonly Toast[];
}

/** An operator's word to every connected player (`lobby:announcement`). */
export interface Announcement {
  text: string;
  /** Server time it was sent. */
  at: number;
}

/** Why an admin ended the session, in the server's words (`session:closed`). */
export interface SessionClosed {
  reason: "kicked" | "banned";
  message: string;
}

/** Toasts on screen at once: more would cover what the player is doing (the chat, the board). */
export const MAX_TOASTS = 2;

export const initialState: LobbyState = {
  connection: "idle",
  joining: false,
  autoSignIn: null,
  nameError: null,
  serverBusy: false,
  delayedRequests: 0,
  session: null,
  clockOffsetMs: 0,
  stats: null,
  queue: { state: "idle" },
  room: null,
  watchingRoomId: null,
  leftRooms: {},
  rooms: null,
  lobbyChat: [],
  roomChat: null,
  latency: null,
  party: null,
  leftParties: {},
  partyChat: null,
  rejoinOffer: null,
  rejoining: false,
  pendingJoin: null,
  pendingParty: null,
  profile: null,
  leaderboards: {},
  resyncing: false,
  announcement: null,
  sessionClosed: null,
  notice: null,
  toasts: [],
};

/**
 * What was lost when a reconnect replaced the session: a seat in a running
 * game, a seat in a room (before or after its game), a queue place, or
 * nothing; null if this was the first session.
 */
export type SessionLoss = "game" | "room" | "queue" | "nothing" | null;

export function applySession(
  state: LobbyState,
  session: Session,
  receivedAt: number,
): { state: LobbyState; lost: SessionLoss } {
  const clockOffsetMs = session.serverTime - receivedAt;
  const sameSession = state.session !== null && session.resumed && session.player.id === state.session.player.id;
  // Whatever the session, the handshake is over and per-connection subscriptions are gone.
  const arrived: LobbyState = {
    ...state,
    session,
    joining: false,
    autoSignIn: null,
    nameError: null,
    serverBusy: false,
    clockOffsetMs,
    stats: session.stats,
    rooms: null,
    // A resumed session never carries an offer; after a dropped connection the one we had still stands.
    rejoinOffer: sameSession && !state.rejoining ? state.rejoinOffer : session.rejoin,
    rejoining: false,
  };
  // A resumed session keeps our id, queue place and seat; the server re-sends
  // them at once. Only the per-connection subscriptions (and a watch) are gone.
  if (sameSession) {
    return { state: { ...arrived, resyncing: true }, lost: "nothing" };
  }
  // Otherwise a second session:ready means socket.io reconnected under a new
  // player id: the server no longer knows our old seat, queue entry or subscriptions.
  const lost: SessionLoss = !state.session
    ? null
    : state.room && !state.watchingRoomId
      ? state.room.phase === "playing"
        ? "game"
        : "room"
      : state.queue.state !== "idle"
        ? "queue"
        : "nothing";
  return {
    state: {
      ...arrived,
      queue: { state: "idle" },
      room: null,
      watchingRoomId: null,
      roomChat: null,
      latency: null,
      // A new player: the server's party had the old one in it, not us.
      party: null,
      partyChat: null,
      resyncing: session.resumed,
    },
    lost,
  };
}

export function applyStats(state: LobbyState, stats: LobbyStats): LobbyState {
  return { ...state, stats };
}

/** A queue status from a push or from the queue:join / queue:leave ack. */
export function applyQueueStatus(state: LobbyState, status: QueueStatus): LobbyState {
  let settled = state.resyncing ? { ...state, resyncing: false } : state;
  // Searching from a finished game leaves it (our own "Find a new match", or our party leader's, which takes
  // us along); the server no longer tells someone who left about the room, so we leave it here.
  if (settled.room && searchedFromFinishedGame(settled, status)) settled = applyLeftRoom(settled, settled.room.id);
  // Otherwise, once in a room, an older "queued" (or "idle") answer is stale; leaving the
  // room resets the queue explicitly.
  if (settled.room && (status.state !== "matched" || status.roomId === settled.room.id)) return settled;
  if (status.state === "queued" && settled.queue.state === "matched") return settled;
  // Waiting for another game: the one left behind is no longer on offer.
  return { ...settled, queue: status, rejoinOffer: status.state === "idle" ? settled.rejoinOffer : null };
}

/** A search (or a match elsewhere) while seated in a finished game: only leaving the game for it explains that. */
function searchedFromFinishedGame(state: LobbyState, status: QueueStatus): boolean {
  const { room } = state;
  if (!room || state.watchingRoomId !== null || room.phase !== "finished") return false;
  return status.state === "queued" || (status.state === "matched" && status.roomId !== room.id);
}

export function mySeat(room: RoomView, playerId: string) {
  return room.seats.find((seat) => seat.player.id === playerId) ?? null;
}

/** A room:state push, or the room from a create/join ack. */
export function applyRoomState(state: LobbyState, view: RoomView): LobbyState {
  if (!state.session) return state;
  const leftAt = state.leftRooms[view.id];
  if (leftAt !== undefined && view.version <= leftAt) return state;
  if (state.room?.id === view.id && view.version < state.room.version) return state;
  const resync = state.resyncing;
  const base = resync ? { ...state, resyncing: false } : state;
  const seat = mySeat(view, state.session.player.id);

  // Seated (and not gone): our room. Taking a seat ends any watch.
  if (seat && seat.status !== "left") {
    if (base.room?.id === view.id && base.watchingRoomId === null) return { ...base, room: view };
    return enterRoom(base, view, null);
  }
  // The room we watch; or, right after a resume, the room the server says we were watching.
  if (base.watchingRoomId === view.id || (resync && !base.room)) {
    if (base.room?.id === view.id) return { ...base, room: view };
    return enterRoom(base, view, view.id);
  }
  return state;
}

/** The room:watch ack: we now follow `view` as a spectator. */
export function applyWatching(state: LobbyState, view: RoomView): LobbyState {
  if (!state.session) return state;
  if (state.room?.id === view.id && state.watchingRoomId === view.id) {
    return view.version < state.room.version ? state : { ...state, room: view };
  }
  return enterRoom(state, view, view.id);
}

function enterRoom(state: LobbyState, view: RoomView, watchingRoomId: string | null): LobbyState {
  const { [view.id]: _reentered, ...leftRooms } = state.leftRooms;
  return {
    ...state,
    room: view,
    watchingRoomId,
    leftRooms,
    queue: { state: "idle" },
    latency: state.latency?.roomId === view.id ? state.latency : null,
    // Room chat may have arrived just before the room itself; keep only that room's.
    roomChat: state.roomChat?.roomId === view.id ? state.roomChat : null,
    // In a room now, whether the one left behind or another: nothing more to offer.
    rejoinOffer: null,
    // Whatever the lobby's notice said, the player has moved on.
    notice: null,
  };
}

/** `leaveRoom()` succeeded (or the server says we are not in it any more). */
export function applyLeftRoom(state: LobbyState, roomId: string): LobbyState {
  const lastSeen = state.room?.id === roomId ? state.room.version : (state.leftRooms[roomId] ?? -1);
  const leftRooms = { ...state.leftRooms, [roomId]: lastSeen };
  if (state.room?.id !== roomId) return { ...state, leftRooms };
  return {
    ...state,
    room: null,
    watchingRoomId: null,
    leftRooms,
    queue: { state: "idle" },
    roomChat: null,
    latency: null,
  };
}

/** The host removed us (room:kicked). True when it concerned the room on screen. */
export function applyKicked(state: LobbyState, roomId: string): { state: LobbyState; wasHere: boolean } {
  return { state: applyLeftRoom(state, roomId), wasHere: state.room?.id === roomId };
}

/** The connection's state changed; being connected ends any wait on a busy server. */
export function applyConnection(state: LobbyState, connection: ConnectionState): LobbyState {
  return { ...state, connection, serverBusy: connection === "connected" ? false : state.serverBusy };
}

/** A handshake failed: refused as busy (`SERVER_BUSY`), refused otherwise, or a transport error (null). */
export function applyConnectError(state: LobbyState, refusalCode: string | null): LobbyState {
  return { ...state, serverBusy: refusalCode === ErrorCode.ServerBusy };
}

/** The player pressed "Rejoin your game". */
export function startRejoin(state: LobbyState): LobbyState {
  return state.rejoinOffer && !state.rejoining ? { ...state, rejoining: true } : state;
}

export function setPendingJoin(state: LobbyState, code: string | null): LobbyState {
  return state.pendingJoin === code ? state : { ...state, pendingJoin: code };
}

export function addToast(state: LobbyState, toast: Toast): LobbyState {
  // The same words already on screen say it: do not stack a copy (key mashing in a realtime game).
  if (state.toasts.some((t) => t.kind === toast.kind && t.message === toast.message)) return state;
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
    leftRooms: state.leftRooms,
    leftParties: state.leftParties,
    pendingJoin: state.pendingJoin,
    pendingParty: state.pendingParty,
    // Meant for everyone, signed in or not.
    announcement: state.announcement,
    // A broken link is news on the name screen too; what a session lost is not.
    notice: state.notice?.kind === "link" ? state.notice : null,
  };
}
