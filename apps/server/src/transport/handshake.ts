import { ErrorCode, IdentityToken, PlayerName, SessionToken } from "@lobby/contracts";
import type { ExtendedError, Socket } from "socket.io";
import { randomId, type Random } from "../core/random";
import type { AddressBudgets } from "./address-budgets";
import { banKey, type Bans } from "./bans";
import { clientAddress, type AddressConnections } from "./address-connections";
import type { Metrics } from "../metrics/metrics";
import type { RefusalLog } from "./refusal-log";
import type { SignedClaims, SignedTokens } from "./session-token";
import type { LobbySocket } from "./types";

type Next = (err?: ExtendedError) => void;

export interface HandshakeDeps {
  random: Random;
  tokens: SignedTokens;
  identities: SignedTokens;
  connections: AddressConnections;
  /** Live connections allowed per address; 0 for no cap. */
  maxConnectionsPerAddress: number;
  trustProxy: boolean;
  addressKey: (address: string) => string;
  budgets: AddressBudgets;
  refusals: RefusalLog;
  /** Where refused handshakes are counted by reason. */
  metrics: Metrics;
  /** Whether the session a genuine token names still stands at the token's generation. */
  sessionStands: (claims: SignedClaims) => Promise<boolean>;
  /** The away session a `rejoin` of this identity takes over, and its generation; null for none. */
  rejoinTarget: (identity: {
    id: string;
    generation: number;
  }) => Promise<{ playerId: string; generation: number } | null>;
  /** Whether an address has been refused too often lately (see `AddressAbuse`): then it is not let in. */
  abusive: (addressKey: string) => boolean;
  /** Whether the lobby sheds load (or drains): then no new players. */
  busy: () => boolean;
  /** Addresses and identities an admin banned. */
  bans: Bans;
}

/**
 * The `/lobby` handshake. In order: the address's connection cap, the
 * display name, a busy lobby (for a player with neither a session token
 * nor a rejoin, before anything is looked up in the store, which may be
 * what stalls), the token's shape; then the player is either the one a
 * genuine, unexpired token of a standing session names (a resume), the
 * away session of the device's identity that `rejoin` asks for (a resume
 * too), or a new player with a fresh server-assigned id — but no new player
 * while the lobby is busy or once the address has started its quota of new
 * sessions. An identity token that is malformed, forged or expired is
 * ignored: the player then gets a new identity.
 * A refusal reaches the client as `connect_error` with `data: { code, message }`.
 */
export function handshake(deps: HandshakeDeps): (socket: LobbySocket, next: Next) => void {
  return (socket, next) => void admit(deps, socket, next);
}

async function admit(deps: HandshakeDeps, socket: LobbySocket, next: Next): Promise<void> {
  const address = clientAddress(socket.request, deps.trustProxy);
  const addressKey = deps.addressKey(address);
  const refuse = (code: ErrorCode, message: string) => {
    deps.refusals.note(code, addressKey);
    deps.metrics.handshakeRefused(code);
    next(refusal(code, message));
  };
  const refuseBusy = () => refuse(ErrorCode.ServerBusy, "The server is busy — trying again shortly.");
  // Socket.IO does not catch errors thrown by middleware; nothing may escape.
  try {
    const max = deps.maxConnectionsPerAddress;
    if (max > 0 && deps.connections.count(address) > max) {
      refuse(ErrorCode.TooManyConnections, "Too many connections from your address.");
      return;
    }
    if (deps.abusive(addressKey)) {
      refuse(ErrorCode.RateLimited, "Too many refused messages from your address — wait a moment.");
      return;
    }
    const auth: unknown = socket.handshake.auth;
    const fields = typeof auth === "object" && auth !== null ? (auth as Record<string, unknown>) : {};
    const name = PlayerName.safeParse(fields.name);
    if (!name.success) {
      refuse(ErrorCode.InvalidName, name.error.issues[0]?.message ?? "Invalid name");
      return;
    }
    // A server that is behind takes no new players, and says so before looking anything up in the
    // store, which may be what holds it up (a stalled Redis).
    if (fields.token === undefined && fields.rejoin !== true && deps.busy()) {
      refuseBusy();
      return;
    }
    let resume: { playerId: string; generation: number } | null = null;
    if (fields.token !== undefined) {
      const token = SessionToken.safeParse(fields.token);
      if (!token.success) {
        refuse(ErrorCode.InvalidToken, "That session token is malformed; connect without it to start a new session.");
        return;
      }
      const claims = deps.tokens.verify(token.data);
      if (claims && (await deps.sessionStands(claims))) resume = { playerId: claims.id, generation: claims.generation };
    }
    // A first visit brings none: no parse (and no failed parse's error object) for it.
    const identityToken = fields.identity === undefined ? null : IdentityToken.safeParse(fields.identity);
    const identityClaims = identityToken?.success ? deps.identities.verify(identityToken.data) : null;
    const identity = identityClaims && { id: identityClaims.id, generation: identityClaims.generation };
    const banned = await deps.bans.remainingMs([
      banKey.address(addressKey),
      ...(identity ? [banKey.identity(identity.id)] : []),
    ]);
    if (banned !== null) {
      const minutes = Math.max(1, Math.ceil(banned / 60_000));
      refuse(ErrorCode.Banned, `You are banned from this lobby for ${minutes} more minute${minutes === 1 ? "" : "s"}.`);
      return;
    }
    if (!resume && identity && fields.rejoin === true) resume = await deps.rejoinTarget(identity);
    if (!resume) {
      // A server that is behind takes no new players; a returning one may hold a seat and comes in.
      if (deps.busy()) {
        refuseBusy();
        return;
      }
      if (!(await deps.budgets.take("session", addressKey))) {
        refuse(ErrorCode.TooManySessions, "Too many new players from your address — try again in a minute.");
        return;
      }
    }
    socket.data.playerId = resume?.playerId ?? randomId(deps.random, 16);
    socket.data.name = name.data;
    socket.data.addressKey = addressKey;
    socket.data.claim = resume?.generation ?? null;
    socket.data.identity = identity;
    next();
  } catch {
    refuse(ErrorCode.Internal, "The server could not accept the connection.");
  }
}

/** Lobby serves only its own namespaces: every handshake elsewhere (the root `/`) is refused. */
export function refuseNamespace(refusals: RefusalLog, metrics: Metrics, addressOf: (socket: Socket) => string) {
  return (socket: Socket, next: Next) => {
    refusals.note(ErrorCode.UnknownNamespace, addressOf(socket));
    metrics.handshakeRefused(ErrorCode.UnknownNamespace);
    next(refusal(ErrorCode.UnknownNamespace, "Lobby serves /lobby only."));
  };
}

/** A handshake refusal as clients read it: `connect_error` with `data: { code, message }`. */
function refusal(code: ErrorCode, message: string): ExtendedError {
  const err: ExtendedError = new Error(message);
  err.data = { code, message };
  return err;
}
