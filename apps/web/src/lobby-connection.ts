import { ErrorCode, PlayerName, type RoomView } from "@lobby/contracts";
import {
  ClientErrorCode,
  createLobbyClient,
  handshakeRefusal,
  type LobbyClient,
  type RequestResult,
} from "@lobby/client";
import { applyChatHistory, applyChatMessage } from "./chat-state";
import { describeError, describeHandshakeError, type RequestError } from "./errors";
import {
  applyConnectError,
  applyConnection,
  applyKicked,
  applyLatency,
  applyQueueStatus,
  applyRoomState,
  applySession,
  applyStats,
  applyWatching,
  setPendingJoin,
  signedOut,
  type SessionLoss,
} from "./lobby-state";
import {
  forgetSessionToken,
  loadSavedSession,
  loadSessionToken,
  rememberName,
  rememberSessionToken,
} from "./name-storage";
import { applyRoomList, applyRoomRemove, applyRoomUpsert, clearRoomList } from "./room-list";
import { showToast, update, useLobbyStore } from "./store";

/*
 * The one place that owns the server connection. It holds the LobbyClient,
 * turns its events and acks into store transitions, and exports the session,
 * room-browser and chat actions; room and game actions live in
 * room-actions.ts on top of `request`. Components never see the socket.
 */

let client: LobbyClient | null = null;
let unsubscribe: (() => void)[] = [];

export const KICKED_MESSAGE = "You were removed from the room by the host.";

/** Connect under `rawName`; errors land in `nameError` for the name screen. */
export function joinLobby(rawName: string): void {
  const parsed = PlayerName.safeParse(rawName);
  if (!parsed.success) {
    const nameError = parsed.error.issues[0]?.message ?? "That name can't be used.";
    update((s) => ({ ...s, nameError: `${nameError}.` }));
    return;
  }
  const name = parsed.data;
  rememberName(name);
  closeClient();

  // A reload in the same tab resumes the session: same player, same seat.
  const token = loadSessionToken(name);
  const next = createLobbyClient(token ? { name, token } : { name });
  client = next;
  unsubscribe = subscribe(next);
  update((s) => ({ ...s, joining: true, nameError: null }));
  next.connect().catch((error: unknown) => {
    if (client !== next) return;
    closeClient();
    update((s) => signedOut(s, describeHandshakeError(error)));
  });
}

/** On start-up: a reload of a tab that was signed in carries on with the same session. */
export function resumeSavedSession(): void {
  const saved = loadSavedSession();
  if (saved) joinLobby(saved.name);
}

/** The player is editing the name: an old complaint no longer applies. */
export function clearNameError(): void {
  if (useLobbyStore.getState().nameError) update((s) => ({ ...s, nameError: null }));
}

/** Give up on a handshake that is still retrying. */
export function cancelJoin(): void {
  closeClient();
  update((s) => signedOut(s, null));
}

/** Leave the lobby and go back to the name screen. */
export function changeName(): void {
  forgetSessionToken();
  closeClient();
  update((s) => signedOut(s, null));
}

export interface RequestOptions {
  /** Refusals that are routine here and need no toast. */
  quiet?: (error: RequestError) => boolean;
}

/**
 * Send a request on the current client. Resolves with the result (a refusal
 * has already been shown as a toast unless `quiet` says otherwise), or null
 * when there is no client or the answer belongs to a replaced one.
 */
export async function request<T>(
  send: (c: LobbyClient) => Promise<RequestResult<T>>,
  options: RequestOptions = {},
): Promise<RequestResult<T> | null> {
  const current = client;
  if (!current) {
    showToast("error", describeError({ code: ClientErrorCode.NotConnected, message: "" }));
    return null;
  }
  const result = await send(current);
  // An answer for a client we have since replaced belongs to a dead session.
  if (client !== current) return null;
  if (!result.ok && !options.quiet?.(result.error)) showToast("error", describeError(result.error));
  return result;
}

// ------------------------------------------------------------- room browser

let browserWanted = false;
let browserGeneration = 0;

/** The lobby screen is showing: keep the public room list current. */
export function openRoomBrowser(): void {
  browserWanted = true;
  void subscribeRoomBrowser();
}

/** The lobby screen is gone: stop the pushes and drop the list. */
export function closeRoomBrowser(): void {
  browserWanted = false;
  browserGeneration++;
  update(clearRoomList);
  if (client?.socket.connected) void client.unsubscribeRooms();
}

async function subscribeRoomBrowser(): Promise<void> {
  const generation = ++browserGeneration;
  const current = client;
  // Not connected yet: session:ready subscribes once the connection is back.
  if (!current?.socket.connected) return;
  const result = await current.subscribeRooms();
  if (generation !== browserGeneration || client !== current || !browserWanted) return;
  if (result.ok) update((s) => applyRoomList(s, result.data.rooms));
  else if (result.error.code !== ClientErrorCode.NotConnected) showToast("error", describeError(result.error));
}

// --------------------------------------------------------- joining by code

/**
 * Take a seat by invite code. From a shared link, a game that has already
 * started is watched instead, since that is the closest thing to what the
 * link promised. Resolves true once in the room.
 */
