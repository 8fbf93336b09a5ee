import { ErrorCode, PlayerName, type RoomView } from "@lobby/contracts";
import {
  ClientErrorCode,
  createLobbyClient,
  type LobbyClient,
  type LobbyClientOptions,
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
  type LobbyState,
  type SessionLoss,
  type ToastKind,
} from "./lobby-state";
import * as nameStorage from "./name-storage";
import { applyRoomList, applyRoomRemove, applyRoomUpsert, clearRoomList } from "./room-list";
import { showToast, update, useLobbyStore } from "./store";

/*
 * The one place that owns the server connection. It holds the LobbyClient,
 * turns its events and acks into store transitions, and exports the session,
 * room-browser and chat actions; room and game actions live in
 * room-actions.ts on top of `request`. Components never see the client.
 *
 * `createLobbyConnection` builds one from what it depends on, so tests can
 * drive it with a fake client and a plain store; the app uses the one
 * instance this module exports.
 */

/** The part of the SDK this module (and room-actions.ts, through `request`) uses. */
export type ConnectionClient = Pick<
  LobbyClient,
  // The connection itself.
  | "connect"
  | "disconnect"
  | "connected"
  | "rttMs"
  | "onConnectionState"
  | "onConnectError"
  | "on"
  // Requests: the room browser's here, the rest from room-actions.ts through `request`.
  | "quickMatch"
  | "cancelQueue"
  | "move"
  | "createRoom"
  | "joinRoom"
  | "watchRoom"
  | "setReady"
  | "startGame"
  | "updateSettings"
  | "kick"
  | "subscribeRooms"
  | "unsubscribeRooms"
  | "sendChat"
  | "rematch"
  | "leaveRoom"
>;

/** Where the connection writes: the app state and its toasts. */
export interface ConnectionStore {
  getState: () => LobbyState;
  update: (transition: (state: LobbyState) => LobbyState) => void;
  showToast: (kind: ToastKind, message: string) => void;
}

/** Where the name and this tab's session token are kept between page loads. */
export type SessionMemory = Pick<
  typeof nameStorage,
  "rememberName" | "loadSavedSession" | "loadSessionToken" | "rememberSessionToken" | "forgetSessionToken"
>;

export interface LobbyConnectionDeps {
  createClient: (options: Pick<LobbyClientOptions, "name" | "token">) => ConnectionClient;
  store: ConnectionStore;
  memory: SessionMemory;
  /** Local time, to measure the server clock's offset when a session arrives. */
  now: () => number;
}

export interface RequestOptions {
  /** Refusals that are routine here and need no toast. */
  quiet?: (error: RequestError) => boolean;
}

/** What the app can ask of the connection. Plain functions, so they can be passed around unbound. */
export interface LobbyConnection {
  /** Connect under `rawName`; errors land in `nameError` for the name screen. */
  joinLobby: (rawName: string) => void;
  /** On start-up: a reload of a tab that was signed in carries on with the same session. */
  resumeSavedSession: () => void;
  /** The player is editing the name: an old complaint no longer applies. */
  clearNameError: () => void;
  /** Give up on a handshake that is still retrying. */
  cancelJoin: () => void;
  /** Leave the lobby and go back to the name screen. */
  changeName: () => void;
  /**
   * Send a request on the current client. Resolves with the result (a refusal
   * has already been shown as a toast unless `quiet` says otherwise), or null
   * when there is no client or the answer belongs to a replaced one.
   */
  request: <T>(
    send: (c: ConnectionClient) => Promise<RequestResult<T>>,
    options?: RequestOptions,
  ) => Promise<RequestResult<T> | null>;
  /** The lobby screen is showing: keep the public room list current. */
  openRoomBrowser: () => void;
  /** The lobby screen is gone: stop the pushes and drop the list. */
  closeRoomBrowser: () => void;
  /**
   * Take a seat by invite code. From a shared link, a game that has already
   * started is watched instead, since that is the closest thing to what the
   * link promised. Resolves true once in the room.
   */
  enterByCode: (code: string, fromLink?: boolean, resumed?: boolean) => Promise<boolean>;
  /** A create/join ack: the room we now sit in. */
  enteredRoom: (view: RoomView) => void;
  /** Send a chat line; resolves true when the server accepted it (so the input can clear). */
  sendChat: (scope: "room" | "lobby", text: string) => Promise<boolean>;
  /** Our own last measured round trip, for the roster before the room reports it. */
  ownRttMs: () => number | null;
}

export const KICKED_MESSAGE = "You were removed from the room by the host.";
export const REPLACED_MESSAGE = "You opened Lobby in another tab, so this one stopped. Press Play to continue here.";
export const DISCONNECTED_MESSAGE = "You were disconnected from the server. Press Play to come back.";

