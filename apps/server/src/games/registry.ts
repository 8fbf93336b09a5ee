import type { ModeId, ModeInfo } from "@lobby/contracts";
import { connectFour } from "./connect-four/rules";
import { defineGame, type AnyGameDefinition } from "./game";
import { trails } from "./trails/rules";

/** Every game the lobby runs, by mode id. Adding a game adds one line here. */
export const games: Record<ModeId, AnyGameDefinition> = {
  "connect-four": defineGame(connectFour),
  trails: defineGame(trails),
};

export function modeInfos(registry: Record<ModeId, AnyGameDefinition>): ModeInfo[] {
  return Object.values(registry).map((game) => game.mode);
}
