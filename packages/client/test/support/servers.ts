import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  LOBBY_NAMESPACE,
  MODE_IDS,
  Session,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from "@lobby/contracts";
import { Server, type Namespace, type Socket as ServerSocket } from "socket.io";
import { createLobbyClient, type LobbyClient, type LobbyClientOptions } from "../../src";

/*
 * Servers and clients for the SDK's tests, each server on its own port 0.
 * A bare Socket.IO server speaks just enough of the protocol for what only a
 * scripted server can make happen on cue (a refusal N times, an ack that
 * never comes, a push in the same tick as an ack); the real Lobby is in
 * lobby-server.ts.
 */

export type BareNamespace = Namespace<ClientToServerEvents, ServerToClientEvents>;
export type BareSocket = ServerSocket<ClientToServerEvents, ServerToClientEvents>;

export async function listen(httpServer: HttpServer): Promise<string> {
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
}

/** A bare Socket.IO server with a `/lobby` namespace that `setup` scripts. */
export async function startBareServer(setup: (lobby: BareNamespace) => void) {
  const httpServer = createServer();
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer, { transports: ["websocket"] });
  const lobby = io.of(LOBBY_NAMESPACE);
  setup(lobby);
  const url = await listen(httpServer);
  return { url, lobby, close: () => io.close() };
}

/** A `session:ready` payload, checked against the contract so the bare server speaks the real shape. */
export function fakeSession(token: string, playerId = "p1", identity = fakeIdentity(1)): Session {
  return Session.parse({
    player: { id: playerId, name: "Ada" },
    modes: [],
    serverTime: Date.now(),
    token,
    resumed: false,
    stats: { online: 1, queues: Object.fromEntries(MODE_IDS.map((mode) => [mode, 0])) },
    identity,
    rejoin: null,
  });
}

/** An identity token shaped as the server's (`i1.<id>.<expiry>.<generation>.<mac>`), at `generation`. */
export function fakeIdentity(generation: number): string {
  return `i1.device.zz.${generation.toString(36)}.${"A".repeat(43)}`;
}

/**
 * Accept every connection as the Lobby does (`session:ready` with a fresh
 * token per connection, pings answered), after `handle` has set up the rest.
 */
export function greet(lobby: BareNamespace, handle: (socket: BareSocket) => void = () => undefined): void {
  let connections = 0;
  lobby.on("connection", (socket) => {
    connections++;
    socket.on("session:ping", (_payload, ack) => ack({ ok: true, data: { serverTime: Date.now() } }));
    handle(socket);
    socket.emit("session:ready", fakeSession(`token-${connections}`, "p1", fakeIdentity(connections)));
  });
}

/** What a bare server received, apart from the SDK's own pings. */
export function recordEvents(socket: BareSocket, into: { event: string; payload: unknown }[]): void {
  socket.onAny((event: string, payload: unknown) => {
    if (event !== "session:ping") into.push({ event, payload });
  });
}

/** A refusal as the Lobby's handshake middleware makes it: an Error whose `data` is the ack error. */
export function refusal(code: string, message = "Refused."): Error {
  return Object.assign(new Error(message), { data: { code, message } });
}

/** Clients made here are disconnected by `closeAll`, whatever a test left open. */
export function clientPool() {
  const open: LobbyClient[] = [];
  return {
    /** A client that pings only when asked and, unless told otherwise, does not reconnect. */
    client(options: LobbyClientOptions): LobbyClient {
      const client = createLobbyClient({ pingIntervalMs: 0, reconnection: false, ...options });
      open.push(client);
      return client;
    },
    closeAll(): void {
      for (const client of open.splice(0)) client.disconnect();
    },
  };
}

// The server's test helper, by path like the server itself (see lobby-server.ts).
export { nextEvent } from "../../../../apps/server/test/support/test-server";
