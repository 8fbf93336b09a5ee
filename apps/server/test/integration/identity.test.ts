import { afterEach, describe, expect, it } from "vitest";
import { data } from "../support/results";
import { quickMatchedGame } from "../support/games";
import { nextEvent, startTestServer } from "../support/test-server";

/*
 * A device's lasting identity: it outlives sessions, rotates with every
 * connection, can be revoked, and finds the game a closed tab left behind,
 * which the next session of the same identity can take over in one step.
 */

const CF = "connect-four" as const;
let server: Awaited<ReturnType<typeof startTestServer>>;

afterEach(async () => {
  await server.close();
});

/** The identity id a token names (`i1.<id>.<expiry>.<generation>.<mac>`). */
const identityId = (token: string | undefined) => token?.split(".")[1];

/** Ann and Bob in a running Connect Four game; Ann (seat 0) to move. */
async function gameInPlay(settings: Parameters<typeof startTestServer>[0] = {}) {
  server = await startTestServer(settings);
  const ann = await server.connect("Ann");
  const bob = await server.connect("Bob");
  const room = await quickMatchedGame(ann, bob);
  // Seat order is the queue's: Ann first.
  expect(room.seats.map((s) => s.player.name)).toEqual(["Ann", "Bob"]);
  return { ann, bob, room };
}

describe("a device identity", () => {
  it("outlives its sessions and rotates: the newest token and the one before stand, older ones do not", async () => {
    server = await startTestServer();
    const first = await server.connect("Ann");
    const tokens = [first.session.identity];
    first.client.disconnect();
    for (let i = 0; i < 2; i++) {
      const next = await server.connect("Ann", { identity: tokens.at(-1)! });
      expect(next.session.resumed).toBe(false);
      expect(identityId(next.session.identity)).toBe(identityId(tokens[0]));
      expect(next.session.identity).not.toBe(tokens.at(-1));
      tokens.push(next.session.identity);
      next.client.disconnect();
    }
    // The one before the newest still stands (its successor may never have reached the device).
    const previous = await server.connect("Ann", { identity: tokens[1]! });
    expect(identityId(previous.session.identity)).toBe(identityId(tokens[0]));
    previous.client.disconnect();
    // tokens[0] is now three generations behind: a new identity.
    const stale = await server.connect("Ann", { identity: tokens[0]! });
    expect(identityId(stale.session.identity)).not.toBe(identityId(tokens[0]));
  });

  it("is new for a forged, malformed or session token, and after it was revoked", async () => {
    server = await startTestServer();
    const ann = await server.connect("Ann");
    const own = ann.session.identity;
    const [version, id, expiry, generation, mac] = own.split(".");
    const forged = `${version}.${id}.${expiry}.${generation}.${mac!.slice(0, -1)}${mac!.endsWith("A") ? "B" : "A"}`;
    for (const identity of [forged, "not a token", ann.session.token]) {
      const other = await server.connect("Eve", { identity });
      expect(identityId(other.session.identity)).not.toBe(id);
    }
    await server.server.lobby.revokeIdentity(id!);
    const afterRevoke = await server.connect("Ann", { identity: own });
    expect(identityId(afterRevoke.session.identity)).not.toBe(id);
    expect(await server.store.getIdentity(id!)).toBeUndefined();
  });

  it("offers the game a closed tab left behind, and rejoin takes the seat back in one connection", async () => {
    const { ann, bob, room } = await gameInPlay();
    const identity = ann.client.identity!;
    const annAway = nextEvent(bob.client, "room:state", (r) => r.seats[0]?.status === "disconnected");
    ann.client.disconnect();
    await annAway;

    const reopened = await server.connect("Ann", { identity });
    expect(reopened.session.resumed).toBe(false);
    expect(reopened.id).not.toBe(ann.id);
    expect(reopened.session.rejoin).toMatchObject({ mode: CF, phase: "playing", with: ["Bob"] });
    expect(reopened.session.rejoin!.awayUntil).toBeGreaterThan(reopened.session.serverTime);

    const annBack = nextEvent(bob.client, "room:state", (r) => r.seats[0]?.status === "connected");
    const roomBack = nextEvent(reopened.client, "room:state", (r) => r.id === room.id);
    const resumed = await reopened.client.rejoin();
    expect(resumed).toMatchObject({ resumed: true, player: { id: ann.id, name: "Ann" }, rejoin: null });
    expect((await roomBack).seats[0]).toMatchObject({ status: "connected", player: { id: ann.id } });
    await annBack;
    // The rejoined player plays on, and the new tab's own session, which held nothing, is gone.
    expect(await reopened.client.move({ mode: CF, column: 3 })).toMatchObject({ ok: true });
    await expect.poll(() => server.store.getPlayer(reopened.id)).toBeUndefined();
    expect(identityId(resumed.identity)).toBe(identityId(identity));
  });

  it("offers a queue place left behind, and nothing to another identity or a private window", async () => {
    server = await startTestServer();
    const ann = await server.connect("Ann");
    data(await ann.client.quickMatch("liars-dice"));
    const identity = ann.client.identity!;
    ann.client.disconnect();
    await expect.poll(async () => (await server.store.getPlayer(ann.id))?.connectionId).toBeNull();

    const privateWindow = await server.connect("Ann");
    expect(privateWindow.session.rejoin).toBeNull();
    const stranger = await server.connect("Bob", { identity: privateWindow.session.identity });
    expect(stranger.session.rejoin).toBeNull();

    const reopened = await server.connect("Ann", { identity });
    expect(reopened.session.rejoin).toMatchObject({ mode: "liars-dice", phase: "queued", with: [] });
    const status = nextEvent(reopened.client, "queue:status");
    expect(await reopened.client.rejoin()).toMatchObject({ resumed: true, player: { id: ann.id } });
    expect(await status).toMatchObject({ state: "queued", mode: "liars-dice" });
  });

  it("offers nothing once the seat was forfeited, and rejoin then just starts a new session", async () => {
    const { ann, bob } = await gameInPlay({ reconnectGraceMs: 200 });
    const identity = ann.client.identity!;
    const forfeited = nextEvent(bob.client, "room:state", (r) => r.phase === "finished");
    ann.client.disconnect();
    expect((await forfeited).result).toEqual({ kind: "win", winners: [1], reason: "forfeit" });

    const reopened = await server.connect("Ann", { identity });
    expect(reopened.session.rejoin).toBeNull();
    const again = await reopened.client.rejoin();
    expect(again.resumed).toBe(false);
    expect(again.player.id).not.toBe(ann.id);
  });

  it("is kept by a session resumed with its own token, and a second tab sees no offer while the first is connected", async () => {
    const { ann } = await gameInPlay();
    const secondTab = await server.connect("Ann", { identity: ann.client.identity! });
    expect(secondTab.session.rejoin).toBeNull();
    expect(identityId(secondTab.session.identity)).toBe(identityId(ann.session.identity));
    const token = ann.client.token!;
    ann.client.disconnect();
    const reloaded = await server.connect("Ann", { token });
    expect(reloaded.session).toMatchObject({ resumed: true, player: { id: ann.id }, rejoin: null });
    expect(identityId(reloaded.session.identity)).toBe(identityId(ann.session.identity));
  });
});
