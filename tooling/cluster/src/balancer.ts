import { Agent, createServer, ServerResponse, type IncomingMessage } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import type { Duplex } from "node:stream";
import { createProxyServer } from "http-proxy-3";
import { TargetPool } from "./target-pool";

/** Options for {@link createBalancer}. */
export interface BalancerOptions {
  /** The port to listen on; 0 for one the OS picks. */
  port: number;
  /** The interface to bind. Default `127.0.0.1`. */
  host?: string;
  /** The nodes' base URLs, e.g. `http://127.0.0.1:3001`. Plain HTTP only. */
  targets: readonly string[];
  /** How long a target that failed to connect is passed over. Default 2 s. */
  downForMs?: number;
  /** A target that has not accepted the TCP connection by then counts as down. Default 2 s. */
  connectTimeoutMs?: number;
  /** Told when a live target fails to connect and is marked down, e.g. for a launcher's log. */
  onTargetDown?: (target: string, error: Error) => void;
}

/** A running load balancer. */
export interface Balancer {
  /** Where clients connect: `http://<host>:<port>`, with 127.0.0.1 for a wildcard host. */
  readonly url: string;
  readonly port: number;
  /** Whether `target` is being passed over after a failed connection. */
  isDown(target: string): boolean;
  /** Stop listening and drop every open connection, websockets included. */
  close(): Promise<void>;
}

const DEFAULT_DOWN_FOR_MS = 2_000;
const DEFAULT_CONNECT_TIMEOUT_MS = 2_000;
const BAD_GATEWAY_UPGRADE = "HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\nContent-Length: 0\r\n\r\n";

/**
 * An HTTP and websocket reverse proxy in front of several nodes. Every new HTTP request and every
 * websocket upgrade goes to the next target in round-robin order; a target that refuses the
 * connection is skipped (the next one is tried) and passed over for `downForMs`. Answers 502 only
 * when no target accepts. Adds `x-forwarded-for` (and `-port`, `-proto`, `-host`).
 */
export async function createBalancer(options: BalancerOptions): Promise<Balancer> {
  const pool = new TargetPool(options.targets, options.downForMs ?? DEFAULT_DOWN_FOR_MS);
  const addresses = new Map(options.targets.map((target) => [target, socketAddress(target)]));
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const proxy = createProxyServer({ xfwd: true });
  const websockets = new Set<Duplex>();

  /** The first target, in round-robin order, that accepts a TCP connection, with that connection. */
  async function connectToLiveTarget(): Promise<{ target: string; socket: Socket } | null> {
    for (const target of pool.candidates()) {
      try {
        const socket = await dial(addresses.get(target) ?? socketAddress(target), connectTimeoutMs);
        pool.markUp(target);
        return { target, socket };
      } catch (error) {
        if (!pool.isDown(target)) options.onTargetDown?.(target, error as Error);
        pool.markDown(target);
      }
    }
    return null;
  }

  // Errors after a target accepted the connection land here: it died mid-request, or the client went
  // away. No retry elsewhere: with the body possibly sent, a request could run twice.
  proxy.on("error", (_error, _req, res) => {
    if (res instanceof ServerResponse && !res.headersSent) badGateway(res);
    else res.destroy();
  });

  const server = createServer((req, res) => {
    void connectToLiveTarget().then((picked) => {
      if (!picked) badGateway(res);
      else if (res.destroyed) picked.socket.destroy();
      else proxy.web(req, res, { target: picked.target, agent: agentOver(picked.socket) });
    });
  });

  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    websockets.add(socket);
    socket.once("close", () => websockets.delete(socket));
    // A client that resets while the balancer dials must not take the process down.
    socket.on("error", () => socket.destroy());
    void connectToLiveTarget().then((picked) => {
      if (!picked) socket.end(BAD_GATEWAY_UPGRADE);
      else if (socket.destroyed) picked.socket.destroy();
      else proxy.ws(req, socket, head, { target: picked.target, agent: agentOver(picked.socket) });
    });
  });

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    isDown: (target) => pool.isDown(target),
    close: () =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        for (const socket of websockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface SocketAddress {
  host: string;
  port: number;
}

function socketAddress(target: string): SocketAddress {
  const url = new URL(target);
  if (url.protocol !== "http:") throw new Error(`balancer targets must be http:// URLs, got ${target}`);
  return { host: url.hostname.replace(/^\[(.*)\]$/, "$1"), port: Number(url.port || 80) };
}

/** Open a TCP connection, rejecting on refusal or when it is not accepted within `timeoutMs`. */
function dial(address: SocketAddress, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(address);
    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error(`not accepted within ${timeoutMs} ms`)));
    socket.once("error", fail);
    socket.once("connect", () => {
      socket.setTimeout(0);
      socket.off("error", fail);
      // The proxy's request attaches its own handlers a tick later; an error before that must not throw.
      socket.on("error", () => socket.destroy());
      resolve(socket);
    });
  });
}

/**
 * An agent whose one connection is `socket`, already open. The proxy then never dials a target
 * itself, so the balancer alone picks targets and retries refused ones: http-proxy-3 answers a
 * failed websocket dial by destroying the client's socket, which leaves nothing to retry with.
 * Without keep-alive the agent closes the socket after one response.
 */
function agentOver(socket: Socket): Agent {
  const agent = new Agent({ keepAlive: false });
  agent.createConnection = () => socket;
  return agent;
}

function badGateway(res: ServerResponse): void {
  res.writeHead(502, { "content-type": "text/plain; charset=utf-8", connection: "close" });
  res.end("Bad gateway: no Lobby node accepted the connection.\n");
}
