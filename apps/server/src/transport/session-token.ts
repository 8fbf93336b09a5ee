import { createHmac, timingSafeEqual } from "node:crypto";
import type { Clock } from "../core/clock";

const VERSION = "v2";

/** What a genuine, unexpired token says. */
export interface TokenClaims {
  playerId: string;
  /**
   * The session's token generation when it was issued. Every connection
   * (a new session or a resume) moves the session to the next generation
   * and is given a token for it; a token resumes only a live session at its
   * generation or the one before (see `sessions.claimHolds`), so an older
   * token, or any token of an ended session, resumes nothing.
   */
  generation: number;
  expiresAt: number;
}

/**
 * Session tokens: `v2.<playerId>.<expiresAt>.<generation>.<HMAC-SHA256>`
 * (numbers in base 36; the MAC covers everything before it). Only the server
 * can mint one, so a client cannot claim another player's id. The signature
 * and expiry are checked here; whether the session still stands at that
 * generation is the store's to say.
 */
export function sessionTokens(secret: string, clock: Clock, ttlMs: number) {
  const mac = (body: string) => createHmac("sha256", secret).update(body).digest("base64url");
  return {
    /** A token for `playerId`'s session at `generation`, valid for `ttlMs` from now. */
    sign(playerId: string, generation: number): string {
      const body = `${VERSION}.${playerId}.${(clock.now() + ttlMs).toString(36)}.${generation.toString(36)}`;
      return `${body}.${mac(body)}`;
    },
    /** The claims of a genuine token that has not expired; null if malformed, forged or expired. */
    verify(token: string): TokenClaims | null {
      const parts = token.split(".");
      if (parts.length !== 5 || parts[0] !== VERSION) return null;
      const [, playerId, expiry, generation, signature] = parts as [string, string, string, string, string];
      const expected = Buffer.from(mac(parts.slice(0, 4).join(".")));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      const expiresAt = parseInt(expiry, 36);
      if (!playerId || !(expiresAt > clock.now())) return null;
      return { playerId, generation: parseInt(generation, 36), expiresAt };
    },
  };
}

export type SessionTokens = ReturnType<typeof sessionTokens>;
