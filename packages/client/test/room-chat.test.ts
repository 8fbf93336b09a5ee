import { afterEach, describe, expect, it } from "vitest";
import { startLobby } from "./support/lobby-server";
import { clientPool, nextEvent } from "./support/servers";

/*
 * The lobby's own room chat lines (who joined, who won) travel inside the
 * room's `room:state` frame; the SDK hands them to `chat:message` listeners
 * like any other line, after the state itself.
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
});
