import {
  ErrorCode,
  appliedOnce,
  type ClientEventName,
  type ClientPayload,
  type ClientResult,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from "@lobby/contracts";
import type { Socket } from "socket.io-client";
import type { Inbound } from "./inbound";
import { RequestIds } from "./request-ids";
import { ClientErrorCode, type RequestResult } from "./types";

/** What a `Sender` needs of its client. */
export interface SenderOptions {
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  /** Where answers go, in the server's order. */
  inbound: Inbound;
  ackTimeoutMs: number;
  retryForMs: number;
  /** Counts sessions that did not resume the one before: tries of an older session's requests stop. */
  sessionEpoch: () => number;
}

/**
 * Requests and their tries. One that changes something (`appliedOnce`)
 * carries an id; unanswered, it is sent again with the same id — after the
 * connection comes back if it dropped — until `retryForMs` has passed, and
 * the server applies it once however many tries reach it.
 */
export class Sender {
  private readonly requestIds = new RequestIds();
  /** Requests past their first ack timeout, still being tried. */
  private delayed = 0;
  private readonly delayedListeners = new Set<(count: number) => void>();

  constructor(private readonly options: SenderOptions) {}

  /** Requests sent and not answered within `ackTimeoutMs`, which are still being tried. */
  get delayedRequests(): number {
    return this.delayed;
  }

  /** Subscribe to the number of `delayedRequests`. Returns the unsubscribe function. */
  onDelayedRequests(listener: (count: number) => void): () => void {
    this.delayedListeners.add(listener);
    return () => this.delayedListeners.delete(listener);
  }

  /** Send a client event and wait for its answer, trying again while its fate is open (see the class). */
  async request<E extends ClientEventName>(
    event: E,
    payload: ClientPayload<E>,
  ): Promise<RequestResult<ClientResult<E>>> {
    const { socket, retryForMs, sessionEpoch } = this.options;
    if (!socket.connected) {
      // Socket.IO would buffer the emit and send it after reconnecting, which
      // would replay stale moves; refuse instead.
      return notConnected();
    }
    if (!appliedOnce(event) || retryForMs <= 0) return this.send(event, payload, null);
    const requestId = this.requestIds.next();
    const until = Date.now() + retryForMs;
    const epoch = sessionEpoch();
    let result = await this.send(event, payload, requestId);
    let delayed = false;
    // Not answered (or, after a try that was not, answered "busy" or not sent): the first try may still
    // be applied, or may never have arrived. Send it again; the server answers a second try as the first.
    while (isUnanswered(result, delayed) && Date.now() < until && epoch === sessionEpoch()) {
      if (!delayed) this.countDelayed(+1);
      delayed = true;
      if (!result.ok && result.error.code === ErrorCode.ServerBusy) await pause(1000);
      if (!(await this.untilConnected(until)) || epoch !== sessionEpoch()) break;
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
    const { inbound, ackTimeoutMs } = this.options;
    if (!this.options.socket.connected) return Promise.resolve(notConnected());
    const socket = this.options.socket as unknown as Socket;
    const args: unknown[] = requestId === null ? [payload] : [payload, { requestId }];
    return new Promise((resolve) => {
      socket.timeout(ackTimeoutMs).emit(event, ...args, (err: unknown, answer: unknown) => {
        if (err) resolve(timedOut());
        else inbound.answer(event, answer as RequestResult<ClientResult<E>>, resolve);
      });
    });
  }

  /** Resolves true once the socket is connected (at once if it is), or false at `until`. */
  private untilConnected(until: number): Promise<boolean> {
    const { socket } = this.options;
    if (socket.connected) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (connected: boolean) => {
        clearTimeout(timer);
        socket.off("connect", onConnect);
        resolve(connected);
      };
      const onConnect = () => done(true);
      const timer = setTimeout(() => done(false), Math.max(0, until - Date.now()));
      socket.on("connect", onConnect);
    });
  }

  private countDelayed(change: number): void {
    this.delayed += change;
    for (const listener of this.delayedListeners) listener(this.delayed);
  }
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
