import {
  ErrorCode,
  LOBBY_NAMESPACE,
  type ClientEventName,
  type ClientPayload,
  type ClientResult,
  type ClientToServerEvents,
  type ServerEventName,
  type ServerToClientEvents,
  type Session,
} from "@lobby/contracts";
import { io, type Socket } from "socket.io-client";
import { BusyRetry } from "./busy-retry";
import { Inbound, type Listener } from "./inbound";
import { Liveness } from "./liveness";
import { LobbyRequests } from "./requests";
import { Sender } from "./sender";
import {
  ClientErrorCode,
  HandshakeError,
  handshakeRefusal,
  type HandshakeRefusal,
  type ConnectionState,
  type LobbyClientOptions,
  type RequestResult,
} from "./types";

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
  /** Pushes and answers, handed to the caller in order. */
  private readonly inbound: Inbound;
  /** Requests and their tries. */
  private readonly sender: Sender;
  /** The handshake is being tried again without a token the server refused as malformed. */
  private retryWithoutToken = false;
  /** Whether the server still answers on an open socket (see `stallAfterMs`). */
  private readonly liveness: Liveness;
  /** Counts sessions that did not resume the one before: tries of an older session's requests stop. */
  private sessionEpoch = 0;

  constructor(options: LobbyClientOptions) {
    super();
    this.ackTimeoutMs = options.ackTimeoutMs ?? 5000;
    this.pingIntervalMs = options.pingIntervalMs ?? 5000;
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
    this.inbound = new Inbound(this.socket);
    this.sender = new Sender({
      socket: this.socket,
      inbound: this.inbound,
      ackTimeoutMs: this.ackTimeoutMs,
      retryForMs: options.retryForMs ?? 30_000,
      sessionEpoch: () => this.sessionEpoch,
    });
    // A room:delta the client cannot apply: ask for the room's whole state rather than wait for the next.
    this.inbound.onMissingState((roomId) => this.sender.request("room:sync", { roomId }));
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
      this.inbound.reset();
      this.setState("connected");
    });
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
    this.inbound.reset();
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
   * and request answers reach the caller in the order the server sent them,
   * and a room's states in the order they were committed (see `Inbound`).
   */
  on<E extends ServerEventName>(event: E, listener: Listener<E>): () => void {
    return this.inbound.on(event, listener);
  }

  /**
   * Requests sent and not answered within `ackTimeoutMs`, which the SDK is
   * still trying (see `retryForMs`): a UI can say they are on their way.
   */
  get delayedRequests(): number {
    return this.sender.delayedRequests;
  }

  /** Subscribe to the number of `delayedRequests`. Returns the unsubscribe function. */
  onDelayedRequests(listener: (count: number) => void): () => void {
    return this.sender.onDelayedRequests(listener);
  }

  /**
   * Send any client event and wait for its ack. One that changes something
   * (`appliedOnce`) carries an id; unanswered, it is sent again with the same
   * id — after the connection comes back if it dropped — until `retryForMs`
   * has passed, and the server applies it once however many tries reach it.
   */
  request<E extends ClientEventName>(event: E, payload: ClientPayload<E>): Promise<RequestResult<ClientResult<E>>> {
    return this.sender.request(event, payload);
  }

  private setState(state: ConnectionState) {
    if (state === this.connectionState) return;
    this.connectionState = state;
    for (const listener of this.stateListeners) listener(state);
  }
}

/** Create a client; call `connect()` to open it. */
export function createLobbyClient(options: LobbyClientOptions): LobbyClient {
  return new LobbyClient(options);
}
