import { z } from "zod";

/** Every game mode the lobby can queue for. */
export const MODE_IDS = ["connect-four", "trails"] as const;
export const ModeId = z.enum(MODE_IDS);
export type ModeId = z.infer<typeof ModeId>;

/** A game mode as the lobby advertises it. */
export const ModeInfo = z.object({
  id: ModeId,
  name: z.string(),
  description: z.string(),
  minPlayers: z.int().positive(),
  maxPlayers: z.int().positive(),
  /** How many waiting players a quick match groups into one room at once. */
  quickMatchPlayers: z.int().positive(),
  /** True for games that run on a server clock rather than turn by turn. */
  realtime: z.boolean(),
});
export type ModeInfo = z.infer<typeof ModeInfo>;
