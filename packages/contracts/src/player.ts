import { z } from "zod";

export const NAME_MAX_LENGTH = 24;

// C0/C1 controls, line/paragraph separators and bidi overrides: invisible or
// layout-breaking in a roster, so names may not contain them.
const FORBIDDEN_NAME_CHARS = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/** A display name: trimmed, 1–24 characters, no control characters. */
export const PlayerName = z
  .string()
  .trim()
  .min(1, "Name must not be empty")
  .max(NAME_MAX_LENGTH, `Name must be at most ${NAME_MAX_LENGTH} characters`)
  .refine((name) => !FORBIDDEN_NAME_CHARS.test(name), "Name must not contain control characters");
export type PlayerName = z.output<typeof PlayerName>;

/** Server-assigned player id. Clients never choose it. */
export const PlayerId = z.string().min(1).max(64);
export type PlayerId = z.infer<typeof PlayerId>;

/** An opaque, server-signed session token; resuming with it keeps the player's id, queue place and seat. */
export const SessionToken = z.string().min(1).max(256);

/** What the handshake must carry in `auth`. */
export const HandshakeAuth = z.object({ name: PlayerName, token: SessionToken.optional() });
export type HandshakeAuth = z.input<typeof HandshakeAuth>;

/** A player as everyone else sees them. */
export const PublicPlayer = z.object({ id: PlayerId, name: z.string() });
export type PublicPlayer = z.infer<typeof PublicPlayer>;
