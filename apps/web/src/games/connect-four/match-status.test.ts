import type { MatchResult } from "@lobby/contracts";
import { describe, expect, it } from "vitest";
import { describeResult } from "./match-status";

const names = ["Ada", "Grace"];
const nameOf = (seat: number) => names[seat] ?? "?";

describe("describeResult", () => {
  it("tells the winner they won and the loser who won", () => {
    const result: MatchResult = { kind: "win", winners: [0], reason: "rules" };
    expect(describeResult(result, 0, nameOf).headline).toBe("You win!");
    const lost = describeResult(result, 1, nameOf);
    expect(lost.headline).toBe("You lose");
    expect(lost.detail).toContain("Ada wins");
  });

  it("gives the reason for a win by default", () => {
    expect(describeResult({ kind: "win", winners: [1], reason: "forfeit" }, 1, nameOf).detail).toMatch(
      /by forfeit/,
    );
    expect(describeResult({ kind: "win", winners: [1], reason: "left" }, 1, nameOf).detail).toMatch(
      /opponent left/,
    );
  });

  it("reports a draw", () => {
    expect(describeResult({ kind: "draw" }, 0, nameOf).headline).toBe("Draw");
  });
});
