import type { ModeId } from "@lobby/contracts";

/**
 * What the server reports as it runs, for operators: the lobby core reports
 * games and matches, the edge every answered event and refused handshake.
 * An interface, so the core stays free of any metrics library and tests run
 * with `noMetrics`; `prometheusMetrics` is the implementation a server runs.
 * Every call is made once per thing that happened (never from inside a store
 * transaction that may run again).
 */
export interface Metrics {
  /** Quick match made a room for a group. */
  matchMade(mode: ModeId): void;
  /** A queued player (or one who found an open room at once: 0) got a seat after waiting `waitedMs`. */
  queueWait(mode: ModeId, waitedMs: number): void;
  /** A room's countdown ended and its game started. */
  gameStarted(mode: ModeId): void;
  /** A client event was answered: `code` is "OK" or the error code; `seconds` from receipt to the answer. */
  ack(event: string, code: string, seconds: number): void;
  /** A handshake was refused, for `reason` (an error code, or what the door refused). */
  handshakeRefused(reason: string): void;
}

/** Reports nothing. */
export const noMetrics: Metrics = {
  matchMade: () => {},
  queueWait: () => {},
  gameStarted: () => {},
  ack: () => {},
  handshakeRefused: () => {},
};
