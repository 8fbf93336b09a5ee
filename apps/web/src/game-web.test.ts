import { GAME_IDS } from "@lobby/games";
import { describe, expect, it } from "vitest";
import { gameWeb } from "./game-web";

describe("the games' web halves", () => {
  it.each(GAME_IDS)("%s has a board, art and result words", (id) => {
    const web = gameWeb(id);
    expect(typeof web.Board).toBe("function");
    expect(typeof web.Art).toBe("function");
    expect(web.words.mine.length).toBeGreaterThan(0);
  });
});
