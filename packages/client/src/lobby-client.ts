import {
  ErrorCode,
  LOBBY_NAMESPACE,
  appliedOnce,
  type ClientEventName,
  type ClientPayload,
  type ClientResult,
  type ClientToServerEvents,
  type ServerEventName,
  type ServerPayload,
  type ServerToClientEvents,
  type RoomView,
  type Session,
} from "@lobby/contracts";
import { io, type Socket } from "socket.io-client";
import { BusyRetry } from "./busy-retry";
import { InOrder } from "./in-order";
import { Liveness } from "./liveness";
import { RoomOrder } from "./room-order";
import { RequestIds } from "./request-ids";
import { LobbyRequests } from "./requests";
import {
  ClientErrorCode,
  HandshakeError,
  handshakeRefusal,
  type HandshakeRefusal,
  type ConnectionState,
  type LobbyClientOptions,
  type RequestResult,
} from "./types";

interface UntypedEmitter {
  on(event: string, fn: (...args: unknown[]) => void): unknown;
  off(event: string, fn: (...args: unknown[]) => void): unknown;
}

type Listener<E extends ServerEventName> = (payload: ServerPayload<E>) => void;

/**
 * One player's connection to the lobby. Every request resolves with an
 * `AckResult`-shaped value and never rejects, so callers handle refusals as
 * values.
 */
export class LobbyClient extends LobbyRequests {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private readonly ackTimeoutMs: number;
  private connectionState: ConnectionState = "idle";
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private lastSession: Session | null = null;
  private lastRttMs: number | null = null;
  private sessionToken: string | undefined;
  private identityToken: string | undefined;
  /** The next handshake asks to take over this identity's session that is away (see `rejoin`). */
  private rejoinNext = false;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private readonly pingIntervalMs: number;
  /** The handshake, tried again after a SERVER_BUSY refusal. */
  private readonly busyRetry = new BusyRetry();
  /** Answers and pushes, handed over in the order the server sent them. */
  private readonly inOrder = new InOrder();
  /** `chat:message` listeners, for the sender's own lines, which come in answers rather than pushes. */
  private readonly ownChat = new Set<(line: unknown) => void>();
  /** `room:state` listeners (and the chat lines states carry), fed in commit order by `roomOrder`. */
  private readonly roomListeners = new Set<(view: RoomView) => void>();
  /** Rooms' states put back in commit order when two nodes' broadcasts cross (`RoomView.seq`). */
  private readonly roomOrder = new RoomOrder<RoomView>((view) =>
    this.inOrder.receive(false, () => {
      for (const listener of [...this.roomListeners]) listener(view);
    }),
  );
  /** The handshake is being tried again without a token the server refused as malformed. */
  private retryWithoutToken = false;
  /** Whether the server still answers on an open socket (see `stallAfterMs`). */
  private readonly liveness: Liveness;
  private readonly retryForMs: number;
  private readonly requestIds = new RequestIds();
  /** Requests past their first ack timeout, still being tried. */
  private delayed = 0;
  private readonly delayedListeners = new Set<(count: number) => void>();
  /** Counts sessions that did not resume the one before: tries of an older session's requests stop. */
  private sessionEpoch = 0;

