import type { AckError, AckResult } from "@lobby/contracts";

/** Error codes produced by the SDK itself, never by the server. */
export const ClientErrorCode = {
  /** The server did not acknowledge in time. */
  Timeout: "TIMEOUT",
  /** The request was not sent because the socket is not connected. */
  NotConnected: "NOT_CONNECTED",
} as const;
export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

/** An ack from the server, or an SDK-side failure to get one. */
export type RequestResult<T> = AckResult<T> | { ok: false; error: { code: ClientErrorCode; message: string } };

/**
 * `stalled`: the socket is open but the server has not answered a ping for
 * `stallAfterMs` (a frozen process or host): what the server last said may
 * be stale, as while `reconnecting`. `replaced`: the same session connected
 * elsewhere (another tab); this client stopped and will not reconnect on its own.
 */
export type ConnectionState =
  "idle" | "connecting" | "connected" | "stalled" | "reconnecting" | "disconnected" | "replaced";

/** Why the handshake was refused, as the server put it. */
export class HandshakeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "HandshakeError";
  }
}

export interface LobbyClientOptions {
  /** Server origin, e.g. `http://localhost:3000`. Omit in a browser to use the page's origin. */
  url?: string;
  /** Display name sent in the handshake. */
  name: string;
  /**
   * A session token from an earlier `session:ready`, to resume that session
   * (same id, queue place and seat). The client keeps the latest token and
   * sends it on every reconnect.
   */
  token?: string;
  /**
   * This device's identity token from an earlier session (`client.identity`),
   * so the server knows the player again: their name, and any game a closed tab
   * left behind (`session.rejoin`). Omit it for a new identity.
   */
  identity?: string;
  /**
   * How long to wait for an ack. A request that changes something (`appliedOnce`) is then sent again
   * with the same id until `retryForMs` has passed; any other resolves with `TIMEOUT`. Default 5000 ms.
   */
  ackTimeoutMs?: number;
  /**
   * How long a request that changes something is tried, with one id, before it resolves with `TIMEOUT`:
   * each try waits `ackTimeoutMs`, waits for the connection to come back when it is down, and the server
   * applies the id once however many tries reach it. Default 30000 ms (the server keeps an answer for
   * a minute); 0 sends it once, like any other request.
   */
  retryForMs?: number;
  /**
   * A ping unanswered this long makes the state `stalled` (the connection is open but the server does
   * not answer). A connection that heard nothing from the server for this long pings at once, so a
   * stall shows within about twice this. Default 3000 ms; 0 turns stall detection off. Needs pings
   * (`pingIntervalMs` above 0).
   */
  stallAfterMs?: number;
  /**
   * A ping unanswered this long closes the connection and reconnects (with `reconnection`), through
   * the load balancer, which may send it to another node: the session token resumes the same seat.
   * Default 10000 ms; 0 never gives up on a stalled connection.
   */
  stallReconnectMs?: number;
  /**
   * Reconnect automatically after a dropped connection, and try again later
   * when a busy server refuses the handshake (SERVER_BUSY). Default true.
   */
  reconnection?: boolean;
  /**
   * Measure the round trip with a `session:ping` ack this often, and report
   * it so others see this player's connection quality. Default 5000 ms; 0 turns pings off, and with
   * them stall detection (`stallAfterMs`).
   */
  pingIntervalMs?: number;
  /**
   * Extra HTTP headers on the websocket handshake (Node only; browsers do
   * not let pages set them), e.g. `X-Forwarded-For` for a load generator
   * standing in for players at many addresses behind a trusted proxy.
   */
  headers?: Record<string, string>;
}

/** Why the server refused a handshake: its error code (an `ErrorCode`, as a string) and message. */
export interface HandshakeRefusal {
  code: string;
  message: string;
}

/** The server's reason for refusing a handshake (`connect_error` data), or null for a transport error. */
export function handshakeRefusal(err: unknown): HandshakeRefusal | null {
  const data = (err as { data?: Partial<AckError> } | null)?.data;
  return typeof data?.code === "string" ? { code: data.code, message: data.message ?? "" } : null;
}
