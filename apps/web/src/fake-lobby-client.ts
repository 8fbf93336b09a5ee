import {
  ClientErrorCode,
  HandshakeError,
  type ConnectionState,
  type HandshakeRefusal,
  type LobbyClientOptions,
} from "@lobby/client";
import type { ServerEventName, ServerPayload, Session } from "@lobby/contracts";
import type { ConnectionClient, ConnectionMember } from "./connection-api";

/*
 * A stand-in for the SDK's LobbyClient in the connection module's unit
 * tests: no socket, and the test plays the server by hand — it accepts or
 * refuses the handshake, pushes events, changes the connection state and
 * answers each request when it chooses, so an answer can arrive late. It
 * records which SDK methods were called, not what they put on the wire: that
 * is the SDK's business, and its own tests check it.
 */

/** The SDK's request methods: each sends one event and resolves with its answer. */
type RequestMethod = Exclude<keyof ConnectionClient, ConnectionMember>;
type Answer<M extends RequestMethod> = Awaited<ReturnType<ConnectionClient[M]>>;

interface Call {
  method: RequestMethod;
  args: unknown[];
  answered: boolean;
  answer: (result: unknown) => void;
}

export class FakeLobbyClient implements ConnectionClient {
  connected = false;
  rttMs: number | null = null;
  /** Like the SDK: the identity it was created with, then the latest session's. */
  identity: string | undefined;
  disconnected = false;
  /** How many times `rejoin()` was called. */
  rejoins = 0;
  /** Every request made while connected, in order. */
  readonly calls: Call[] = [];
  private handshake: { resolve: (session: Session) => void; reject: (error: unknown) => void } | null = null;
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private readonly errorListeners = new Set<(refusal: HandshakeRefusal | null) => void>();
  readonly delayedListeners = new Set<(count: number) => void>();

  constructor(readonly options: Pick<LobbyClientOptions, "name" | "token" | "identity">) {
    this.identity = options.identity;
  }

  // ------------------------------------------------------------ the SDK's side

  connect(): Promise<Session> {
    this.setState("connecting");
    return new Promise((resolve, reject) => {
      this.handshake = { resolve, reject };
    });
  }

  /** Like the SDK: the connection closes, then a new handshake starts; the test accepts or refuses it. */
  rejoin(): Promise<Session> {
    this.rejoins++;
    this.setState("disconnected");
    return this.connect();
  }

  disconnect(): void {
    this.disconnected = true;
    this.connected = false;
    this.setState("disconnected");
  }

  onConnectionState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  onDelayedRequests(listener: (count: number) => void): () => void {
    this.delayedListeners.add(listener);
    return () => this.delayedListeners.delete(listener);
  }

  onConnectError(listener: (refusal: HandshakeRefusal | null) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  on<E extends ServerEventName>(event: E, listener: (payload: ServerPayload<E>) => void): () => void {
    const fn = listener as (payload: unknown) => void;
    const set = this.listeners.get(event) ?? new Set();
    set.add(fn);
    this.listeners.set(event, set);
    return () => set.delete(fn);
  }

  readonly quickMatch = this.request("quickMatch");
  readonly cancelQueue = this.request("cancelQueue");
  readonly move = this.request("move");
  readonly createRoom = this.request("createRoom");
  readonly joinRoom = this.request("joinRoom");
  readonly watchRoom = this.request("watchRoom");
  readonly setReady = this.request("setReady");
  readonly startGame = this.request("startGame");
  readonly updateSettings = this.request("updateSettings");
  readonly kick = this.request("kick");
  readonly subscribeRooms = this.request("subscribeRooms");
  readonly unsubscribeRooms = this.request("unsubscribeRooms");
  readonly sendChat = this.request("sendChat");
  readonly rematch = this.request("rematch");
  readonly leaveRoom = this.request("leaveRoom");
  readonly profile = this.request("profile");
  readonly leaderboard = this.request("leaderboard");
  readonly createParty = this.request("createParty");
  readonly joinParty = this.request("joinParty");
  readonly leaveParty = this.request("leaveParty");
  readonly kickFromParty = this.request("kickFromParty");

  // ---------------------------------------------------------- the test's side

  /** The server accepted the handshake. */
  accept(session: Session): void {
    this.identity = session.identity;
    this.connected = true;
    this.setState("connected");
    this.push("session:ready", session);
    this.handshake?.resolve(session);
    this.handshake = null;
  }

  /** The server refused the handshake for good. */
  refuse(code: string, message: string): void {
    this.refuseOnce(code, message);
    this.setState("disconnected");
    this.handshake?.reject(new HandshakeError(code, message));
    this.handshake = null;
  }

  /** The server refused this try; the SDK tries again by itself. */
  refuseOnce(code: string, message: string): void {
    for (const listener of this.errorListeners) listener({ code, message });
  }

  push<E extends ServerEventName>(event: E, payload: ServerPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  setState(state: ConnectionState): void {
    if (state !== "connected") this.connected = false;
    for (const listener of this.stateListeners) listener(state);
  }

  /** The request methods called so far, in order. */
  get methods(): RequestMethod[] {
    return this.calls.map((call) => call.method);
  }

  /** Answer the oldest unanswered call of `method`. */
  answer<M extends RequestMethod>(method: M, result: Answer<M>): void {
    const call = this.calls.find((c) => c.method === method && !c.answered);
    if (!call) throw new Error(`No unanswered ${method} to answer`);
    call.answered = true;
    call.answer(result);
  }

  private request<M extends RequestMethod>(method: M): ConnectionClient[M] {
    const send = (...args: unknown[]): Promise<unknown> => {
      // Like the SDK: refused at once, never sent later.
      if (!this.connected) {
        return Promise.resolve({ ok: false, error: { code: ClientErrorCode.NotConnected, message: "Not connected." } });
      }
      return new Promise((resolve) => {
        this.calls.push({ method, args, answered: false, answer: resolve });
      });
    };
    // One recorder serves every request method: they differ only in their argument and answer types.
    return send as ConnectionClient[M];
  }
}
