import type { LobbyClient, LobbyClientOptions, RequestResult } from "@lobby/client";
import type { ChatScope, ModeId, RoomView } from "@lobby/contracts";
import type { RequestError } from "./errors";
import type { LobbyState, ToastKind } from "./lobby-state";
import type { ToastOptions } from "./store";
import type * as nameStorage from "./name-storage";

/*
 * The connection's contract: what it needs (a client, a store, storage, a
 * clock) and what it offers the app. lobby-connection.ts implements it.
 */

/** The SDK's members for the connection itself; the rest of ConnectionClient are requests. */
export type ConnectionMember =
  | "connect"
  | "disconnect"
  | "connected"
  | "rttMs"
  | "identity"
  | "rejoin"
  | "onConnectionState"
  | "onConnectError"
  | "onDelayedRequests"
  | "on";

/** The part of the SDK this module (and room-actions.ts, through `request`) uses. */
export type ConnectionClient = Pick<
  LobbyClient,
  | ConnectionMember
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
  | "profile"
  | "leaderboard"
  | "createParty"
  | "joinParty"
  | "leaveParty"
  | "kickFromParty"
>;

/** Where the connection writes: the app state and its toasts. */
export interface ConnectionStore {
  getState: () => LobbyState;
  update: (transition: (state: LobbyState) => LobbyState) => void;
  showToast: (kind: ToastKind, message: string, options?: ToastOptions) => void;
}

/** Where the name, this device's identity and this tab's session token are kept between page loads. */
export type SessionMemory = Pick<
  typeof nameStorage,
  | "loadRememberedName"
  | "rememberName"
  | "loadIdentity"
  | "rememberIdentity"
  | "loadSavedSession"
  | "loadSessionToken"
  | "rememberSessionToken"
  | "forgetSessionToken"
>;

export interface LobbyConnectionDeps {
  createClient: (options: Pick<LobbyClientOptions, "name" | "token" | "identity">) => ConnectionClient;
  store: ConnectionStore;
  memory: SessionMemory;
  /** Local time, to measure the server clock's offset when a session arrives. */
  now: () => number;
}

export interface RequestOptions {
  /** Refusals that are routine here and need no toast. */
  quiet?: (error: RequestError) => boolean;
}

/** How taking a seat by code went: seated, refused because its game has started (it can be watched), or refused. */
export type EnterOutcome = "entered" | "started" | "refused";

/** The party requests (party-connection.ts). Each resolves true once the server agreed. */
export interface PartyConnection {
  /** Start a party and lead it. */
  createParty: () => Promise<boolean>;
  /**
   * Join a party by its code. From a shared link (`fromLink`), a link to the
   * party we are already in is no error.
   */
  joinParty: (code: string, fromLink?: boolean) => Promise<boolean>;
  leaveParty: () => Promise<boolean>;
  /** Leader: remove a member. */
  kickFromParty: (playerId: string) => Promise<boolean>;
}

/** What the app can ask of the connection. Plain functions, so they can be passed around unbound. */
export interface LobbyConnection extends PartyConnection {
  /** Connect under `rawName`; errors land in `nameError` for the name screen. */
  joinLobby: (rawName: string) => void;
  /**
   * On start-up: a reload of a tab that was signed in carries on with the same
   * session; a player this device knows (a remembered name and identity) is
   * signed in at once under that name. Anyone else sees the name screen.
   */
  signInOnStartUp: () => void;
  /** The player is editing the name: an old complaint no longer applies. */
  clearNameError: () => void;
  /** Give up on a handshake that is still retrying. */
  cancelJoin: () => void;
  /** Leave the lobby and go back to the name screen. */
  changeName: () => void;
  /**
   * Take back the game on offer (`rejoinOffer`): the room:state that follows
   * the resumed session shows it. If the place was lost, or the server says
   * no, a toast says so and the offer goes.
   */
  rejoinGame: () => void;
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
   * Take a seat by invite code (a /r/CODE link is followed by the connection
   * itself, watching a game that has already started). A refusal is a toast,
   * except, with `offerToWatch`, a game that has started: the caller offers
   * to watch it instead.
   */
  enterByCode: (code: string, offerToWatch?: boolean) => Promise<EnterOutcome>;
  /** A create/join ack: the room we now sit in. */
  enteredRoom: (view: RoomView) => void;
  /** Send a chat line; resolves true when the server accepted it (so the input can clear). */
  sendChat: (scope: ChatScope, text: string) => Promise<boolean>;
  /**
   * Fetch this device's profile (ratings and last games) into `profile`.
   * Resolves true once it is there; a refusal is a toast unless `quiet`.
   */
  loadProfile: (options?: RequestOptions) => Promise<boolean>;
  /**
   * Fetch `mode`'s leaderboard into `leaderboards`. Resolves true once it is
   * there; a refusal is a toast unless `quiet`.
   */
  loadLeaderboard: (mode: ModeId, options?: RequestOptions) => Promise<boolean>;
}
