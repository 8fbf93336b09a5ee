import { createHmac, timingSafeEqual } from "node:crypto";
import type { Clock } from "../core/clock";

/** What a genuine, unexpired token says. */
export interface SignedClaims {
  /** The id it names: a player's session, or a device's identity. */
  id: string;
  /**
   * The record's generation when the token was issued. Every connection
   * moves a session (and its identity) to the next generation and is given
   * tokens for it; a token holds only for a live record at its generation
   * or the one before (see `sessions.claimHolds`), so an older token, or any
   * token of an ended record, holds nothing.
   */
  generation: number;
  expiresAt: number;
}

/**
 * Tokens of the form `<version>.<id>.<expiresAt>.<generation>.<HMAC-SHA256>`
 * (numbers in base 36; the MAC covers everything before it). Only the server
 * can mint one, so a client cannot claim another player's id. The signature
 * and expiry are checked here; whether the record still stands at that
 * generation is the store's to say.
 */
function signedTokens(version: string, key: string, clock: Clock, ttlMs: number) {
  const mac = (body: string) => createHmac("sha256", key).update(body).digest("base64url");
  return {
    /** A token for `id` at `generation`, valid for `ttlMs` from now. */
    sign(id: string, generation: number): string {
      const body = `${version}.${id}.${(clock.now() + ttlMs).toString(36)}.${generation.toString(36)}`;
      return `${body}.${mac(body)}`;
    },
    /** The claims of a genuine token that has not expired; null if malformed, forged or expired. */
    verify(token: string): SignedClaims | null {
      const parts = token.split(".");
      if (parts.length !== 5 || parts[0] !== version) return null;
      const [, id, expiry, generation, signature] = parts as [string, string, string, string, string];
      const expected = Buffer.from(mac(parts.slice(0, 4).join(".")));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      const expiresAt = parseInt(expiry, 36);
      if (!id || !(expiresAt > clock.now())) return null;
      return { id, generation: parseInt(generation, 36), expiresAt };
    },
  };
}

export type SignedTokens = ReturnType<typeof signedTokens>;

/** Session tokens (`v2.…`): resume one session — its id, queue place and seat. Per tab. */
export function sessionTokens(secret: string, clock: Clock, ttlMs: number): SignedTokens {
  return signedTokens("v2", secret, clock, ttlMs);
}

/**
 * Identity tokens (`i1.…`): the lasting identity of a device, across sessions. Signed with a key of
 * their own derived from the secret, so neither kind of token can stand in for the other.
 */
export function identityTokens(secret: string, clock: Clock, ttlMs: number): SignedTokens {
  return signedTokens("i1", createHmac("sha256", secret).update("lobby identity tokens").digest("hex"), clock, ttlMs);
}
