import { z } from "zod";
import { PublicPlayer } from "./player";

export const CHAT_MAX_LENGTH = 500;

// Plain text only: no control characters except newlines and tabs.
const FORBIDDEN_CHAT_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

/** A chat message as typed: trimmed, 1–500 characters, plain text. */
export const ChatText = z
  .string()
  .trim()
  .min(1, "Message must not be empty")
  .max(CHAT_MAX_LENGTH, `Message must be at most ${CHAT_MAX_LENGTH} characters`)
  .refine((text) => !FORBIDDEN_CHAT_CHARS.test(text), "Message must not contain control characters");

/** `room`: the members of your room. `lobby`: everyone in the lobby (not in a room). `party`: your party, wherever its members are. */
export const ChatScope = z.enum(["room", "lobby", "party"]);
export type ChatScope = z.infer<typeof ChatScope>;

export const ChatMessage = z.object({
  id: z.string(),
  scope: ChatScope,
  /** The room the message belongs to, for `room` scope; for `party` scope, the party's code. */
  roomId: z.string().nullable(),
  /** `user`: typed by `from`. `system`: written by the lobby (joins, leaves, kicks, results…). */
  kind: z.enum(["user", "system"]),
  from: PublicPlayer.nullable(),
  text: z.string(),
  /** Server time (ms since epoch). */
  at: z.number(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;