  constructor(options: LobbyClientOptions) {
    super();
    this.ackTimeoutMs = options.ackTimeoutMs ?? 5000;
    this.pingIntervalMs = options.pingIntervalMs ?? 5000;
    this.retryForMs = options.retryForMs ?? 30_000;
    this.sessionToken = options.token;
    this.identityToken = options.identity;
    const uri = options.url ? new URL(LOBBY_NAMESPACE, options.url).toString() : LOBBY_NAMESPACE;
    this.socket = io(uri, {
      autoConnect: false,
      transports: ["websocket"],
      // A function, so every reconnect presents the latest session token.
      auth: (send) =>
        send({
          name: options.name,
          ...(this.sessionToken ? { token: this.sessionToken } : {}),
          ...(this.identityToken ? { identity: this.identityToken } : {}),
          ...(this.rejoinNext ? { rejoin: true } : {}),
        }),
      reconnection: options.reconnection ?? true,
      ...(options.headers ? { extraHeaders: options.headers } : {}),
    });
    this.liveness = new Liveness(
      this.pingIntervalMs > 0 ? (options.stallAfterMs ?? 3000) : 0,
      options.stallReconnectMs ?? 10_000,
      {
        connected: () => this.socket.connected,
        probe: () => void this.ping(),
        onStall: (stalled) => {
          if (stalled && this.connectionState === "connected") this.setState("stalled");
          if (!stalled && this.connectionState === "stalled") this.setState("connected");
        },
        // Closing the transport (not the socket) lets the manager reconnect as after a drop.
        reconnect: () => {
          if (this.socket.io.reconnection()) this.socket.io.engine.close();
        },
      },
    );
    this.socket.io.on("packet", () => this.liveness.heard());
    this.socket.io.on("ping", () => this.liveness.heard());
    this.socket.on("connect", () => {
      this.liveness.reset();
      this.roomOrder.reset();
      this.setState("connected");
    });
    this.socket.on("room:state", (view) => this.roomOrder.push(view));
    this.socket.on("disconnect", () => {
      // rejoin() closes the connection on purpose and opens it again at once: "connecting" follows.
      if (this.connectionState === "replaced" || this.rejoinNext) return;
      this.setState(this.socket.active ? "reconnecting" : "disconnected");
    });
    this.socket.on("connect", () => this.busyRetry.reset());
    this.socket.on("connect_error", (err: Error & { data?: unknown }) => {
      const code = handshakeRefusal(err)?.code;
      // A busy server refused a new player for now: ask again after a while, like a dropped connection.
      if (!this.socket.active && this.socket.io.reconnection() && code === ErrorCode.ServerBusy) {
        this.busyRetry.schedule(() => this.socket.connect());
      }
      // A token the server cannot read (from an older version, or damaged) resumes nothing: start afresh.
      if (!this.socket.active && code === ErrorCode.InvalidToken && this.sessionToken !== undefined) {
        this.sessionToken = undefined;
        this.retryWithoutToken = true;
        this.socket.connect();
      }
      this.setState(this.socket.active || this.busyRetry.pending ? "reconnecting" : "disconnected");
    });
    this.socket.on("session:ready", (session) => {
      if (!session.resumed) this.sessionEpoch++;
      this.lastSession = session;
      this.sessionToken = session.token;
      this.identityToken = session.identity;
      this.rejoinNext = false;
      void this.ping();
    });
    this.socket.on("session:closed", ({ reason }) => {
      if (reason === "replaced") this.setState("replaced");
    });
    if (this.pingIntervalMs > 0) {
      this.pingTimer = setInterval(() => void this.ping(), this.pingIntervalMs);
      // Never keep a Node process alive just to ping.
      (this.pingTimer as { unref?: () => void }).unref?.();
      this.liveness.start();
    }
  }

  /** The latest measured round trip to the server, in ms. */
  get rttMs(): number | null {
    return this.lastRttMs;
  }

  /** Measure the round trip now (also done every `pingIntervalMs`). */
  async ping(): Promise<number | null> {
    if (!this.socket.connected) return null;
    const sentAt = Date.now();
    this.liveness.pinged();
    const result = await this.request("session:ping", { rttMs: this.lastRttMs });
    if (!result.ok) return null;
    this.lastRttMs = Date.now() - sentAt;
    return this.lastRttMs;
  }

  /** The current connection state. */
  get state(): ConnectionState {
    return this.connectionState;
  }

  /** The latest session token: store it to resume after a reload. */
  get token(): string | undefined {
    return this.sessionToken;
  }

  /** This device's latest identity token: store it where it outlives the tab (e.g. localStorage). */
  get identity(): string | undefined {
    return this.identityToken;
  }

  /** The session from the latest handshake, if any. */
  get session(): Session | null {
    return this.lastSession;
  }

  /** True while the socket is connected: requests are sent now rather than refused with `NOT_CONNECTED`. */
  get connected(): boolean {
    return this.socket.connected;
  }

  /**
   * Open the connection. Resolves with the session once the server accepts
   * the handshake; rejects with a `HandshakeError` if it refuses.
   */
  connect(): Promise<Session> {
    return new Promise<Session>((resolve, reject) => {
      const cleanup = () => {
        this.socket.off("session:ready", onReady);
        this.socket.off("connect_error", onError);
      };
      const onReady = (session: Session) => {
        cleanup();
        resolve(session);
      };
      const onError = (err: Error & { data?: unknown }) => {
        // A refused handshake leaves the socket inactive and is final, unless
        // the server was busy and another try is scheduled (see the
        // constructor). A transport error is retried by the manager — unless
        // reconnection is off, in which case nothing else will ever settle
        // this promise.
        const refused = !this.socket.active;
        if (!refused && this.socket.io.reconnection()) return;
        if (this.busyRetry.pending) return;
        if (this.retryWithoutToken) {
          this.retryWithoutToken = false;
          return;
        }
        cleanup();
        const refusal = handshakeRefusal(err);
        const fallback = refused ? ErrorCode.Internal : ClientErrorCode.NotConnected;
        reject(new HandshakeError(refusal?.code ?? fallback, refusal?.message || err.message));
      };
      this.socket.on("session:ready", onReady);
      this.socket.on("connect_error", onError);
      this.setState("connecting");
      this.socket.connect();
    });
  }

