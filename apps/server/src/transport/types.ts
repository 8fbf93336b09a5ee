import type { ClientToServerEvents, ServerToClientEvents } from "@lobby/contracts";
import type { Namespace, Server, Socket } from "socket.io";

/** Per-connection data, set by the handshake middleware from server state only. */
export interface SocketData {
  playerId: string;
  name: string;
  /** The client address as lobby state and budgets know it: a keyed hash (see `addressKeyer`). */
  addressKey: string;
  /** The token generation this connection resumes its session at; null for a new session. */
  claim: number | null;
  /** The device identity the connection presented with a genuine token; null for none. */
  identity: { id: string; generation: number } | null;
}

export type LobbyIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type LobbyNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type LobbySocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
