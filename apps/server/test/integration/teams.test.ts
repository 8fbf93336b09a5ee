import type { RoomView } from "@lobby/contracts";
import { afterEach, describe, expect, it } from "vitest";
import { checkInvariants } from "../../src/lobby/invariants";
import { data } from "../support/results";
import { nextEvent, startTestServer } from "../support/test-server";

/*
 * A team game over real sockets: Trails: Teams seats four by quick match,
 * two teams of two, a party on one team; the riders (who never steer) crash
 * into the walls, and the result moves every rating by team.
 */

const TEAMS = "trails-teams" as const;
let server: Awaited<ReturnType<typeof startTestServer>>;

afterEach(async () => {
  await server.close();
});

const teamOf = (room: RoomView, name: string) => room.seats.find((s) => s.player.name === name)?.team;

describe("team games", () => {
  it("puts a party on one team against two strangers, and rates the result by team", async () => {
    server = await startTestServer();
    const [ann, bob, cat, dan] = await Promise.all(["Ann", "Bob", "Cat", "Dan"].map((n) => server.connect(n)));
    const party = data(await ann!.client.createParty());
    data(await bob!.client.joinParty(party.code));

    const playing = nextEvent(cat!.client, "room:state", (r) => r.phase === "playing");
    const finished = nextEvent(cat!.client, "room:state", (r) => r.phase === "finished");
    data(await ann!.client.quickMatch(TEAMS));
    data(await cat!.client.quickMatch(TEAMS));
    expect(data(await dan!.client.quickMatch(TEAMS))).toMatchObject({ state: "matched" });

    const room = await playing;
    expect(room.maxPlayers).toBe(4);
    expect(teamOf(room, "Ann")).toBe(teamOf(room, "Bob"));
    expect(teamOf(room, "Cat")).toBe(teamOf(room, "Dan"));
    expect(teamOf(room, "Ann")).not.toBe(teamOf(room, "Cat"));
    expect(room.game?.mode === TEAMS && room.game.riders.map((r) => r.team)).toEqual(room.seats.map((s) => s.team));

    // Nobody steers: every rider hits a wall; a team wins whole, or the last riders fall together.
    const end = await finished;
    const result = end.result;
    expect(result).not.toBeNull();
    if (result?.kind === "win") {
      const team = end.seats[result.winners[0]!]!.team;
      expect(result.winners).toEqual(end.seats.flatMap((s, i) => (s.team === team ? [i] : [])));
    }
    // Rated per team: teammates move the same way; every rating moved (or, in a draw, none of them may have).
    for (const seat of end.seats) {
      const mate = end.seats.find((s) => s.team === seat.team && s !== seat)!;
      expect(Math.sign(seat.ratingDelta ?? 0)).toBe(Math.sign(mate.ratingDelta ?? 0));
    }
    if (result?.kind === "win")
      expect(end.seats.every((s) => s.ratingDelta !== null && s.ratingDelta !== 0)).toBe(true);
    expect(await checkInvariants(server.store, Date.now())).toEqual([]);

    // Play again together: the leader searches from the finished room, and the party comes along.
    const bobQueued = nextEvent(bob!.client, "queue:status", (s) => s.state !== "idle");
    expect(data(await ann!.client.quickMatch(TEAMS))).toMatchObject({ state: "queued" });
    expect(await bobQueued).toMatchObject({ state: "queued", mode: TEAMS });
    expect((await server.store.getPlayer(bob!.id))?.location).toMatchObject({ kind: "queued", party: party.code });
    expect(await checkInvariants(server.store, Date.now())).toEqual([]);
  });

  it("keeps a party that grew past a team's size out of its quick room, and lets a player on their own in", async () => {
    server = await startTestServer({ countdownMs: 60_000 });
    const [ann, bob, cat, dan, eve] = await Promise.all(
      ["Ann", "Bob", "Cat", "Dan", "Eve"].map((n) => server.connect(n)),
    );
    const party = data(await ann!.client.createParty());
    data(await bob!.client.joinParty(party.code));
    const seated = nextEvent(cat!.client, "room:state", (r) => r.seats.length === 4);
    data(await ann!.client.quickMatch(TEAMS));
    data(await cat!.client.quickMatch(TEAMS));
    data(await dan!.client.quickMatch(TEAMS));
    const { code } = await seated;

    // Dan leaves the room and joins Ann's party: three of a party cannot play on one team of two.
    data(await dan!.client.leaveRoom());
    data(await dan!.client.joinParty(party.code));
    expect(await dan!.client.joinRoom(code)).toMatchObject({ ok: false, error: { code: "PARTY_TOO_LARGE" } });
    expect(data(await eve!.client.joinRoom(code)).seats.map((s) => s.player.name)).toEqual([
      "Ann",
      "Bob",
      "Cat",
      "Eve",
    ]);
    expect(await checkInvariants(server.store, Date.now())).toEqual([]);
  });

  it("refuses to start a custom team room whose players do not split evenly", async () => {
    server = await startTestServer();
    const players = await Promise.all(["Ann", "Bob", "Cat", "Dan", "Eve"].map((n) => server.connect(n)));
    const [host, ...guests] = players;
    const room = data(await host!.client.createRoom(TEAMS, { maxPlayers: 6, visibility: "private" }));
    for (const guest of guests) data(await guest.client.joinRoom(room.code));
    for (const player of players) data(await player.client.setReady(true));
    expect(await host!.client.startGame()).toMatchObject({ ok: false, error: { code: "WRONG_PLAYER_COUNT" } });
    data(await guests.at(-1)!.client.leaveRoom());
    const playing = nextEvent(host!.client, "room:state", (r) => r.phase === "playing");
    data(await host!.client.startGame());
    const started = await playing;
    const sizes = [0, 1].map((team) => started.seats.filter((s) => s.team === team).length);
    expect(sizes).toEqual([2, 2]);
  });
});
