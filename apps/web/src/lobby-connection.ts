import { ErrorCode, PlayerName, type ChatScope, type ModeId, type RoomView } from "@lobby/contracts";
import { ClientErrorCode, createLobbyClient, type RequestResult } from "@lobby/client";
import { subscribeRoomEvents } from "./client-events";
import type {
  ConnectionClient,
  EnterOutcome,
  LobbyConnection,
  LobbyConnectionDeps,
  RequestOptions,
} from "./connection-api";
import { describeError, describeHandshakeError } from "./errors";
import {
  applyConnectError,
  applyConnection,
  applyRoomState,
  applySession,
  applyWatching,
  setPendingJoin,
  signedOut,
  startRejoin,
} from "./lobby-state";
import { applyLeaderboard } from "./leaderboard-state";
import * as nameStorage from "./name-storage";
import { roomLinkNotice, showNotice } from "./notice-state";
import { createPartyConnection } from "./party-connection";
import { applySessionClosed } from "./operator-state";
import { applyProfile } from "./profile-state";
import { REJOIN_FAILED_MESSAGE, rejoinLostMessage } from "./rejoin-offer";
import { applyRoomList, clearRoomList } from "./room-list";
import { announceLoss, serverForgot, type Loss } from "./session-loss";
import { showToast, update, useLobbyStore } from "./store";

/*
 * The one place that owns the server connection. It holds the LobbyClient,
 * turns its events and acks into store transitions, and exports the session,
 * room-browser, chat, profile and leaderboard actions; party requests live in
 * party-connection.ts and room and game actions in room-actions.ts, both on
 * top of `request`. Components never see the client.
 * Its contract is connection-api.ts; the pushes that only update state are
 * subscribed in client-events.ts.
 *
 * `createLobbyConnection` builds one from what it depends on, so tests can
 * drive it with a fake client and a plain store; the app uses the one
 * instance this module exports, `lobbyConnection`.
 */

export const REPLACED_MESSAGE = "You opened Lobby in another tab, so this one stopped. Press Play to continue here.";
export const DISCONNECTED_MESSAGE = "You were disconnected from the server. Press Play to come back.";

