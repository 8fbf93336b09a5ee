import { describe, expect, it } from "vitest";
import { boardSummary, formatCount, formatGames, formatRank, leaderboardView, medal } from "./leaderboard-format";
import { leaderboard } from "./test-fixtures";

const row = (rank: number, name: string, value: number, games = 5) => ({
  rank,
  name,
  value,
  provisional: false,
  games,
});

describe("leaderboard figures", () => {
  it("groups thousands, and writes a rank with its sign", () => {
    expect(formatCount(7)).toBe("7");
    expect(formatCount(1204)).toBe("1,204");
    expect(formatCount(2_500_000)).toBe("2,500,000");
    expect(formatRank(57)).toBe("#57");
  });

  it("counts games in words", () => {
    expect(formatGames(1)).toBe("1 game");
    expect(formatGames(0)).toBe("0 games");
    expect(formatGames(1204)).toBe("1,204 games");
  });

  it("gives the first three places a medal, shared ranks alike", () => {
    expect([1, 2, 3, 4, 20].map(medal)).toEqual(["gold", "silver", "bronze", null, null]);
  });

  it("says how many are rated, and that the table is only the top when there are more", () => {
    expect(boardSummary(leaderboard)).toBe("3 rated players");
    expect(boardSummary({ top: [row(1, "Grace", 1040)], total: 1 })).toBe("1 rated player");
    const twenty = Array.from({ length: 20 }, (_, i) => row(i + 1, `P${i}`, 1200 - i));
    expect(boardSummary({ top: twenty, total: 1204 })).toBe("Top 20 of 1,204 rated players");
  });
});

describe("the player's own row", () => {
  it("is marked where it stands in the top, and not pinned", () => {
    const view = leaderboardView(leaderboard);
    expect(view.rows.map((r) => [r.row.name, r.you])).toEqual([
      ["Grace", false],
      ["Ada", true],
      ["Linus", false],
    ]);
    expect(view.pinned).toBeNull();
  });

  it("is pinned under the top when it is not in it", () => {
    const you = row(57, "Ada", 1012, 31);
    const view = leaderboardView({ top: leaderboard.top.slice(0, 1), you, youAt: null });
    expect(view.rows.map((r) => r.you)).toEqual([false]);
    expect(view.pinned).toEqual(you);
  });

  it("is nowhere before the player's first rated game", () => {
    const view = leaderboardView({ top: leaderboard.top, you: null, youAt: null });
    expect(view.rows.some((r) => r.you)).toBe(false);
    expect(view.pinned).toBeNull();
  });

  it("is the row the server points at, whoever else shares its name, rating and rank", () => {
    const twin = row(2, "Ada", 980, 3);
    const top = [row(1, "Grace", 1040), twin, { ...twin }];
    expect(leaderboardView({ top, you: twin, youAt: 2 }).rows.map((r) => r.you)).toEqual([false, false, true]);
    expect(leaderboardView({ top, you: twin, youAt: 1 }).rows.map((r) => r.you)).toEqual([false, true, false]);
  });
});