export async function enterByCode(code: string, fromLink = false, resumed = false): Promise<boolean> {
  const joined = await request((c) => c.joinRoom(code), {
    quiet: (error) =>
      (fromLink && error.code === ErrorCode.RoomInPlay) ||
      // A reload of /r/CODE that resumed the session is already back in its seat.
      (resumed && error.code === ErrorCode.AlreadySeated),
  });
  if (!joined) return false;
  if (joined.ok) {
    enteredRoom(joined.data);
    return true;
  }
  if (!fromLink || joined.error.code !== ErrorCode.RoomInPlay) return false;
  const watched = await request((c) => c.watchRoom(code));
  if (!watched?.ok) return false;
  update((s) => applyWatching(s, watched.data));
  showToast("info", `The game in room ${code} has already started, so you're watching it.`);
  return true;
}

/** A create/join ack: the room we now sit in. */
export function enteredRoom(view: RoomView): void {
  update((s) => applyRoomState(s, view));
}

async function joinPendingRoom(resumed: boolean): Promise<void> {
  const code = useLobbyStore.getState().pendingJoin;
  if (!code) return;
  await enterByCode(code, true, resumed);
  update((s) => setPendingJoin(s, null));
}

// --------------------------------------------------------------------- chat

/** Send a chat line; resolves true when the server accepted it (so the input can clear). */
export async function sendChat(scope: "room" | "lobby", text: string): Promise<boolean> {
  const result = await request((c) => c.sendChat(scope, text));
  return result?.ok ?? false;
}

// ------------------------------------------------------------------- events

function subscribe(c: LobbyClient): (() => void)[] {
  const live = () => client === c;
  return [
    c.onConnectionState((connection) => {
      if (!live()) return;
      const { session } = useLobbyStore.getState();
      if (connection === "replaced") {
        // The same session went on in another tab; this one must stop.
        closeClient();
        update((s) => signedOut(s, "You opened Lobby in another tab, so this one stopped. Press Play to continue here."));
        return;
      }
      if (connection === "disconnected" && session) {
        // Final: the server closed us or refused the name on reconnect.
        closeClient();
        update((s) => signedOut(s, "You were disconnected from the server. Press Play to come back."));
        return;
      }
      update((s) => applyConnection(s, connection));
    }),
    onConnectError(c, (code) => {
      if (live()) update((s) => applyConnectError(s, code));
    }),
    c.on("session:ready", (session) => {
      if (!live()) return;
      const { state, lost } = applySession(useLobbyStore.getState(), session, Date.now());
      update(() => state);
      rememberSessionToken(session.player.name, session.token);
      announceReconnect(lost);
      if (browserWanted) void subscribeRoomBrowser();
      void joinPendingRoom(session.resumed);
    }),
    c.on("lobby:stats", (stats) => {
      if (live()) update((s) => applyStats(s, stats));
    }),
    c.on("queue:status", (status) => {
      if (live()) update((s) => applyQueueStatus(s, status));
    }),
    c.on("room:state", (view) => {
      if (live()) update((s) => applyRoomState(s, view));
    }),
    c.on("room:kicked", ({ roomId, reason }) => {
      if (!live()) return;
      const { state, wasHere } = applyKicked(useLobbyStore.getState(), roomId);
      update(() => state);
      // The server says why: the host's kick, or a watched room closing.
      if (wasHere) showToast("error", reason || KICKED_MESSAGE);
    }),
    c.on("room:latency", ({ roomId, rttMs }) => {
      if (!live()) return;
      // Our own figure may not have been reported yet; the client measured it anyway.
      const me = useLobbyStore.getState().session?.player.id;
      const own = c.rttMs;
      const withMine = me && rttMs[me] === undefined && own !== null ? { ...rttMs, [me]: own } : rttMs;
      update((s) => applyLatency(s, { roomId, rttMs: withMine }));
    }),
    c.on("rooms:upsert", (summary) => {
      if (live()) update((s) => applyRoomUpsert(s, summary));
    }),
    c.on("rooms:remove", ({ roomId }) => {
      if (live()) update((s) => applyRoomRemove(s, roomId));
    }),
    c.on("chat:message", (message) => {
      if (live()) update((s) => applyChatMessage(s, message));
    }),
    c.on("chat:history", (history) => {
      if (live()) update((s) => applyChatHistory(s, history));
    }),
  ];
}

/** Listen for refused or failed handshakes, with the server's refusal code if it gave one. */
function onConnectError(c: LobbyClient, listener: (code: string | null) => void): () => void {
  const handler = (error: Error) => listener(handshakeRefusal(error)?.code ?? null);
  c.socket.on("connect_error", handler);
  return () => {
    c.socket.off("connect_error", handler);
  };
}

function announceReconnect(lost: SessionLoss): void {
  if (lost === null) return;
  const message =
    lost === "room"
      ? "You were disconnected and lost your seat in the room. You're back in the lobby."
      : lost === "queue"
        ? "You were disconnected and dropped out of the queue. Press Quick match to search again."
        : "You're back online.";
  showToast("info", message);
}

function closeClient(): void {
  // Unsubscribe first so our own disconnect is not mistaken for the server dropping us.
  for (const stop of unsubscribe) stop();
  unsubscribe = [];
  client?.disconnect();
  client = null;
}

/** Our own last measured round trip, for the roster before the room reports it. */
export function ownRttMs(): number | null {
  return client?.rttMs ?? null;
}
