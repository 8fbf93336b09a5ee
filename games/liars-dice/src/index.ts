import { defineGame } from "@lobby/game-kit";
import { liarsDiceBot, samples, sensible } from "./moves";
import { liarsDice } from "./rules";
import { LIARS_DICE_MAX_PLAYERS, LIARS_DICE_MIN_PLAYERS, LiarsDiceMove, LiarsDiceView } from "./schemas";

export * from "./schemas";
export * from "./rules";
export * from "./moves";

/** Liar's Dice: bid on dice nobody else can see, and call the liars. */
export const liarsDiceGame = defineGame({
  id: "liars-dice",
  mode: {
    id: "liars-dice",
    name: "Liar's Dice",
    description:
      "Roll in secret, bid on what the whole table shows, and call out the liars. Keep your dice the longest.",
    minPlayers: LIARS_DICE_MIN_PLAYERS,
    maxPlayers: LIARS_DICE_MAX_PLAYERS,
    quickMatchPlayers: 4,
    realtime: false,
  },
  Move: LiarsDiceMove,
  View: LiarsDiceView,
  rules: liarsDice,
  moves: { samples, sensible, bot: liarsDiceBot },
});
