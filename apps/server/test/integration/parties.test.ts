import { ErrorCode, PARTY_MAX_SIZE } from "@lobby/contracts";
import { afterEach, describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config";
import { checkInvariants } from "../../src/lobby/invariants";
import { data } from "../support/results";
import { nextEvent, startTestServer } from "../support/test-server";

/*
 * Parties over real sockets: friends form one by code, chat, and the
 * leader queues everyone together; leaving, dropping and joining take a
 * searching party out of the queue. Liar's Dice seats four by quick match,
 * so a party of two meets two strangers.
 */

const LD = "liars-dice" as const;
let server: Awaited<ReturnType<typeof startTestServer>>;

afterEach(async () => {
  await server.close();
});

async function sound() {
  expect(await checkInvariants(server.store, Date.now())).toEqual([]);
}

/** Ann leads a party Bob joined. */
async function partyOfTwo() {
  const ann = await server.connect("Ann");
  const bob = await server.connect("Bob");
  const party = data(await ann.client.createParty());
  const annSees = nextEvent(ann.client, "party:state", (p) => p.members.length === 2);
  const joined = data(await bob.client.joinParty(party.code.toLowerCase()));
  expect(joined.members.map((m) => m.player.name)).toEqual(["Ann", "Bob"]);
  expect((await annSees).leaderId).toBe(ann.id);
  return { ann, bob, code: party.code };
}

describe("parties", () => {
  it("forms by code, shows where each member is, and carries party chat to members only", async () => {
    server = await startTestServer();
    const { ann, bob, code } = await partyOfTwo();
    const cat = await server.connect("Cat");

    const heard = nextEvent(bob.client, "chat:message", (m) => m.scope === "party" && m.kind === "user");
    data(await ann.client.sendChat("party", "ready when you are"));
    expect(await heard).toMatchObject({
      scope: "party",
      roomId: code,
      from: { name: "Ann" },
      text: "ready when you are",
    });
    expect(await cat.client.sendChat("party", "let me in")).toMatchObject({
      ok: false,
      error: { code: ErrorCode.NotInParty },
    });

    // A late joiner hears what was said before; everyone sees the newcomer.
    const history = nextEvent(cat.client, "chat:history", (h) => h.scope === "party");
    const bobSees = nextEvent(bob.client, "party:state", (p) => p.members.length === 3);
    data(await cat.client.joinParty(code));
    expect((await history).messages.map((m) => m.text)).toContain("ready when you are");
    expect((await bobSees).members.map((m) => [m.player.name, m.status])).toEqual([
      ["Ann", "lobby"],
      ["Bob", "lobby"],
      ["Cat", "lobby"],
    ]);

    expect(await cat.client.joinParty(code)).toMatchObject({ ok: false, error: { code: ErrorCode.AlreadyInParty } });
    expect(await cat.client.createParty()).toMatchObject({ ok: false, error: { code: ErrorCode.AlreadyInParty } });
    expect(await (await server.connect("Eve")).client.joinParty("ZZZZZZ")).toMatchObject({
      ok: false,
      error: { code: ErrorCode.PartyNotFound },
    });
    for (let i = 3; i < PARTY_MAX_SIZE; i++) data(await (await server.connect(`Friend ${i}`)).client.joinParty(code));
    expect(await (await server.connect("Late")).client.joinParty(code)).toMatchObject({
      ok: false,
      error: { code: ErrorCode.PartyFull },
    });
    await sound();
  });

  it("queues as one when the leader searches, and seats the party together with strangers", async () => {
    server = await startTestServer();
    const { ann, bob, code } = await partyOfTwo();
    const [cat, dan] = await Promise.all([server.connect("Cat"), server.connect("Dan")]);

    expect(await bob.client.quickMatch(LD)).toMatchObject({ ok: false, error: { code: ErrorCode.NotPartyLeader } });
    const bobQueued = nextEvent(bob.client, "queue:status", (s) => s.state === "queued");
    const searching = nextEvent(bob.client, "party:state", (p) => p.queued !== null);
    expect(data(await ann.client.quickMatch(LD))).toMatchObject({ state: "queued", mode: LD });
    expect(await bobQueued).toMatchObject({ state: "queued", mode: LD });
    expect((await searching).members.map((m) => m.status)).toEqual(["queued", "queued"]);
    await sound();

    const room = nextEvent(bob.client, "room:state");
    data(await cat.client.quickMatch(LD));
    data(await dan.client.quickMatch(LD));
    const seats = (await room).seats;
    expect(seats.map((s) => s.player.name).sort()).toEqual(["Ann", "Bob", "Cat", "Dan"]);
    const party = (name: string) => seats.find((s) => s.player.name === name)?.party;
    expect(party("Ann")).toBe(1);
    expect(party("Bob")).toBe(1);
    expect([party("Cat"), party("Dan")]).toEqual([null, null]);
    // The party lasts beyond the match: its code is never shown in the room.
    expect(JSON.stringify(seats)).not.toContain(code);
    const playing = await server.store.getParty(code);
    expect(playing).toMatchObject({ queued: null, members: [{ playerId: ann.id }, { playerId: bob.id }] });
    await sound();
  });

  it("refuses a party a mode cannot take, and a search while a member is still in a game", async () => {
    server = await startTestServer();
    const { ann, bob } = await partyOfTwo();
    expect(await ann.client.quickMatch("connect-four")).toMatchObject({
      ok: false,
      error: { code: ErrorCode.PartyTooLarge },
    });
    const cat = await server.connect("Cat");
    const room = data(await cat.client.createRoom(LD, { maxPlayers: 4, visibility: "private" }));
    data(await bob.client.joinRoom(room.code));
    expect(await ann.client.quickMatch(LD)).toMatchObject({ ok: false, error: { code: ErrorCode.PartyNotReady } });
    await sound();
  });

  it("stops the search when a member leaves the queue or the party, or someone joins", async () => {
    server = await startTestServer();
    const { ann, bob, code } = await partyOfTwo();

    data(await ann.client.quickMatch(LD));
    const annIdle = nextEvent(ann.client, "queue:status", (s) => s.state === "idle");
    expect(data(await bob.client.cancelQueue())).toEqual({ state: "idle" });
    await annIdle;
    expect(await server.store.queueLength(LD)).toBe(0);
    await sound();

    data(await ann.client.quickMatch(LD));
    const cat = await server.connect("Cat");
    const stopped = nextEvent(ann.client, "queue:status", (s) => s.state === "idle");
    data(await cat.client.joinParty(code));
    await stopped;
    expect(await server.store.queueLength(LD)).toBe(0);
    data(await cat.client.leaveParty());

    data(await ann.client.quickMatch(LD));
    const left = nextEvent(bob.client, "party:left");
    const annSees = nextEvent(ann.client, "party:state", (p) => p.members.length === 1 && p.queued === null);
    data(await bob.client.leaveParty());
    expect(await left).toEqual({ code, reason: "left" });
    expect((await annSees).members.map((m) => m.player.name)).toEqual(["Ann"]);
    expect(await server.store.queueLength(LD)).toBe(0);
    await sound();
  });

  it("passes the lead on, lets only the leader remove members, and ends with its last member", async () => {
    server = await startTestServer();
    const { ann, bob, code } = await partyOfTwo();
    const cat = await server.connect("Cat");
    data(await cat.client.joinParty(code));

    expect(await bob.client.kickFromParty(cat.id)).toMatchObject({
      ok: false,
      error: { code: ErrorCode.NotPartyLeader },
    });
    const kicked = nextEvent(cat.client, "party:left");
    data(await ann.client.kickFromParty(cat.id));
    expect(await kicked).toEqual({ code, reason: "kicked" });

    const bobLeads = nextEvent(bob.client, "party:state", (p) => p.leaderId === bob.id);
    data(await ann.client.leaveParty());
    expect((await bobLeads).members.map((m) => m.player.name)).toEqual(["Bob"]);
    data(await bob.client.leaveParty());
    expect(await server.store.getParty(code)).toBeUndefined();
    expect(await bob.client.leaveParty()).toMatchObject({ ok: false, error: { code: ErrorCode.NotInParty } });
    await sound();
  });

  it("keeps a member who drops for the grace period, and takes the party out of the queue once it runs out", async () => {
    server = await startTestServer({ reconnectGraceMs: 300 });
    const { ann, bob, code } = await partyOfTwo();

    // A reload in the lobby keeps the party.
    const away = nextEvent(ann.client, "party:state", (p) => p.members[1]?.status === "away");
    const token = bob.client.token!;
    bob.client.disconnect();
    await away;
    const present = nextEvent(ann.client, "party:state", (p) => p.members[1]?.status === "lobby");
    const back = await server.connect("Bob", { token });
    expect(back.session.resumed).toBe(true);
    await present;
    await sound();

    data(await ann.client.quickMatch(LD));
    const gone = nextEvent(ann.client, "party:state", (p) => p.members.length === 1);
    const idle = nextEvent(ann.client, "queue:status", (s) => s.state === "idle");
    back.client.disconnect();
    await idle;
    expect((await gone).queued).toBeNull();
    expect(await server.store.queueLength(LD)).toBe(0);
    expect((await server.store.getParty(code))?.members.map((m) => m.name)).toEqual(["Ann"]);
    await sound();
  });

  it("counts wrong party codes against the address's guesses, like room codes", async () => {
    const limits = { ...defaultConfig.addressLimits, codeMissesPerMinute: 2 };
    server = await startTestServer({}, { addressLimits: limits });
    const eve = await server.connect("Eve");
    expect(await eve.client.joinParty("ZZZZZZ")).toMatchObject({ ok: false, error: { code: ErrorCode.PartyNotFound } });
    expect(await eve.client.joinRoom("ZZZZZY")).toMatchObject({ ok: false, error: { code: ErrorCode.RoomNotFound } });
    expect(await eve.client.joinParty("ZZZZZX")).toMatchObject({
      ok: false,
      error: { code: ErrorCode.TooManyGuesses },
    });
  });
});
