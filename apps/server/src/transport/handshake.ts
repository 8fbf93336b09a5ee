import { ErrorCode, HandshakeAuth } from "@lobby/contracts";
import type { ExtendedError } from "socket.io";
import { randomId, type Random } from "../core/random";
import type { LobbySocket } from "./types";

/**
 * Validates the display name in the handshake and gives the connection a
 * server-assigned player id. A refusal reaches the client as `connect_error`
 * with `data: { code, message }`.
 */
export function handshake(random: Random) {
  return (socket: LobbySocket, next: (err?: ExtendedError) => void) => {
    // Socket.IO does not catch errors thrown by middleware; nothing may escape.
    try {
      accept(socket, next, random);
    } catch {
      const err: ExtendedError = new Error("The server could not accept the connection.");
      err.data = { code: ErrorCode.Internal, message: err.message };
      next(err);
    }
  };
}

function accept(socket: LobbySocket, next: (err?: ExtendedError) => void, random: Random) {
  const parsed = HandshakeAuth.safeParse(socket.handshake.auth);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Invalid name";
    const err: ExtendedError = new Error(message);
    err.data = { code: ErrorCode.InvalidName, message };
    next(err);
    return;
  }
  socket.data.playerId = randomId(random, 16);
  socket.data.name = parsed.data.name;
  next();
}