export function createLobbyConnection({ createClient, store, memory, now }: LobbyConnectionDeps): LobbyConnection {
  const { update, showToast } = store;
  let client: ConnectionClient | null = null;
  let unsubscribe: (() => void)[] = [];
  /** The room browser is on screen, and which of its subscribe answers is the latest wanted. */
  let browserWanted = false;
  let browserGeneration = 0;

  function joinLobby(rawName: string): void {
    const parsed = PlayerName.safeParse(rawName);
    if (!parsed.success) {
      const nameError = parsed.error.issues[0]?.message ?? "That name can't be used.";
      update((s) => ({ ...s, nameError: `${nameError}.` }));
      return;
    }
    const name = parsed.data;
    memory.rememberName(name);
    closeClient();

    // A reload in the same tab resumes the session: same player, same seat.
    const token = memory.loadSessionToken(name);
    const next = createClient(token ? { name, token } : { name });
    client = next;
    unsubscribe = subscribe(next);
    update((s) => ({ ...s, joining: true, nameError: null }));
    next.connect().catch((error: unknown) => {
      if (client !== next) return;
      closeClient();
      update((s) => signedOut(s, describeHandshakeError(error)));
    });
  }

  function resumeSavedSession(): void {
    const saved = memory.loadSavedSession();
    if (saved) joinLobby(saved.name);
  }

  function clearNameError(): void {
    if (store.getState().nameError) update((s) => ({ ...s, nameError: null }));
  }

  function cancelJoin(): void {
    closeClient();
    update((s) => signedOut(s, null));
  }

  function changeName(): void {
    memory.forgetSessionToken();
    closeClient();
    update((s) => signedOut(s, null));
  }

  async function request<T>(
    send: (c: ConnectionClient) => Promise<RequestResult<T>>,
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

  // ----------------------------------------------------------- room browser

  function openRoomBrowser(): void {
    browserWanted = true;
    void subscribeRoomBrowser();
  }

  function closeRoomBrowser(): void {
    browserWanted = false;
    browserGeneration++;
    update(clearRoomList);
    if (client?.connected) void client.unsubscribeRooms();
  }

  async function subscribeRoomBrowser(): Promise<void> {
    const generation = ++browserGeneration;
    const current = client;
    // Not connected yet: session:ready subscribes once the connection is back.
    if (!current?.connected) return;
    const result = await current.subscribeRooms();
    // A newer subscribe, a closed browser or another client has made this answer stale.
    if (generation !== browserGeneration || client !== current || !browserWanted) return;
    if (result.ok) update((s) => applyRoomList(s, result.data.rooms));
    else if (result.error.code !== ClientErrorCode.NotConnected) showToast("error", describeError(result.error));
  }

  // -------------------------------------------------------- joining by code

  async function enterByCode(code: string, fromLink = false, resumed = false): Promise<boolean> {
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

  function enteredRoom(view: RoomView): void {
    update((s) => applyRoomState(s, view));
  }

  async function joinPendingRoom(resumed: boolean): Promise<void> {
    const code = store.getState().pendingJoin;
    if (!code) return;
    await enterByCode(code, true, resumed);
    update((s) => setPendingJoin(s, null));
  }

  async function sendChat(scope: "room" | "lobby", text: string): Promise<boolean> {
    const result = await request((c) => c.sendChat(scope, text));
    return result?.ok ?? false;
  }

  // ------------------------------------------------------------------ events

  function subscribe(c: ConnectionClient): (() => void)[] {
    // Events a replaced client still delivers belong to a dead session.
    const live = () => client === c;
    return [
      c.onConnectionState((connection) => {
        if (!live()) return;
        const { session } = store.getState();
        if (connection === "replaced") {
          // The same session went on in another tab; this one must stop.
          closeClient();
          update((s) => signedOut(s, REPLACED_MESSAGE));
          return;
        }
        if (connection === "disconnected" && session) {
          // Final: the server closed us or refused the name on reconnect.
          closeClient();
          update((s) => signedOut(s, DISCONNECTED_MESSAGE));
          return;
        }
        update((s) => applyConnection(s, connection));
      }),
      c.onConnectError((refusal) => {
        if (live()) update((s) => applyConnectError(s, refusal?.code ?? null));
      }),
      c.on("session:ready", (session) => {
        if (!live()) return;
        const { state, lost } = applySession(store.getState(), session, now());
        update(() => state);
        memory.rememberSessionToken(session.player.name, session.token);
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
        const { state, wasHere } = applyKicked(store.getState(), roomId);
        update(() => state);
        // The server says why: the host's kick, or a watched room closing.
        if (wasHere) showToast("error", reason || KICKED_MESSAGE);
      }),
      c.on("room:latency", ({ roomId, rttMs }) => {
        if (!live()) return;
        // Our own figure may not have been reported yet; the client measured it anyway.
        const me = store.getState().session?.player.id;
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

  return {
    joinLobby,
    resumeSavedSession,
    clearNameError,
    cancelJoin,
    changeName,
    request,
    openRoomBrowser,
    closeRoomBrowser,
    enterByCode,
    enteredRoom,
    sendChat,
    ownRttMs: () => client?.rttMs ?? null,
  };
}

/** The app's connection: the real SDK, the app store and the browser's storage. */
export const {
  joinLobby,
  resumeSavedSession,
  clearNameError,
  cancelJoin,
  changeName,
  request,
  openRoomBrowser,
  closeRoomBrowser,
  enterByCode,
  enteredRoom,
  sendChat,
  ownRttMs,
} = createLobbyConnection({
  createClient: createLobbyClient,
  store: { getState: () => useLobbyStore.getState(), update, showToast },
  memory: nameStorage,
  now: () => Date.now(),
});
