import { z } from "zod";

export const NAME_MAX_LENGTH = 24;

/** The most combining marks a name may stack on one character (stacks beyond it spill over neighbours' rows). */
export const NAME_MAX_COMBINING_MARKS = 3;

// C0/C1 controls, line/paragraph separators and bidi overrides: invisible or
// layout-breaking in a roster, so names may not contain them.
const FORBIDDEN_NAME_CHARS = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
// What draws nothing: blanks, format characters (zero-width spaces and joiners, the soft hyphen),
// default-ignorable letters (the Hangul fillers), combining marks alone and the blank Braille pattern.
const INVISIBLE = String.raw`\p{White_Space}\p{Cf}\p{Default_Ignorable_Code_Point}\p{M}\u2800`;
const LONE_SURROGATE = /\p{Cs}/u;
const VISIBLE_CHAR = new RegExp(`[^${INVISIBLE}]`, "u");
const MARK_STACK = new RegExp(`\\p{M}{${NAME_MAX_COMBINING_MARKS + 1},}`, "u");

/**
 * A display name: Unicode NFC, trimmed, 1–24 UTF-16 units, at least one
 * visible character, no control characters, no lone surrogates and no
 * stack of more than three combining marks. Names are plain text: clients
 * render them as text (the web app through React), never as markup.
 */
export const PlayerName = z
  .string()
  .normalize("NFC")
  .trim()
  .min(1, "Name must not be empty")
  .max(NAME_MAX_LENGTH, `Name must be at most ${NAME_MAX_LENGTH} characters`)
  .refine((name) => !LONE_SURROGATE.test(name), "Name must be valid text")
  .refine((name) => !FORBIDDEN_NAME_CHARS.test(name), "Name must not contain control characters")
  .refine((name) => VISIBLE_CHAR.test(name), "Name must have a visible character")
  .refine((name) => !MARK_STACK.test(name), "Name must not stack accents");
export type PlayerName = z.output<typeof PlayerName>;

/** Server-assigned player id. Clients never choose it. */
export const PlayerId = z.string().min(1).max(64);
export type PlayerId = z.infer<typeof PlayerId>;

/**
 * A server-signed session token; resuming with it keeps the player's id,
 * queue place and seat. Opaque to clients: only its shape is public
 * (`v2.<player id>.<expiry>.<generation>.<signature>`), so a malformed one is
 * refused with its own code.
 */
export const SessionToken = z
  .string()
  .max(256)
  .regex(/^v2\.[A-Za-z0-9_-]{1,64}\.[0-9a-z]{1,12}\.[0-9a-z]{1,12}\.[A-Za-z0-9_-]{43}$/, "Malformed session token");

/**
 * A server-signed identity token: the lasting identity of a device (a browser profile), kept across
 * sessions, so the player's name and places survive closing the browser. Opaque to clients: its shape
 * is `i1.<identity id>.<expiry>.<generation>.<signature>`. It is rotated on every connection (keep the
 * newest; the one before still works) and expires unless used. A token the server no longer knows
 * (revoked, expired, or from a server that lost its memory) starts a new identity.
 */
export const IdentityToken = z
  .string()
  .max(256)
  .regex(/^i1\.[A-Za-z0-9_-]{1,64}\.[0-9a-z]{1,12}\.[0-9a-z]{1,12}\.[A-Za-z0-9_-]{43}$/, "Malformed identity token");

/**
 * What the handshake carries in `auth`: the name; the session token to resume a session; the identity
 * token of this device; and `rejoin`, to take over this identity's own session that is away from its
 * game (see `Session.rejoin`) instead of starting a new one.
 */
export const HandshakeAuth = z.object({
  name: PlayerName,
  token: SessionToken.optional(),
  identity: z.string().optional(),
  rejoin: z.boolean().optional(),
});
export type HandshakeAuth = z.input<typeof HandshakeAuth>;

/** A player as everyone else sees them. */
export const PublicPlayer = z.object({ id: PlayerId, name: z.string() });
export type PublicPlayer = z.infer<typeof PublicPlayer>;
