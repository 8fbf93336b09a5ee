import { ErrorCode, HandshakeAuth } from "@lobby/contracts";
import type { ExtendedError } from "socket.io";
import { randomId, type Random } from "../core/random";
import type { SessionTokens } from "./session-token";
import type { LobbySocket } from "./types";

type Next = (err?: ExtendedError) => void;

/**
 * Validates the display name and resolves the player id: the one a valid
 * session token was issued for, or a fresh server-assigned id — but no new
 * player while the lobby is `busy`. A refusal reaches the client as
 * `connect_error` with `data: { code, message }`.
 */
export function handshake(random: Random, tokens: SessionTokens, busy: () => boolean = () => false) {
  return (socket: LobbySocket, next: Next) => {
    // Socket.IO does not catch errors thrown by middleware; nothing may escape.
    try {
      const parsed = HandshakeAuth.safeParse(socket.handshake.auth);
      if (!parsed.success) {
        refuse(next, ErrorCode.InvalidName, parsed.error.issues[0]?.message ?? "Invalid name");
        return;
      }
      const resumedId = parsed.data.token ? tokens.verify(parsed.data.token) : null;
      // A server that is behind takes no new players; a returning one may hold a seat and comes in.
      if (resumedId === null && busy()) {
        refuse(next, ErrorCode.ServerBusy, "The server is busy — trying again shortly.");
        return;
      }
      socket.data.playerId = resumedId ?? randomId(random, 16);
      socket.data.name = parsed.data.name;
      next();
    } catch {
      refuse(next, ErrorCode.Internal, "The server could not accept the connection.");
    }
  };
}

/**
 * Caps live connections per client address; 0 means no cap. With
 * `trustProxy` (only behind a load balancer that sets `X-Forwarded-For`) the
 * address is the last one that header names — the one the balancer saw —
 * since the peer is then the balancer itself.
 */
export function connectionsPerAddress(max: number, trustProxy = false) {
  const open = new Map<string, number>();
  return (socket: LobbySocket, next: Next) => {
    if (max <= 0) {
      next();
      return;
    }
    const address = (trustProxy && forwardedFor(socket.handshake.headers["x-forwarded-for"])) || socket.handshake.address;
    const count = open.get(address) ?? 0;
    if (count >= max) {
      refuse(next, ErrorCode.TooManyConnections, "Too many connections from your address.");
      return;
    }
    open.set(address, count + 1);
    socket.once("disconnect", () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
    next();
  };
}

function forwardedFor(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header.at(-1) : header;
  const last = value?.split(",").at(-1)?.trim();
  return last || null;
}

function refuse(next: Next, code: string, message: string) {
  const err: ExtendedError = new Error(message);
  err.data = { code, message };
  next(err);
}
