import { z } from "zod";

/** Every game mode the lobby can queue for. */
export const MODE_IDS = ["connect-four"] as const;
export const ModeId = z.enum(MODE_IDS);
export type ModeId = z.infer<typeof ModeId>;

/** A game mode as the lobby advertises it. */
export const ModeInfo = z.object({
  id: ModeId,
  name: z.string(),
  description: z.string(),
  minPlayers: z.int().positive(),
  maxPlayers: z.int().positive(),
  /** How many waiting players a quick match groups into one room. */
  quickMatchPlayers: z.int().positive(),
});
export type ModeInfo = z.infer<typeof ModeInfo>;