  /**
   * Take over the game this identity left behind (`session.rejoin`): this
   * connection's own session, which holds nothing, ends, and the client
   * reconnects as the player of that game. Resolves with the resumed
   * session; if the place was lost meanwhile, with a new session as before.
   */
  rejoin(): Promise<Session> {
    this.rejoinNext = true;
    this.sessionToken = undefined;
    this.socket.disconnect();
    return this.connect().finally(() => {
      this.rejoinNext = false;
    });
  }

  /** Close the connection for good. */
  disconnect(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
    this.liveness.stop();
    this.busyRetry.cancel();
    this.roomOrder.reset();
    this.socket.disconnect();
    this.setState("disconnected");
  }

  /** Subscribe to connection state changes. Returns the unsubscribe function. */
  onConnectionState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /**
   * Subscribe to failed handshakes: the server's refusal, or null when the
   * connection itself failed. Called on every failed try, including those the
   * SDK retries on its own (SERVER_BUSY, a dropped connection), so a UI can
   * say why it is still waiting. Returns the unsubscribe function.
   */
  onConnectError(listener: (refusal: HandshakeRefusal | null) => void): () => void {
    const handler = (error: Error) => listener(handshakeRefusal(error));
    this.socket.on("connect_error", handler);
    return () => {
      this.socket.off("connect_error", handler);
    };
  }

  /**
   * Subscribe to a server event. Returns the unsubscribe function. Events
   * and request answers reach the caller in the order the server sent them
   * (see `receive`).
   */
  on<E extends ServerEventName>(event: E, listener: Listener<E>): () => void {
    let subscribed = true;
    const call = (payload: unknown) => {
      if (subscribed) (listener as (payload: unknown) => void)(payload);
    };
    const offs: (() => void)[] = [];
    if (event === "room:state") {
      offs.push(this.onRoomState(call));
    } else {
      // Socket.IO's typed `on` cannot correlate a generic event with its listener.
      const socket = this.socket as unknown as UntypedEmitter;
      const fn = (payload: unknown) => this.inOrder.receive(false, () => call(payload));
      socket.on(event, fn);
      offs.push(() => socket.off(event, fn));
    }
    if (event === "chat:message") {
      // The lobby's own room chat lines ride in the room's state (`RoomView.chat`): they are chat all the same.
      offs.push(this.onRoomState((view) => view.chat?.forEach(call)));
      // Our own lines, and a room's chat as we come into it, come in answers only (see `linesIn`).
      this.ownChat.add(call);
      offs.push(() => this.ownChat.delete(call));
    }
    return () => {
      subscribed = false;
      for (const off of offs) off();
    };
  }

