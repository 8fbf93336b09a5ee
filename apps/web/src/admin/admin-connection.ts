import {
  ADMIN_NAMESPACE,
  ErrorCode,
  type AckResult,
  type AdminClientToServerEvents,
  type AdminEventName,
  type AdminPayload,
  type AdminResult,
  type AdminServerToClientEvents,
} from "@lobby/contracts";
import { handshakeRefusal } from "@lobby/client";
import { io, type Socket } from "socket.io-client";
import {
  applyAuditEntry,
  applyConnected,
  applyDropped,
  applySignedOut,
  applySnapshot,
  applyUnreachable,
  startSignIn,
  type AdminState,
} from "./admin-state";
import { updateAdmin } from "./admin-store";
import * as tokenStorage from "./token-storage";

/*
 * The one place that owns the /admin connection: it opens the socket with
 * the operator's token, turns its events into store transitions, and sends
 * the actions. Components never see the socket. Apart from the player app's
 * connection: the admin page opens no /lobby socket at all.
 */

export type AdminSocket = Socket<AdminServerToClientEvents, AdminClientToServerEvents>;

export const TOKEN_REFUSED = "That token was not accepted.";
export const ADMIN_OFF = "This server has no admin page: it runs without ADMIN_TOKEN.";
export const CLOSED_BY_SERVER = "The server closed the admin connection. Sign in again.";
export const ACK_TIMEOUT_MS = 8000;

/** An action's answer, or why there is none (not connected, no answer in time). */
export type AdminRequestResult<T> = AckResult<T> | { ok: false; error: { code: string; message: string } };

export interface AdminConnectionDeps {
  createSocket: (token: string) => AdminSocket;
  store: { update: (transition: (state: AdminState) => AdminState) => void };
  tokens: Pick<typeof tokenStorage, "loadToken" | "saveToken" | "forgetToken">;
  now: () => number;
}

export interface AdminConnection {
  /** Connect with `token`, keeping it for this tab only while it is accepted. */
  signIn: (token: string) => void;
  /** A reload: sign in again with this tab's token, if it has one. */
  signInOnStartUp: () => void;
  /** Close the connection and forget the token. */
  signOut: () => void;
  /** Send an action and wait for its answer. */
  request: <E extends AdminEventName>(
    event: E,
    payload: AdminPayload<E>,
  ) => Promise<AdminRequestResult<AdminResult<E>>>;
}

/** Why the server turned the handshake away, in plain words. */
export function describeAdminRefusal(error: Error): string {
  const refusal = handshakeRefusal(error);
  if (refusal?.code === ErrorCode.Unauthorized) return TOKEN_REFUSED;
  if (error.message === "Invalid namespace") return ADMIN_OFF;
  return refusal?.message || "The server refused the admin connection.";
}

export function createAdminConnection({ createSocket, store, tokens, now }: AdminConnectionDeps): AdminConnection {
  const { update } = store;
  let socket: AdminSocket | null = null;

  function signIn(rawToken: string): void {
    const token = rawToken.trim();
    if (token === "") {
      update(() => applySignedOut("Type the admin token first."));
      return;
    }
    close();
    const next = createSocket(token);
    socket = next;
    const live = () => socket === next;
    update(startSignIn);

    next.on("connect", () => {
      if (!live()) return;
      // Accepted: keep it for a reload of this tab (and this tab only).
      tokens.saveToken(token);
      update(applyConnected);
    });
    next.on("connect_error", (error) => {
      if (!live()) return;
      // Socket.IO retries a failed transport by itself; a refusal is final.
      if (next.active) {
        update(applyUnreachable);
        return;
      }
      close();
      tokens.forgetToken();
      update(() => applySignedOut(describeAdminRefusal(error)));
    });
    next.on("disconnect", () => {
      if (!live()) return;
      if (next.active) {
        update(applyDropped);
        return;
      }
      // The server ended the connection on purpose and Socket.IO will not bring it back.
      close();
      update(() => applySignedOut(CLOSED_BY_SERVER));
    });
    next.on("admin:snapshot", (snapshot) => {
      if (live()) update((s) => applySnapshot(s, snapshot, now()));
    });
    next.on("admin:audit", (entry) => {
      if (live()) update((s) => applyAuditEntry(s, entry));
    });
    next.connect();
  }

  function signInOnStartUp(): void {
    const token = tokens.loadToken();
    if (token) signIn(token);
  }

  function signOut(): void {
    close();
    tokens.forgetToken();
    update(() => applySignedOut(null));
  }

  function close(): void {
    const current = socket;
    socket = null;
    current?.disconnect();
  }

  async function request<E extends AdminEventName>(
    event: E,
    payload: AdminPayload<E>,
  ): Promise<AdminRequestResult<AdminResult<E>>> {
    const current = socket;
    // Socket.IO would buffer the emit and send it after reconnecting, long after the operator gave up on it.
    if (!current?.connected) {
      return { ok: false, error: { code: "NOT_CONNECTED", message: "Not connected to the server right now." } };
    }
    // The typed emit cannot correlate a generic event with its payload; the signature above does.
    const untyped = current as unknown as Socket;
    try {
      return (await untyped.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as AckResult<AdminResult<E>>;
    } catch {
      return { ok: false, error: { code: "TIMEOUT", message: "The server didn't answer in time." } };
    }
  }

  return { signIn, signInOnStartUp, signOut, request };
}

/** The page's origin, websocket only, as the SDK connects; a new connection per sign-in. */
function openAdminSocket(token: string): AdminSocket {
  return io(ADMIN_NAMESPACE, {
    path: "/socket.io",
    transports: ["websocket"],
    auth: { token },
    autoConnect: false,
    forceNew: true,
  });
}

/** The admin page's connection: a real socket, the admin store and this tab's storage. */
export const adminConnection: AdminConnection = createAdminConnection({
  createSocket: openAdminSocket,
  store: { update: updateAdmin },
  tokens: tokenStorage,
  now: () => Date.now(),
});
