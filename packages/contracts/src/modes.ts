import { GAME_IDS } from "@lobby/games";
import { ModeInfo as GameModeInfo } from "@lobby/game-kit";
import { z } from "zod";

/** Every game mode the lobby can queue for: the games of the registry (`@lobby/games`). */
export const MODE_IDS = GAME_IDS;
export const ModeId = z.enum(MODE_IDS);
export type ModeId = z.infer<typeof ModeId>;

/** A game mode as the lobby advertises it. */
export const ModeInfo = GameModeInfo.extend({ id: ModeId });
export type ModeInfo = z.infer<typeof ModeInfo>;
