import type { RejoinOffer } from "@lobby/contracts";
import { describe, expect, it } from "vitest";
import { rejoinPrompt, withText } from "./rejoin-offer";
import { session } from "./test-fixtures";

const offer: RejoinOffer = { mode: "connect-four", phase: "playing", with: ["Bob"], awayUntil: 60_000 };
const { modes } = session;

/** The banner's sentence, as it reads on screen. */
function sentence(o: RejoinOffer, serverNow: number): string | null {
  const prompt = rejoinPrompt(o, modes, serverNow);
  return prompt && `${prompt.waiting} — ${prompt.deadline} ${prompt.secondsLeft} s.`;
}

describe("rejoinPrompt", () => {
  it("names the game from the session's modes and the others at the table", () => {
    expect(sentence(offer, 36_000)).toBe("Your Connect Four game with Bob is still on — it is forfeited in 24 s.");
    expect(rejoinPrompt(offer, modes, 36_000)?.action).toBe("Rejoin your game");
    expect(sentence({ ...offer, mode: "trails", with: ["Bob", "Cid"] }, 36_000)).toBe(
      "Your Trails game with Bob and Cid is still on — it is forfeited in 24 s.",
    );
  });

  it("words a queue place as one", () => {
    const queued: RejoinOffer = { ...offer, phase: "queued", with: [] };
    expect(sentence(queued, 50_000)).toBe("Your place in the Connect Four queue is still held — it runs out in 10 s.");
    expect(rejoinPrompt(queued, modes, 50_000)?.action).toBe("Rejoin the queue");
  });

  it("says what waits in a room before and after its game", () => {
    expect(sentence({ ...offer, phase: "waiting" }, 50_000)).toBe(
      "Your Connect Four room with Bob is still open — your seat is kept for 10 s.",
    );
    expect(sentence({ ...offer, phase: "finished", with: [] }, 50_000)).toBe(
      "Your Connect Four game has just finished — your seat is kept for 10 s.",
    );
  });

  it("counts down on the server's clock, rounding up, and is gone once the time is up", () => {
    expect(rejoinPrompt(offer, modes, 36_000)?.secondsLeft).toBe(24);
    expect(rejoinPrompt(offer, modes, 36_001)?.secondsLeft).toBe(24);
    expect(rejoinPrompt(offer, modes, 59_001)?.secondsLeft).toBe(1);
    expect(rejoinPrompt(offer, modes, 60_000)).toBeNull();
    expect(rejoinPrompt(offer, modes, 90_000)).toBeNull();
  });
});

describe("withText", () => {
  it("lists up to three names and counts the rest", () => {
    expect(withText([])).toBe("");
    expect(withText(["Bob"])).toBe(" with Bob");
    expect(withText(["Bob", "Cid", "Dee"])).toBe(" with Bob, Cid and Dee");
    expect(withText(["Bob", "Cid", "Dee", "Eve", "Fay"])).toBe(" with Bob, Cid and 3 others");
  });
});
