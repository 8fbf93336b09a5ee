import type { MatchResult } from "@lobby/contracts";
import { describe, expect, it } from "vitest";
import { describeOutcome, listNames } from "./match-outcome";

const names = ["Ada", "Grace", "Linus", "Margaret"];
const nameOf = (seat: number) => names[seat] ?? "?";

describe("describeOutcome (Connect Four)", () => {
  it("tells the winner they won and the loser who won", () => {
    const result: MatchResult = { kind: "win", winners: [0], reason: "rules" };
    expect(describeOutcome(result, 0, nameOf, "connect-four").headline).toBe("You win!");
    const lost = describeOutcome(result, 1, nameOf, "connect-four");
    expect(lost.headline).toBe("You lose");
    expect(lost.detail).toContain("Ada wins");
  });

  it("gives the reason for a win by default", () => {
    expect(describeOutcome({ kind: "win", winners: [1], reason: "forfeit" }, 1, nameOf, "connect-four").detail).toMatch(
      /by forfeit/,
    );
    expect(describeOutcome({ kind: "win", winners: [1], reason: "left" }, 1, nameOf, "connect-four").detail).toMatch(
      /left the game/,
    );
  });

  it("reports a draw", () => {
    expect(describeOutcome({ kind: "draw" }, 0, nameOf, "connect-four").headline).toBe("Draw");
  });
});

describe("describeOutcome (Trails, many seats)", () => {
  it("names the winner as the headline for everyone else", () => {
    const result: MatchResult = { kind: "win", winners: [2], reason: "rules" };
    expect(describeOutcome(result, 2, nameOf, "trails").headline).toBe("You win!");
    expect(describeOutcome(result, 0, nameOf, "trails")).toMatchObject({ tone: "lose", headline: "Linus wins" });
  });

  it("lists several winners and tells a co-winner who shares it", () => {
    const result: MatchResult = { kind: "win", winners: [0, 1, 3], reason: "rules" };
    expect(describeOutcome(result, 2, nameOf, "trails").headline).toBe("Ada, Grace and Margaret win");
    const shared = describeOutcome(result, 1, nameOf, "trails");
    expect(shared.headline).toBe("You win!");
    expect(shared.detail).toBe("Shared with Ada and Margaret.");
  });

  it("speaks neutrally to spectators", () => {
    const result: MatchResult = { kind: "win", winners: [1], reason: "rules" };
    expect(describeOutcome(result, null, nameOf, "trails")).toMatchObject({
      tone: "neutral",
      headline: "Grace wins",
    });
    expect(describeOutcome({ kind: "draw" }, null, nameOf, "trails").headline).toBe("Draw");
  });
});

describe("describeOutcome (a team game)", () => {
  const result: MatchResult = { kind: "win", winners: [0, 2], reason: "rules" };

  it("tells a winner their team won in the game's words, not that they shared it", () => {
    const won = describeOutcome(result, 2, nameOf, "trails-teams", true);
    expect(won).toEqual({ tone: "win", headline: "You win!", detail: "Your team outlasted them. Nicely ridden!" });
  });

  it("names the winning team's players to the others", () => {
    expect(describeOutcome(result, 1, nameOf, "trails-teams", true)).toEqual({
      tone: "lose",
      headline: "Ada and Linus win",
      detail: "Last team riding.",
    });
  });

  it("still says how a win by forfeit came about", () => {
    const forfeit: MatchResult = { kind: "win", winners: [0, 2], reason: "forfeit" };
    expect(describeOutcome(forfeit, 0, nameOf, "trails-teams", true).detail).toMatch(/by forfeit/i);
  });
});

describe("listNames", () => {
  it("joins names in plain English", () => {
    expect(listNames([])).toBe("");
    expect(listNames(["Ada"])).toBe("Ada");
    expect(listNames(["Ada", "Grace"])).toBe("Ada and Grace");
    expect(listNames(["Ada", "Grace", "Linus"])).toBe("Ada, Grace and Linus");
  });
});