export function createLobbyConnection({ createClient, store, memory, now }: LobbyConnectionDeps): LobbyConnection {
  const { update, showToast } = store;
  let client: ConnectionClient | null = null;
  let unsubscribe: (() => void)[] = [];
  /** Stops listening for an admin's word on why the last client's session ended (see `watchSessionClosed`). */
  let stopClosedWatch: () => void = () => undefined;
  /** The identity token the current client last presented: a session under another one means the server forgot us. */
  let presentedIdentity: string | undefined;
  /** The room browser is on screen, and which of its subscribe answers is the latest wanted. */
  let browserWanted = false;
  let browserGeneration = 0;

  function joinLobby(rawName: string): void {
    join(rawName, false);
  }

  /** Connect under `rawName`; `auto` when the app signs the player in rather than the name form. */
  function join(rawName: string, auto: boolean): void {
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
    // The device's identity lets the server know the player again, and offer what another tab left behind.
    const identity = memory.loadIdentity();
    presentedIdentity = identity;
    const next = createClient({ name, ...(token ? { token } : {}), ...(identity ? { identity } : {}) });
    client = next;
    unsubscribe = subscribe(next);
    update((s) => ({ ...s, joining: true, autoSignIn: auto ? name : null, nameError: null, sessionClosed: null }));
    next.connect().catch((error: unknown) => {
      if (client !== next) return;
      closeClient();
      update((s) => signedOut(s, describeHandshakeError(error)));
    });
  }

  function signInOnStartUp(): void {
    const saved = memory.loadSavedSession();
    if (saved) {
      join(saved.name, true);
      return;
    }
    // Without an identity the server would not know the player: ask for the name as for anyone new.
    const name = memory.loadRememberedName();
    if (name && memory.loadIdentity()) join(name, true);
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

  function rejoinGame(): void {
    const current = client;
    const { rejoinOffer: offer, rejoining, session } = store.getState();
    if (!current || !offer || !session || rejoining) return;
    update(startRejoin);
    current.rejoin().then(
      (next) => {
        // The place was lost meanwhile: the server started a new session instead.
        if (client === current && !next.resumed) showToast("info", rejoinLostMessage(offer));
      },
      (error: unknown) => {
        if (client !== current) return;
        showToast("error", `${REJOIN_FAILED_MESSAGE} ${describeHandshakeError(error)}`);
        // That handshake ended this tab's lobby session too: sign in again as the same player while the
        // lobby stays on screen. The offer goes; `rejoining` stays until that session arrives, so its
        // arrival is not announced as a reconnect.
        closeClient();
        update((s) => ({ ...s, rejoinOffer: null }));
        join(session.player.name, true);
      },
    );
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

  async function enterByCode(code: string, offerToWatch = false): Promise<EnterOutcome> {
    const joined = await request((c) => c.joinRoom(code), {
      quiet: (error) => offerToWatch && error.code === ErrorCode.RoomInPlay,
    });
    if (!joined) return "refused";
    if (!joined.ok) return joined.error.code === ErrorCode.RoomInPlay ? "started" : "refused";
    enteredRoom(joined.data);
    return "entered";
  }

  /**
   * Follow a /r/CODE link: take a seat, or watch a game that has already
   * started (the closest thing to what the link promised). A link that leads
   * nowhere says so in the page (a notice), not in a toast the player may miss.
   */
  async function followRoomLink(code: string, resumed: boolean): Promise<void> {
    const joined = await request((c) => c.joinRoom(code), { quiet: () => true });
    if (!joined) return;
    if (joined.ok) {
      enteredRoom(joined.data);
      return;
    }
    // A reload of /r/CODE that resumed the session is already back in its seat.
    if (resumed && joined.error.code === ErrorCode.AlreadySeated) return;
    if (joined.error.code !== ErrorCode.RoomInPlay) {
      update((s) => showNotice(s, roomLinkNotice(code, describeError(joined.error))));
      return;
    }
    const watched = await request((c) => c.watchRoom(code), { quiet: () => true });
    if (!watched) return;
    if (!watched.ok) {
      update((s) => showNotice(s, roomLinkNotice(code, describeError(watched.error))));
      return;
    }
    update((s) => applyWatching(s, watched.data));
    showToast("info", `The game in room ${code} has already started, so you're watching it.`);
  }

  function enteredRoom(view: RoomView): void {
    update((s) => applyRoomState(s, view));
  }

  async function joinPendingRoom(resumed: boolean): Promise<void> {
    const code = store.getState().pendingJoin;
    if (!code) return;
    await followRoomLink(code, resumed);
    update((s) => setPendingJoin(s, null));
  }

  const party = createPartyConnection(request, store);

  async function sendChat(scope: ChatScope, text: string): Promise<boolean> {
    const result = await request((c) => c.sendChat(scope, text));
    return result?.ok ?? false;
  }

  async function loadProfile(options: RequestOptions = {}): Promise<boolean> {
    const result = await request((c) => c.profile(), options);
    if (!result?.ok) return false;
    update((s) => applyProfile(s, result.data));
    return true;
  }

  async function loadLeaderboard(mode: ModeId, options: RequestOptions = {}): Promise<boolean> {
    const result = await request((c) => c.leaderboard(mode), options);
    if (!result?.ok) return false;
    update((s) => applyLeaderboard(s, result.data));
    return true;
  }

  // ------------------------------------------------------------------ events

  function subscribe(c: ConnectionClient): (() => void)[] {
    // Events a replaced client still delivers belong to a dead session.
    const live = () => client === c;
    stopClosedWatch = watchSessionClosed(c);
    return [
      c.onConnectionState((connection) => {
        if (!live()) return;
        const { session, rejoining } = store.getState();
        // rejoin() closes this connection on purpose, to open it again as the player of that game.
        if (connection === "disconnected" && rejoining) return;
        if (connection === "replaced") {
          // The same session went on in another tab; this one must stop.
          closeClient();
          update((s) => signedOut(s, REPLACED_MESSAGE));
          return;
        }
        if (connection === "disconnected" && session) {
          // Final: the server closed us or refused the name on reconnect. If an admin closed the session,
          // their reason may still be on its way: keep listening for it.
          closeClient(true);
          update((s) => signedOut(s, DISCONNECTED_MESSAGE));
          return;
        }
        update((s) => applyConnection(s, connection));
      }),
      c.onConnectError((refusal) => {
        if (live()) update((s) => applyConnectError(s, refusal?.code ?? null));
      }),
      // Requests the server has not answered yet, which the SDK keeps sending (with their ids, so they
      // apply once): the banner says they are on their way, so nobody clicks again.
      c.onDelayedRequests((count) => {
        if (live()) update((s) => ({ ...s, delayedRequests: count }));
      }),
      c.on("session:ready", (session) => {
        if (!live()) return;
        // The session a rejoin asked for: a new player id, by design, and nothing lost.
        const before = store.getState();
        const rejoined = before.rejoining;
        const { state, lost } = applySession(before, session, now());
        update(() => state);
        memory.rememberSessionToken(session.player.name, session.token);
        // The SDK has already taken the new identity token from this session.
        const restarted = serverForgot(presentedIdentity, c.identity);
        if (c.identity) memory.rememberIdentity(c.identity);
        presentedIdentity = c.identity;
        if (!rejoined) announceReconnect({ lost, restarted, hadParty: before.party !== null && state.party === null });
        if (browserWanted) void subscribeRoomBrowser();
        void joinPendingRoom(session.resumed);
        void party.joinPendingParty();
      }),
      ...subscribeRoomEvents(c, live, store),
    ];
  }

  /** A session that replaced a lost one: a notice when a game, room or party went, a toast otherwise. */
  function announceReconnect(loss: Loss): void {
    const announcement = announceLoss(loss);
    if (!announcement) return;
    if ("notice" in announcement) update((s) => showNotice(s, announcement.notice));
    else showToast("info", announcement.toast);
  }

  /**
   * An admin kicked or banned this player: stop, forget the session and say
   * why, with no reconnecting. The reason normally arrives just before the
   * server drops the connection; but the SDK hands events over in order with
   * the answers before them, so it can land just after the drop has signed
   * the player out as "disconnected". It is still shown then, unless another
   * client has started since.
   */
  function watchSessionClosed(c: ConnectionClient): () => void {
    return c.on("session:closed", ({ reason, message }) => {
      if (reason !== "kicked" && reason !== "banned") return;
      if (client !== c && client !== null) return;
      closeClient();
      memory.forgetSessionToken();
      update((s) => applySessionClosed(s, { reason, message }));
    });
  }

  /** `keepClosedWatch`: the server dropped us, and may yet say it was an admin's doing. */
  function closeClient(keepClosedWatch = false): void {
    // Unsubscribe first so our own disconnect is not mistaken for the server dropping us.
    for (const stop of unsubscribe) stop();
    unsubscribe = [];
    if (!keepClosedWatch) {
      stopClosedWatch();
      stopClosedWatch = () => undefined;
    }
    client?.disconnect();
    client = null;
  }

  return {
    joinLobby,
    signInOnStartUp,
    clearNameError,
    cancelJoin,
    changeName,
    rejoinGame,
    request,
    openRoomBrowser,
    closeRoomBrowser,
    enterByCode,
    enteredRoom,
    sendChat,
    loadProfile,
    loadLeaderboard,
    createParty: party.createParty,
    joinParty: party.joinParty,
    leaveParty: party.leaveParty,
    kickFromParty: party.kickFromParty,
  };
}

/** The app's connection: the real SDK, the app store and the browser's storage. */
export const lobbyConnection: LobbyConnection = createLobbyConnection({
  createClient: createLobbyClient,
  store: { getState: () => useLobbyStore.getState(), update, showToast },
  memory: nameStorage,
  now: () => Date.now(),
});
