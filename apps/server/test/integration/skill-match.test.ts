import type { QueueStatus } from "@lobby/contracts";
import { afterEach, describe, expect, it } from "vitest";
import { ratingRecord } from "../support/records";
import { data } from "../support/results";
import { customGame } from "../support/games";
import { nextEvent, startTestServer } from "../support/test-server";

/*
 * Quick match by skill: players far apart wait for closer opponents until
 * their windows have widened enough, and the queue answer says what is
 * being searched.
 */

const CF = "connect-four" as const;
// A window that widens fast, so a test waits about a second at most: ±50, +100 a second.
const widening = { initial: 50, perSecond: 100, cap: 1000, anyoneAfterMs: 60_000 };
let server: Awaited<ReturnType<typeof startTestServer>>;

afterEach(async () => {
  await server.close();
});

/** A player whose Connect Four rating shows as `value` (mu = value / 40). */
async function playerRated(name: string, value: number) {
  const player = await server.connect(name);
  const identityId = player.session.identity.split(".")[1]!;
  const rating = ratingRecord(identityId, value, { name, games: 20, wins: 10, losses: 10 });
  await server.store.transaction((tx) => tx.putRating(rating, 60_000));
  return player;
}

const queued = (status: QueueStatus) => (status.state === "queued" ? status : null);

describe("quick match by skill", () => {
  it("pairs the closest ratings first and a distant player once the windows have widened", async () => {
    server = await startTestServer({ widening });
    const ann = await playerRated("Ann", 1000);
    const bob = await playerRated("Bob", 1400);
    const cy = await playerRated("Cy", 1020);

    const annWait = queued(data(await ann.client.quickMatch(CF)));
    expect(annWait?.search).toEqual({ rating: 1000, provisional: false, widening });
    // Bob is 400 away: nobody's window reaches that for seconds.
    const bobWait = queued(data(await bob.client.quickMatch(CF)));
    expect(bobWait?.search.rating).toBe(1400);
    // Cy, 20 from Ann, is matched with her at once, though Bob waited longer.
    const annSeated = nextEvent(ann.client, "room:state");
    const cyStatus = data(await cy.client.quickMatch(CF));
    expect(cyStatus.state).toBe("matched");
    expect((await annSeated).id).toBe(cyStatus.state === "matched" ? cyStatus.roomId : "");
    const room = await nextEvent(cy.client, "room:state");
    expect(room.seats.map((s) => s.player.name)).toEqual(["Ann", "Cy"]);

    // Dee, at 1300, is 100 from Bob: matched once Bob's window reaches 100, half a second after he queued.
    const dee = await playerRated("Dee", 1300);
    const bobSeated = nextEvent(bob.client, "room:state");
    const deeSeated = nextEvent(dee.client, "room:state");
    const deeStatus = data(await dee.client.quickMatch(CF));
    expect(deeStatus.state).not.toBe("idle");
    const deeRoom = await deeSeated;
    expect(deeRoom.seats.map((s) => s.player.name).sort()).toEqual(["Bob", "Dee"]);
    expect((await bobSeated).id).toBe(deeRoom.id);
  });

  it("does not seat a distant player in an open quick room until the room has waited long enough", async () => {
    // Trails seats up to 8 and fills during its countdown: a newcomer must fit the room's window.
    server = await startTestServer({
      widening: { ...widening, perSecond: 0 },
      countdownMs: 60_000,
      quickMatchWaitMs: 0,
    });
    const ann = await server.connect("Ann");
    const bob = await server.connect("Bob");
    data(await ann.client.quickMatch("trails"));
    const roomOf = nextEvent(bob.client, "room:state");
    expect(data(await bob.client.quickMatch("trails")).state).toBe("matched");
    const room = await roomOf;
    expect(room.phase).toBe("countdown");
    // Far off and the window never widens: Cy waits in the queue; Dee at 1000 takes the open seat.
    const cy = await server.connect("Cy");
    const cyIdentity = cy.session.identity.split(".")[1]!;
    await server.store.transaction((tx) =>
      tx.putRating(
        {
          identityId: cyIdentity,
          mode: "trails",
          name: "Cy",
          value: 2000,
          mu: 2000 / 40,
          sigma: 3,
          games: 50,
          wins: 40,
          losses: 10,
          draws: 0,
        },
        60_000,
      ),
    );
    expect(data(await cy.client.quickMatch("trails")).state).toBe("queued");
    const dee = await server.connect("Dee");
    expect(data(await dee.client.quickMatch("trails"))).toMatchObject({ state: "matched", roomId: room.id });
  });

  it("keeps a player who walks out of a rated match's countdown out of quick match for a while, even as a new session", async () => {
    server = await startTestServer({ countdownMs: 60_000, dodgeCooldownMs: 400 });
    const ann = await server.connect("Ann");
    const bob = await server.connect("Bob");
    data(await ann.client.quickMatch(CF));
    const counting = nextEvent(bob.client, "room:state", (r) => r.phase === "countdown");
    data(await bob.client.quickMatch(CF));
    expect((await counting).rated).toBe(true);
    data(await ann.client.leaveRoom());
    const refused = await ann.client.quickMatch(CF);
    expect(refused).toMatchObject({ ok: false, error: { code: "QUEUE_COOLDOWN" } });
    expect(!refused.ok && refused.error.message).toMatch(/again in \d+ s/);
    // A new tab of the same browser is the same player; the opponent who stayed is not held back.
    const again = await server.connect("Ann", { identity: ann.client.identity! });
    expect(await again.client.quickMatch(CF)).toMatchObject({ ok: false, error: { code: "QUEUE_COOLDOWN" } });
    await expect.poll(async () => (await again.client.quickMatch(CF)).ok, { interval: 100 }).toBe(true);

    // Leaving a custom room that is not rated costs nothing.
    const cy = await server.connect("Cy");
    const dee = await server.connect("Dee");
    await customGame(cy, dee, { until: "countdown" });
    data(await dee.client.leaveRoom());
    expect(await dee.client.quickMatch(CF)).toMatchObject({ ok: true });
  });
});
