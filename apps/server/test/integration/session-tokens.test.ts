import { afterEach, describe, expect, it } from "vitest";
import { data } from "../support/results";
import { startTestServer } from "../support/test-server";

/*
 * Session tokens expire, move on with every connection, and die with their
 * session; a session keeps its name.
 */

const CF = "connect-four" as const;
let server: Awaited<ReturnType<typeof startTestServer>>;

afterEach(async () => {
  await server.close();
});

describe("session tokens", () => {
  it("rotate on every resume: the previous token still resumes, older ones do not", async () => {
    server = await startTestServer();
    const ann = await server.connect("Ann");
    data(await ann.client.quickMatch(CF));
    const tokens = [ann.client.token!];
    ann.client.disconnect();
    for (let i = 0; i < 2; i++) {
      const back = await server.connect("Ann", { token: tokens.at(-1)! });
      expect(back.session).toMatchObject({ resumed: true, player: { id: ann.id } });
      expect(back.client.token).not.toBe(tokens.at(-1));
      tokens.push(back.client.token!);
      back.client.disconnect();
    }
    // tokens[0] is two generations behind the session.
    const stale = await server.connect("Ann", { token: tokens[0]! });
    expect(stale.session.resumed).toBe(false);
    expect(stale.id).not.toBe(ann.id);
    // The one before the latest still resumes (its successor may never have reached the client).
    const previous = await server.connect("Ann", { token: tokens[1]! });
    expect(previous.session).toMatchObject({ resumed: true, player: { id: ann.id } });
  });

  it("resume nothing once their session has ended", async () => {
    server = await startTestServer();
    const ann = await server.connect("Ann");
    const token = ann.client.token!;
    // Idle in the lobby: the session ends with the connection.
    ann.client.disconnect();
    await expect.poll(async () => server.store.getPlayer(ann.id)).toBeUndefined();
    const again = await server.connect("Ann", { token });
    expect(again.session.resumed).toBe(false);
    expect(again.id).not.toBe(ann.id);
  });

  it("expire, and a forged expiry fails the signature", async () => {
    server = await startTestServer();
    const ann = await server.connect("Ann");
    data(await ann.client.quickMatch(CF));
    const [version, id, , generation, mac] = ann.client.token!.split(".");
    const extended = `${version}.${id}.${(Date.now() + 3_600_000).toString(36)}.${generation}.${mac}`;
    expect((await server.connect("Ann", { token: extended })).session.resumed).toBe(false);
  });

  it("expire: a token past its lifetime resumes nothing, even for a kept session", async () => {
    // Tokens that expire a millisecond after they are issued.
    server = await startTestServer({}, { sessionTokenTtlMs: 1 });
    const ann = await server.connect("Ann");
    data(await ann.client.quickMatch(CF));
    const token = ann.client.token!;
    ann.client.disconnect();
    const again = await server.connect("Ann", { token });
    expect(again.session.resumed).toBe(false);
    expect(again.id).not.toBe(ann.id);
  });

  it("keep the session's name: resuming under another name renames nothing", async () => {
    server = await startTestServer();
    const ann = await server.connect("Ann");
    const room = data(await ann.client.createRoom(CF, { maxPlayers: 2, visibility: "private" }));
    const token = ann.client.token!;
    ann.client.disconnect();
    const back = await server.connect("Annabel", { token });
    expect(back.session).toMatchObject({ resumed: true, player: { id: ann.id, name: "Ann" } });
    const view = data(await (await server.connect("Bob")).client.joinRoom(room.code));
    expect(view.seats.map((s) => s.player.name)).toEqual(["Ann", "Bob"]);
  });
});
