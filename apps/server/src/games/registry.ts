import type { ModeId, ModeInfo } from "@lobby/contracts";
import { connectFour } from "./connect-four/rules";
import { defineGame, type AnyGameDefinition } from "./game";

/** Every game the lobby runs, by mode id. Adding a game adds one line here. */
export const games: Record<ModeId, AnyGameDefinition> = {
  "connect-four": defineGame(connectFour),
};

export function modeInfos(registry: Record<ModeId, AnyGameDefinition>): ModeInfo[] {
  return Object.values(registry).map((game) => game.mode);
}
