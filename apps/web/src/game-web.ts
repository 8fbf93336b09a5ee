import type { GameMove, GameView, ModeId } from "@lobby/contracts";
import { GAME_IDS } from "@lobby/games";
import type { GameWeb } from "@lobby/game-kit/web";

/*
 * The web halves of the games the registry lists. Each game's folder
 * exports its half from `src/web.tsx`; they are found here by that
 * convention, so adding a game needs no line in the web app. A listed game
 * without a half stops the app at start (and fails the web tests).
 */

const found = import.meta.glob<{ web: GameWeb<never, never> }>("../../../games/*/src/web.tsx", { eager: true });

const halves = new Map<string, GameWeb<GameMove, GameView>>();
for (const [path, module] of Object.entries(found)) {
  const id = /games\/([^/]+)\/src\/web\.tsx$/.exec(path)?.[1];
  // A half's types are its own game's; the app hands it only views and moves of that game (by `mode`).
  if (id) halves.set(id, module.web as unknown as GameWeb<GameMove, GameView>);
}
const missing = GAME_IDS.filter((id) => !halves.has(id));
if (missing.length > 0) throw new Error(`No web half (games/<id>/src/web.tsx) for: ${missing.join(", ")}`);

/** The web half of a game. */
export function gameWeb(mode: ModeId): GameWeb<GameMove, GameView> {
  return halves.get(mode)!;
}
