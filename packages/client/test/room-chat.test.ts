import { afterEach, describe, expect, it } from "vitest";
import { startLobby } from "./support/lobby-server";
import { clientPool, nextEvent } from "./support/servers";

/*
 * The lobby's own room chat lines (who joined, who won) travel inside the
 * room's `room:state` frame, and a sender's own line comes back in the answer
 * to `chat:send` only; the SDK hands both to `chat:message` listeners like
 * any other line.
 */

const pool = clientPool();
const servers: { close(): Promise<void> }[] = [];

afterEach(async () => {
  pool.closeAll();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe("room chat carried in room:state", () => {
  it("reaches chat:message listeners once, in order, after the state, and stops when unsubscribed", async () => {
    const server = await startLobby();
    servers.push(server);
    const ann = pool.client({ url: server.url, name: "Ann" });
    const bob = pool.client({ url: server.url, name: "Bob" });
    await Promise.all([ann.connect(), bob.connect()]);
    const seen: string[] = [];
    ann.on("room:state", (view) => seen.push(`state:${view.seats.length}${view.chat ? " with chat" : ""}`));
    const off = ann.on("chat:message", (line) => seen.push(`chat:${line.text}`));
    const created = await ann.createRoom("connect-four", { maxPlayers: 2, visibility: "private" });
    if (!created.ok) throw new Error(created.error.message);

    const bobIn = nextEvent(ann, "room:state", (view) => view.seats.length === 2);
    const joined = await bob.joinRoom(created.data.code);
    expect(joined.ok).toBe(true);
    const state = await bobIn;
    expect(state.chat?.map((line) => line.text)).toEqual(["Bob joined."]);
    await expect.poll(() => seen).toContain("chat:Bob joined.");
    expect(seen.filter((e) => e === "chat:Bob joined.")).toHaveLength(1);
    expect(seen.indexOf("chat:Bob joined.")).toBeGreaterThan(seen.indexOf("state:2 with chat"));

    off();
    const bobReady = nextEvent(ann, "room:state", (view) => view.seats.some((s) => s.ready));
    await bob.setReady(true);
    await bobReady;
    const left = nextEvent(ann, "room:state", (view) => view.seats.length === 1);
    await bob.leaveRoom();
    expect((await left).chat?.map((line) => line.text)).toEqual(["Bob left."]);
    // The state's own listener ran; the unsubscribed chat listener did not.
    await expect.poll(() => seen.at(-1)).toBe("state:1 with chat");
    expect(seen).not.toContain("chat:Bob left.");
  });

  it("hands the sender its own line from the answer; the others get it pushed, the sender's socket does not", async () => {
    const server = await startLobby();
    servers.push(server);
    const ann = pool.client({ url: server.url, name: "Ann" });
    const bob = pool.client({ url: server.url, name: "Bob" });
    await Promise.all([ann.connect(), bob.connect()]);
    const created = await ann.createRoom("connect-four", { maxPlayers: 2, visibility: "private" });
    if (!created.ok) throw new Error(created.error.message);
    const bobIn = nextEvent(ann, "room:state", (view) => view.seats.length === 2);
    await bob.joinRoom(created.data.code);
    await bobIn;

    const annHeard: string[] = [];
    const annWire: string[] = [];
    ann.on("chat:message", (line) => annHeard.push(line.text));
    ann.socket.on("chat:message", (line: { text: string }) => annWire.push(line.text));
    const bobHears = nextEvent(bob, "chat:message", (line) => line.kind === "user");
    const sent = await ann.sendChat("room", "good luck");
    if (!sent.ok) throw new Error(sent.error.message);
    expect(sent.data).toMatchObject({ text: "good luck", from: { name: "Ann" }, scope: "room" });
    expect(annHeard).toEqual(["good luck"]);
    expect((await bobHears).id).toBe(sent.data.id);
    // Bob's reply reaches Ann over the wire: by then her own line would have too, had it been pushed.
    const annHearsBob = nextEvent(ann, "chat:message", (line) => line.text === "thanks");
    await bob.sendChat("room", "thanks");
    await annHearsBob;
    expect(annWire).toEqual(["thanks"]);
    expect(annHeard).toEqual(["good luck", "thanks"]);
  });
});
