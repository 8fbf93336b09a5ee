import type { ModeId, ModeInfo } from "@lobby/contracts";
import { GAMES, deltasOf } from "@lobby/games";
import type { AnyGameDefinition } from "./game";

/**
 * Every game the lobby runs, by mode id: the registry's games (`@lobby/games`)
 * with their types erased. A move reaches a game's rules only once it has
 * parsed as that game's move (the lobby checks its `mode` against the room's).
 */
export const games = Object.fromEntries(
  GAMES.map((game) => [
    game.id,
    { ...(game.rules as unknown as AnyGameDefinition), mode: game.mode, deltas: deltasOf(game.id) },
  ]),
) as Record<ModeId, AnyGameDefinition>;

export function modeInfos(registry: Record<ModeId, AnyGameDefinition>): ModeInfo[] {
  return Object.values(registry).map((game) => game.mode);
}
