import { afterEach, describe, expect, it } from "vitest";
import { playConnectFourToTheEnd } from "../support/cluster";
import { data } from "../support/results";
import { customGame, quickMatchedGame } from "../support/games";
import { nextEvent, startTestServer } from "../support/test-server";

/*
 * Ratings: every finished rated game moves its players' ratings once, in
 * the transaction that records the result, and lands on each player's
 * history; quick match is rated, custom rooms only when the host says so,
 * and leaving counts as a loss.
 */

const CF = "connect-four" as const;
let server: Awaited<ReturnType<typeof startTestServer>>;

afterEach(async () => {
  await server.close();
});

describe("ratings", () => {
  it("move once per rated game: the winner up, the loser down, on the roster, the profile and the history", async () => {
    server = await startTestServer();
    const ann = await server.connect("Ann");
    const bob = await server.connect("Bob");
    const start = await quickMatchedGame(ann, bob);
    expect(start.rated).toBe(true);
    expect(start.seats.map((s) => s.rating)).toEqual([
      { value: 1000, provisional: true },
      { value: 1000, provisional: true },
    ]);
    const end = await playConnectFourToTheEnd([ann, bob], ann, start);
    expect(end.result).toEqual({ kind: "win", winners: [0], reason: "rules" });
    const [annSeat, bobSeat] = end.seats;
    expect(annSeat!.ratingDelta).toBeGreaterThan(0);
    expect(bobSeat!.ratingDelta).toBeLessThan(0);
    expect(annSeat!.rating!.value).toBe(1000 + annSeat!.ratingDelta!);

    const annProfile = data(await ann.client.profile());
    expect(annProfile.ratings).toEqual([
      { mode: CF, value: annSeat!.rating!.value, provisional: true, games: 1, wins: 1, losses: 0, draws: 0 },
    ]);
    expect(annProfile.history).toEqual([
      {
        at: expect.any(Number) as number,
        mode: CF,
        players: ["Ann", "Bob"],
        seat: 0,
        outcome: "win",
        rated: true,
        ratingBefore: 1000,
        ratingAfter: annSeat!.rating!.value,
      },
    ]);
    const bobProfile = data(await bob.client.profile());
    expect(bobProfile.ratings[0]).toMatchObject({ games: 1, wins: 0, losses: 1, value: bobSeat!.rating!.value });
    expect(bobProfile.history[0]).toMatchObject({ outcome: "loss", ratingBefore: 1000 });

    // Play again: the new game starts from the new ratings, with no change shown until it ends.
    const again = nextEvent(ann.client, "room:state", (r) => r.phase === "playing" && r.round === 2);
    data(await ann.client.rematch());
    data(await bob.client.rematch());
    const second = await again;
    expect(second.seats.map((s) => s.ratingDelta)).toEqual([null, null]);
    expect(second.seats.map((s) => s.rating?.value)).toEqual([annSeat!.rating!.value, bobSeat!.rating!.value]);
    await playConnectFourToTheEnd([ann, bob], ann, second);
    const after = data(await ann.client.profile());
    expect(after.history).toHaveLength(2);
    expect(after.ratings[0]?.games).toBe(2);
  });

  it("rank players on each mode's leaderboard, with each player's own row", async () => {
    server = await startTestServer();
    const ann = await server.connect("Ann");
    const bob = await server.connect("Bob");
    const end = await playConnectFourToTheEnd([ann, bob], ann, await quickMatchedGame(ann, bob));
    const [annRating, bobRating] = end.seats.map((s) => s.rating!.value);
    const annBoard = data(await ann.client.leaderboard(CF));
    expect(annBoard).toEqual({
      mode: CF,
      top: [
        { rank: 1, name: "Ann", value: annRating, provisional: true, games: 1 },
        { rank: 2, name: "Bob", value: bobRating, provisional: true, games: 1 },
      ],
      you: { rank: 1, name: "Ann", value: annRating, provisional: true, games: 1 },
      youAt: 0,
      total: 2,
    });
    expect(data(await bob.client.leaderboard(CF))).toMatchObject({ you: { rank: 2, name: "Bob" }, youAt: 1 });
    const cy = await server.connect("Cy");
    expect(data(await cy.client.leaderboard(CF))).toMatchObject({ you: null, youAt: null, total: 2 });
    expect(data(await cy.client.leaderboard("trails"))).toEqual({
      mode: "trails",
      top: [],
      you: null,
      youAt: null,
      total: 0,
    });
  });

  it("are kept by the device identity: a later session of it has the same profile", async () => {
    server = await startTestServer();
    const ann = await server.connect("Ann");
    const bob = await server.connect("Bob");
    await playConnectFourToTheEnd([ann, bob], ann, await quickMatchedGame(ann, bob));
    const rating = data(await ann.client.profile()).ratings[0];
    const identity = ann.client.identity!;
    data(await ann.client.leaveRoom());
    ann.client.disconnect();

    const later = await server.connect("Ann", { identity });
    expect(data(await later.client.profile()).ratings).toEqual([rating]);
    const stranger = await server.connect("Ann");
    expect(data(await stranger.client.profile())).toEqual({ ratings: [], history: [] });
  });

  it("are untouched by a custom room unless the host made it rated", async () => {
    server = await startTestServer();
    const ann = await server.connect("Ann");
    const bob = await server.connect("Bob");
    const friendly = await customGame(ann, bob, { rated: false });
    expect(friendly.rated).toBe(false);
    const end = await playConnectFourToTheEnd([ann, bob], ann, friendly);
    expect(end.seats.map((s) => s.ratingDelta)).toEqual([null, null]);
    const profile = data(await ann.client.profile());
    expect(profile.ratings).toEqual([]);
    expect(profile.history[0]).toMatchObject({ outcome: "win", rated: false, ratingBefore: null, ratingAfter: null });

    data(await ann.client.leaveRoom());
    data(await bob.client.leaveRoom());
    const rated = await customGame(ann, bob, { rated: true });
    expect(rated.rated).toBe(true);
    const ratedEnd = await playConnectFourToTheEnd([ann, bob], ann, rated);
    expect(ratedEnd.seats[0]!.ratingDelta).toBeGreaterThan(0);
  });

  it("count leaving a running game as a loss, even for a player who is gone", async () => {
    server = await startTestServer();
    const ann = await server.connect("Ann");
    const bob = await server.connect("Bob");
    await quickMatchedGame(ann, bob);
    const bobIdentity = bob.client.identity!;
    const ended = nextEvent(ann.client, "room:state", (r) => r.phase === "finished");
    data(await bob.client.leaveRoom());
    bob.client.disconnect();
    const end = await ended;
    expect(end.result).toEqual({ kind: "win", winners: [0], reason: "left" });
    expect(end.seats[0]!.ratingDelta).toBeGreaterThan(0);
    expect(end.seats[1]!.ratingDelta).toBeLessThan(0);
    const back = await server.connect("Bob", { identity: bobIdentity });
    expect(data(await back.client.profile()).ratings[0]).toMatchObject({ games: 1, losses: 1 });
  });

  it("are not moved by a game between two tabs of the same browser", async () => {
    server = await startTestServer();
    const ann = await server.connect("Ann");
    const twin = await server.connect("Ann", { identity: ann.client.identity! });
    const start = await quickMatchedGame(ann, twin);
    expect(start.rated).toBe(true);
    const end = await playConnectFourToTheEnd([ann, twin], ann, start);
    expect(end.seats.map((s) => s.ratingDelta)).toEqual([null, null]);
    const profile = data(await ann.client.profile());
    expect(profile.ratings).toEqual([]);
    expect(profile.history.map((h) => [h.outcome, h.rated])).toEqual([
      ["loss", false],
      ["win", false],
    ]);
  });
});
