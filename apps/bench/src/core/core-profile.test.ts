import { describe, expect, it } from "vitest";
import { profileCore } from "./core-profile";

describe("profileCore", () => {
  it("seats every player of every round on the real lobby core, and says what the sampled rounds allocated", async () => {
    // 40 players: 10 Connect Four rooms, two full Trails rooms and 4 riders the quick-match wait then seats.
    const profile = await profileCore({ players: 40, rounds: 3, sampledRounds: 1, seating: "quick" });
    expect(profile.rounds.map((round) => round.seated)).toEqual([40, 40, 40]);
    // 10 rooms of Connect Four; Trails fills rooms of eight, and the wait seats the last four in one more.
    expect(profile.rounds.map((round) => round.rooms)).toEqual([13, 13, 13]);
    for (const round of profile.rounds) {
      expect(round.cpuMicrosPerSeat).toBeGreaterThan(0);
      expect(round.wallMicrosPerSeat).toBeGreaterThan(0);
    }
    const allocation = profile.allocation!;
    expect(allocation.bytesPerSeat).toBeGreaterThan(0);
    const listed = allocation.top.reduce((sum, entry) => sum + entry.bytesPerSeat, 0);
    expect(listed).toBeLessThanOrEqual(allocation.bytesPerSeat + 1e-6);
    // The lobby's own functions are among those sampled.
    expect(allocation.top.some((entry) => entry.where.includes("lobby/"))).toBe(true);
  });

  it("seats every player by invite code, a last room short of four included", async () => {
    // 10 players: two rooms of four and one of two, each made by one player and joined by the others.
    const profile = await profileCore({ players: 10, rounds: 2, sampledRounds: 0, seating: "code" });
    expect(profile.rounds.map((round) => round.seated)).toEqual([10, 10]);
    expect(profile.rounds.map((round) => round.rooms)).toEqual([3, 3]);
    expect(profile.rounds.every((round) => round.cpuMicrosPerSeat > 0)).toBe(true);
  });

  it("samples nothing when asked for no sampled rounds", async () => {
    const profile = await profileCore({ players: 4, rounds: 1, sampledRounds: 0, seating: "quick" });
    expect(profile.rounds[0]?.seated).toBe(4);
    expect(profile.allocation).toBeNull();
  });
});
