import { createHmac } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Clock } from "../core/clock";
import { TokenBucket } from "../core/token-bucket";

/**
 * The client address of a request. With `trustProxy` (only behind a load
 * balancer that sets `X-Forwarded-For`) it is the last address that header
 * names — the one the balancer saw — since the peer is then the balancer.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  if (!trustProxy) return peer;
  const header = req.headers["x-forwarded-for"];
  const value = Array.isArray(header) ? header.at(-1) : header;
  return value?.split(",").at(-1)?.trim() || peer;
}

/**
 * The name an address goes by in lobby state and budgets: a keyed hash, so
 * neither Redis nor a room record ever holds a client's IP address, while
 * every node with the same secret names the same address alike.
 */
export function addressKeyer(secret: string): (address: string) => string {
  return (address) => createHmac("sha256", secret).update(`address:${address}`).digest("base64url").slice(0, 22);
}

/** Handshakes an address at its cap may have refused with a code before it is turned away at the door. */
const POLITE_BURST = 10;
const POLITE_REFILL_MS = 1000;

/** An engine.io connection as far as counting goes: its request, and its close. */
interface EngineConnection {
  request: IncomingMessage;
  once(event: "close", listener: () => void): unknown;
}

/**
 * Open connections per client address, counted where a connection really
 * begins and ends: the engine.io (websocket) connection. Its `close` fires
 * on every path — a refused namespace handshake whose client then hangs up,
 * a client gone before its handshake finished, a ping timeout — so the
 * count is exactly the address's live connections at every moment, and no
 * refusal can hold a slot. (Counting in namespace middleware did not: a
 * handshake refused after the count never disconnects, and kept its slot.)
 */
export class AddressConnections {
  private readonly open = new Map<string, number>();
  /** Per address at its cap: how many more handshakes it may be refused politely (see `admits`). */
  private readonly politeRefusals = new Map<string, TokenBucket>();

  constructor(
    private readonly trustProxy: boolean,
    private readonly max: number,
    private readonly clock: Clock,
  ) {}

  /**
   * Whether to let a request from `req` open a connection at all. An address
   * at its cap is refused in the `/lobby` handshake, with a code its player
   * can be told about (`TOO_MANY_CONNECTIONS`), about once a second after a
   * short burst; beyond that, while it keeps trying, it is refused here,
   * before the websocket upgrade — what a flood of handshakes costs the
   * server is then an HTTP request each, not a whole connection.
   */
  admits(req: IncomingMessage): boolean {
    if (this.max <= 0) return true;
    const address = clientAddress(req, this.trustProxy);
    if (this.count(address) < this.max) return true;
    let bucket = this.politeRefusals.get(address);
    if (!bucket)
      this.politeRefusals.set(address, (bucket = new TokenBucket(this.clock, POLITE_BURST, POLITE_REFILL_MS)));
    return bucket.take();
  }

  /** Count the connections of an engine.io server from now on. */
  track(engine: { on(event: "connection", listener: (conn: EngineConnection) => void): unknown }): void {
    engine.on("connection", (conn) => {
      const address = clientAddress(conn.request, this.trustProxy);
      this.open.set(address, (this.open.get(address) ?? 0) + 1);
      conn.once("close", () => {
        const left = (this.open.get(address) ?? 1) - 1;
        if (left > 0) {
          this.open.set(address, left);
          return;
        }
        // Only addresses with open connections are tracked, so memory follows the live connections.
        this.open.delete(address);
        this.politeRefusals.delete(address);
      });
    });
  }

  /** Live connections from `address`, including the one asking. */
  count(address: string): number {
    return this.open.get(address) ?? 0;
  }

  /** Addresses with a live connection (for tests and figures). */
  get addresses(): number {
    return this.open.size;
  }
}
