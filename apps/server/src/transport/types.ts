import type { ClientToServerEvents, ServerToClientEvents } from "@lobby/contracts";
import type { Namespace, Server, Socket } from "socket.io";

/** Per-connection data, set by the handshake middleware from server state only. */
export interface SocketData {
  playerId: string;
  name: string;
}

export type LobbyIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type LobbyNamespace = Namespace<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
export type LobbySocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