  /** Room states, in commit order; a listener's error is its own, the others still get the state. */
  private onRoomState(listener: (view: RoomView) => void): () => void {
    const guarded = (view: RoomView) => {
      try {
        listener(view);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    };
    this.roomListeners.add(guarded);
    return () => this.roomListeners.delete(guarded);
  }

  /**
   * Requests sent and not answered within `ackTimeoutMs`, which the SDK is
   * still trying (see `retryForMs`): a UI can say they are on their way.
   */
  get delayedRequests(): number {
    return this.delayed;
  }

  /** Subscribe to the number of `delayedRequests`. Returns the unsubscribe function. */
  onDelayedRequests(listener: (count: number) => void): () => void {
    this.delayedListeners.add(listener);
    return () => this.delayedListeners.delete(listener);
  }

  /**
   * Send any client event and wait for its ack. One that changes something
   * (`appliedOnce`) carries an id; unanswered, it is sent again with the same
   * id — after the connection comes back if it dropped — until `retryForMs`
   * has passed, and the server applies it once however many tries reach it.
   */
  async request<E extends ClientEventName>(
    event: E,
    payload: ClientPayload<E>,
  ): Promise<RequestResult<ClientResult<E>>> {
    if (!this.socket.connected) {
      // Socket.IO would buffer the emit and send it after reconnecting, which
      // would replay stale moves; refuse instead.
      return notConnected();
    }
    if (!appliedOnce(event) || this.retryForMs <= 0) return this.send(event, payload, null);
    const requestId = this.requestIds.next();
    const until = Date.now() + this.retryForMs;
    const epoch = this.sessionEpoch;
    let result = await this.send(event, payload, requestId);
    let delayed = false;
    // Not answered (or, after a try that was not, answered "busy" or not sent): the first try may still
    // be applied, or may never have arrived. Send it again; the server answers a second try as the first.
    while (isUnanswered(result, delayed) && Date.now() < until && epoch === this.sessionEpoch) {
      if (!delayed) this.countDelayed(+1);
      delayed = true;
      if (!result.ok && result.error.code === ErrorCode.ServerBusy) await pause(1000);
      if (!(await this.untilConnected(until)) || epoch !== this.sessionEpoch) break;
      result = await this.send(event, payload, requestId);
    }
    if (delayed) this.countDelayed(-1);
    // Given up on: whether it was applied is unknown, which is what TIMEOUT says.
    return delayed && isUnanswered(result, true) ? timedOut() : result;
  }

  /** One try of a request: its ack, or TIMEOUT. */
  private send<E extends ClientEventName>(
    event: E,
    payload: ClientPayload<E>,
    requestId: string | null,
  ): Promise<RequestResult<ClientResult<E>>> {
    if (!this.socket.connected) return Promise.resolve(notConnected());
    const socket = this.socket as unknown as Socket;
    const args: unknown[] = requestId === null ? [payload] : [payload, { requestId }];
    return new Promise((resolve) => {
      socket.timeout(this.ackTimeoutMs).emit(event, ...args, (err: unknown, answer: unknown) => {
        if (err) {
          resolve(timedOut());
          return;
        }
        const result = answer as RequestResult<ClientResult<E>>;
        this.inOrder.receive(true, () => {
          if (result.ok)
            for (const line of linesIn(event, result.data)) for (const deliver of [...this.ownChat]) deliver(line);
          resolve(result);
        });
        // A room's state in the answer (coming into it) is one the pushes after it follow on. Told in the
        // order the wire brought it, like the pushes; what it releases reaches listeners after the answer.
        if (result.ok && carriesRoom(event)) this.roomOrder.seen(result.data as RoomView);
      });
    });
  }

  /** Resolves true once the socket is connected (at once if it is), or false at `until`. */
  private untilConnected(until: number): Promise<boolean> {
    if (this.socket.connected) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (connected: boolean) => {
        clearTimeout(timer);
        this.socket.off("connect", onConnect);
        resolve(connected);
      };
      const onConnect = () => done(true);
      const timer = setTimeout(() => done(false), Math.max(0, until - Date.now()));
      this.socket.on("connect", onConnect);
    });
  }

  private countDelayed(change: number): void {
    this.delayed += change;
    for (const listener of this.delayedListeners) listener(this.delayed);
  }

  private setState(state: ConnectionState) {
    if (state === this.connectionState) return;
    this.connectionState = state;
    for (const listener of this.stateListeners) listener(state);
  }
}

/**
 * Chat lines an answer carries instead of pushes: the sender's own line
 * (`chat:send`), and the room's recent chat for a player coming into it
 * (`room:create`, `room:join`, `room:watch`: `RoomView.chat`).
 */
function linesIn(event: ClientEventName, data: unknown): readonly unknown[] {
  if (event === "chat:send") return [data];
  if (carriesRoom(event)) return (data as RoomView).chat ?? [];
  return [];
}

/** Requests answered with the room's state: coming into a room. */
function carriesRoom(event: ClientEventName): boolean {
  return event === "room:create" || event === "room:join" || event === "room:watch";
}

function notConnected() {
  return { ok: false, error: { code: ClientErrorCode.NotConnected, message: "Not connected to the server." } } as const;
}

function timedOut() {
  return {
    ok: false,
    error: { code: ClientErrorCode.Timeout, message: "The server did not answer in time." },
  } as const;
}

/**
 * Whether a try left the request's fate open: no answer, or — once an earlier
 * try went unanswered — a refusal that says this try was not taken.
 */
function isUnanswered(result: RequestResult<unknown>, afterTimeout: boolean): boolean {
  if (result.ok) return false;
  const { code } = result.error;
  if (code === ClientErrorCode.Timeout) return true;
  return afterTimeout && (code === ClientErrorCode.NotConnected || code === ErrorCode.ServerBusy);
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Create a client; call `connect()` to open it. */
export function createLobbyClient(options: LobbyClientOptions): LobbyClient {
  return new LobbyClient(options);
}
