import { TRAILS_TEAM_COLOURS } from "@lobby/game-trails/web";
import { describe, expect, it } from "vitest";
import { web } from "./web";

/** The colour a seat's roster disc gets (`--disc`), or undefined for the web app's default. */
function disc(seat: number, team: number | null): unknown {
  const style = web.seatStyle?.(seat, team) as Record<string, unknown> | undefined;
  return style?.["--disc"];
}

describe("Trails: Teams in the roster", () => {
  it("colours a seat by its team: warm for one, cool for the other, a shade of its own within it", () => {
    const [warm, cool] = TRAILS_TEAM_COLOURS;
    expect(disc(0, 0)).toBe(warm[0]);
    expect(disc(3, 0)).toBe(warm[3]);
    expect(disc(0, 1)).toBe(cool[0]);
    expect(disc(5, 1)).toBe(cool[5]);
    // Teammates on seats 1, 2, 6 and 7 all differ, and differ from the other team.
    const team = [1, 2, 6, 7].map((seat) => disc(seat, 0));
    expect(new Set(team).size).toBe(4);
    for (const seat of [0, 3, 4, 5]) expect(team).not.toContain(disc(seat, 1));
  });

  it("shows the web app's default colours until the teams are drawn", () => {
    expect(disc(2, 0)).toBeDefined();
    expect(web.seatStyle?.(2, null)).toBeUndefined();
  });

  it("names the team for screen readers", () => {
    expect(web.seatLabel?.(3, 0)).toBe("Warm team.");
    expect(web.seatLabel?.(3, 1)).toBe("Cool team.");
    expect(web.seatLabel?.(3, null)).toBe("");
  });

  it("puts the result in team words", () => {
    expect(web.words.mine).toMatch(/team/i);
    expect(web.words).toMatchObject({ how: "Last team riding.", twoSeat: false });
  });
});
