import { ClientErrorCode, createLobbyClient } from "@lobby/client";
import { ErrorCode, RoomView } from "@lobby/contracts";
import { GAME_IDS } from "@lobby/games";
import { afterEach, describe, expect, it } from "vitest";
import { nextEvent, startTestServer } from "../support/test-server";

const CF = "connect-four" as const;
let server: Awaited<ReturnType<typeof startTestServer>>;

afterEach(async () => {
  await server.close();
});

describe("quick match over websocket", () => {
  it("matches two players into the same room with the right roster", async () => {
    server = await startTestServer();
    const ann = await server.connect("Ann");
    const bob = await server.connect("Bob");
    expect(ann.session.modes.map((m) => m.id)).toEqual([...GAME_IDS]);

    const annRoom = nextEvent(ann.client, "room:state");
    const bobRoom = nextEvent(bob.client, "room:state");
    expect(await ann.client.quickMatch(CF)).toMatchObject({ ok: true, data: { state: "queued" } });
    const matched = await bob.client.quickMatch(CF);
    expect(matched).toMatchObject({ ok: true, data: { state: "matched" } });

    const [a, b] = await Promise.all([annRoom, bobRoom]);
    expect(RoomView.parse(a)).toEqual(b);
    expect(a.seats.map((s) => [s.player.id, s.player.name, s.status])).toEqual([
      [ann.id, "Ann", "connected"],
      [bob.id, "Bob", "connected"],
    ]);
    expect(matched.ok && matched.data.state === "matched" && matched.data.roomId).toBe(a.id);
  });

  it("keeps a third player waiting while two are matched", async () => {
    server = await startTestServer();
    const [ann, bob, cat, dan] = await Promise.all(["Ann", "Bob", "Cat", "Dan"].map((n) => server.connect(n)));
    // Figures are coalesced per interval, so "one waiting" may be pushed for Ann or for Cat: listen from the start.
    const oneWaiting = nextEvent(dan!.client, "lobby:stats", (s) => s.queues[CF] === 1);
    await ann!.client.quickMatch(CF);
    await bob!.client.quickMatch(CF);
    const catQueued = await cat!.client.quickMatch(CF);
    expect(catQueued).toMatchObject({ ok: true, data: { state: "queued", mode: CF } });
    expect(await server.store.queueLength(CF)).toBe(1);
    expect((await oneWaiting).online).toBe(4);

    const catRoom = nextEvent(cat!.client, "room:state");
    await dan!.client.quickMatch(CF);
    expect((await catRoom).seats.map((s) => s.player.name)).toEqual(["Cat", "Dan"]);
  });

  it("cancels a queue wait", async () => {
    server = await startTestServer();
    const ann = await server.connect("Ann");
    const bob = await server.connect("Bob");
    await ann.client.quickMatch(CF);
    expect(await ann.client.cancelQueue()).toEqual({ ok: true, data: { state: "idle" } });
    expect(await ann.client.cancelQueue()).toMatchObject({ ok: false, error: { code: ErrorCode.NotQueued } });
    expect(await bob.client.quickMatch(CF)).toMatchObject({ ok: true, data: { state: "queued" } });
  });

  it("refuses a second join while queued or seated", async () => {
    server = await startTestServer();
    const ann = await server.connect("Ann");
    const bob = await server.connect("Bob");
    await ann.client.quickMatch(CF);
    expect(await ann.client.quickMatch(CF)).toMatchObject({ ok: false, error: { code: ErrorCode.AlreadyQueued } });
    await bob.client.quickMatch(CF);
    expect(await bob.client.quickMatch(CF)).toMatchObject({ ok: false, error: { code: ErrorCode.AlreadySeated } });
    expect(await server.store.listRoomIds()).toHaveLength(1);
  });

  it("refuses a handshake with an invalid name", async () => {
    server = await startTestServer();
    for (const name of ["", "   ", "x".repeat(25), "bad\u0007name"]) {
      await expect(server.connect(name)).rejects.toMatchObject({ code: ErrorCode.InvalidName });
    }
    expect((await server.connect("  Trimmed  ")).session.player.name).toBe("Trimmed");
  });

  it("reports its own figures, settings and lobby state at /debug/stats when enabled", async () => {
    server = await startTestServer({ reconnectGraceMs: 1234 });
    const ann = await server.connect("Ann");
    await ann.client.quickMatch(CF);
    type Stats = {
      memory: { rssBytes: number };
      cpu: { userMicros: number };
      gc: { pauses: number; pauseMs: number };
      eventLoopDelayMs: { p99: number };
      settings: { reconnectGraceMs: number; nodeId: string };
      lobby?: { players: number; queues: Record<string, number>; violations: number };
    };
    const quick = (await (await fetch(`${server.url}/debug/stats?reset=1`)).json()) as Stats;
    expect(quick.memory.rssBytes).toBeGreaterThan(0);
    expect(quick.cpu.userMicros).toBeGreaterThan(0);
    expect(quick.eventLoopDelayMs.p99).toBeGreaterThanOrEqual(0);
    // Garbage-collection pauses since the start: garbage made here shows up as more of them.
    let garbage: number[][] = [];
    await expect
      .poll(async () => {
        for (let i = 0; i < 20_000; i++) garbage.push([i, i]);
        garbage = [];
        return ((await (await fetch(`${server.url}/debug/stats`)).json()) as Stats).gc.pauses;
      })
      .toBeGreaterThan(quick.gc.pauses);
    // What a load test against a running server must know to wait out a dropped player's seat.
    expect(quick.settings).toEqual({ reconnectGraceMs: 1234, nodeId: "test-node" });
    // The lobby scan walks every record, so it is only done when asked for.
    expect(quick.lobby).toBeUndefined();
    const full = (await (await fetch(`${server.url}/debug/stats?lobby=1`)).json()) as Stats;
    expect(full.lobby).toMatchObject({ players: 1, queues: { [CF]: 1, trails: 0 }, violations: 0 });
  });

  it("serves /healthz", async () => {
    server = await startTestServer();
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });
});

describe("the SDK", () => {
  it("rejects connect() when the server is unreachable and reconnection is off", async () => {
    const client = createLobbyClient({
      url: "http://127.0.0.1:1",
      name: "Nobody",
      reconnection: false,
      pingIntervalMs: 0,
    });
    await expect(client.connect()).rejects.toMatchObject({ code: ClientErrorCode.NotConnected });
    client.disconnect();
  });
});
