import { describe, expect, it } from "vitest";
import { assignTeams, type TeamSeat } from "./teams";

const solo = (rating: number): TeamSeat => ({ rating });
const teamTotals = (seats: readonly TeamSeat[], teams: number[]) =>
  teams.reduce<number[]>((totals, team, seat) => {
    totals[team] = (totals[team] ?? 0) + seats[seat]!.rating;
    return totals;
  }, []);

describe("making teams", () => {
  it("splits into teams of equal size with the closest rating totals", () => {
    const seats = [solo(1400), solo(1000), solo(1300), solo(1100)];
    const teams = assignTeams(seats, 2);
    expect(teams.filter((t) => t === 0)).toHaveLength(2);
    expect(teamTotals(seats, teams)).toEqual([2400, 2400]);
    // The strongest and the weakest together.
    expect(teams[0]).toBe(teams[1]);
  });

  it("keeps each party on one team, even when a closer split would part it", () => {
    const seats = [{ rating: 1400, party: "P" }, { rating: 1300, party: "P" }, solo(1000), solo(1100)];
    const teams = assignTeams(seats, 2);
    expect(teams[0]).toBe(teams[1]);
    expect(teams[2]).toBe(teams[3]);
    expect(teams[0]).not.toBe(teams[2]);
  });

  it("splits a party seat by seat only when it cannot fit on one team", () => {
    const seats = [
      { rating: 1000, party: "P" },
      { rating: 1000, party: "P" },
      { rating: 1000, party: "P" },
      solo(1000),
    ];
    const teams = assignTeams(seats, 2);
    expect(teams.filter((t) => t === 0)).toHaveLength(2);
    expect(() => assignTeams([solo(1000), solo(1000), solo(1000)], 2)).toThrow();
  });

  it("makes three or four teams the same way", () => {
    const seats = [solo(1600), solo(1000), solo(1500), solo(1100), solo(1300), solo(1300)];
    const teams = assignTeams(seats, 3);
    expect(teamTotals(seats, teams)).toEqual([2600, 2600, 2600]);
  });
});
