import { createHmac, timingSafeEqual } from "node:crypto";

const VERSION = "v1";

/**
 * Opaque session tokens: `v1.<playerId>.<HMAC-SHA256(secret, v1.playerId)>`.
 * Only the server can mint one, so a client cannot claim another player's
 * id; the id itself is server-assigned and carries no other trust.
 */
export function sessionTokens(secret: string) {
  const mac = (body: string) => createHmac("sha256", secret).update(body).digest("base64url");
  return {
    sign(playerId: string): string {
      const body = `${VERSION}.${playerId}`;
      return `${body}.${mac(body)}`;
    },
    /** The player id a token was issued for, or null if it is malformed or forged. */
    verify(token: string): string | null {
      const parts = token.split(".");
      if (parts.length !== 3 || parts[0] !== VERSION || !parts[1] || !parts[2]) return null;
      const body = `${parts[0]}.${parts[1]}`;
      const expected = Buffer.from(mac(body));
      const given = Buffer.from(parts[2]);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      return parts[1];
    },
  };
}

export type SessionTokens = ReturnType<typeof sessionTokens>;
