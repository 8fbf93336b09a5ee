import type { ModeId } from "@lobby/contracts";
import { gameWeb } from "../game-web";

/** Each mode card's picture (the game's own); decorative. */
export function ModeArt({ mode }: { mode: ModeId }) {
  const { Art } = gameWeb(mode);
  return <Art />;
}
