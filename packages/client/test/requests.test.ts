import { ErrorCode } from "@lobby/contracts";
import { afterEach, describe, expect, it } from "vitest";
import { ClientErrorCode, type LobbyClient } from "../src";
import { startLobby } from "./support/lobby-server";
import { clientPool, greet, nextEvent, recordEvents, startBareServer } from "./support/servers";

/*
 * Requests: each method sends its event with its payload and resolves with
 * the ack; the SDK's own failures (not connected, no answer in time) resolve
 * as values too and never reject.
 */

const pool = clientPool();
const servers: { close(): Promise<void> }[] = [];

afterEach(async () => {
  pool.closeAll();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A bare server that records what it receives and acks every event with `{ ok: true, data: { echo: event } }`. */
async function echoServer() {
  const received: { event: string; payload: unknown }[] = [];
  const server = await startBareServer((lobby) =>
    greet(lobby, (socket) => {
      recordEvents(socket, received);
      socket.onAny((event: string, ...args: unknown[]) => {
        const ack = args.at(-1);
        if (event === "session:ping" || typeof ack !== "function") return;
        // Whatever the event, its last argument is the ack callback.
        (ack as (answer: unknown) => void)({ ok: true, data: { echo: event } });
      });
    }),
  );
  servers.push(server);
  return { ...server, received };
}

async function lobby() {
  const server = await startLobby();
  servers.push(server);
  return server;
}

describe("every request method", () => {
  const methods: [name: string, event: string, payload: unknown, send: (c: LobbyClient) => Promise<unknown>][] = [
    ["quickMatch", "queue:join", { mode: "trails" }, (c) => c.quickMatch("trails")],
    ["cancelQueue", "queue:leave", {}, (c) => c.cancelQueue()],
    [
      "move",
      "game:move",
      { move: { mode: "connect-four", column: 3 } },
      (c) => c.move({ mode: "connect-four", column: 3 }),
    ],
    [
      "createRoom",
      "room:create",
      { mode: "trails", maxPlayers: 4, visibility: "private" },
      (c) => c.createRoom("trails", { maxPlayers: 4, visibility: "private" }),
    ],
    ["joinRoom", "room:join", { code: "ABC234" }, (c) => c.joinRoom("ABC234")],
    ["watchRoom", "room:watch", { code: "ABC234" }, (c) => c.watchRoom("ABC234")],
    ["setReady", "room:ready", { ready: true }, (c) => c.setReady(true)],
    ["startGame", "room:start", {}, (c) => c.startGame()],
    ["updateSettings", "room:settings", { visibility: "public" }, (c) => c.updateSettings({ visibility: "public" })],
    ["kick", "room:kick", { playerId: "p2" }, (c) => c.kick("p2")],
    ["subscribeRooms", "rooms:subscribe", {}, (c) => c.subscribeRooms()],
    ["unsubscribeRooms", "rooms:unsubscribe", {}, (c) => c.unsubscribeRooms()],
    ["sendChat", "chat:send", { scope: "lobby", text: "hello" }, (c) => c.sendChat("lobby", "hello")],
    ["rematch", "game:rematch", {}, (c) => c.rematch()],
    ["leaveRoom", "room:leave", {}, (c) => c.leaveRoom()],
  ];

  it.each(methods)("%s sends %s and resolves with its ack", async (_name, event, payload, send) => {
    const { url, received } = await echoServer();
    const client = pool.client({ url, name: "Ada" });
    await client.connect();
    expect(await send(client)).toEqual({ ok: true, data: { echo: event } });
    expect(received).toEqual([{ event, payload }]);
  });

  it("ping measures the round trip and reports the previous one", async () => {
    const pings: unknown[] = [];
    const server = await startBareServer((lobby) =>
      greet(lobby, (socket) => socket.on("session:ping", (payload) => pings.push(payload))),
    );
    servers.push(server);
    const client = pool.client({ url: server.url, name: "Ada" });
    expect(await client.ping()).toBeNull();
    await client.connect();
    // Every handshake is followed by one ping, so a fresh connection has a figure at once.
    await expect.poll(() => client.rttMs).not.toBeNull();
    const rtt = await client.ping();
    expect(rtt).toBeGreaterThanOrEqual(0);
    expect(pings).toEqual([{ rttMs: null }, { rttMs: expect.any(Number) as number }]);
    expect(client.rttMs).toBe(rtt);
  });
});

describe("against the real server", () => {
  it("answers a queue, a room, a join by code and a chat line, and refuses with the server's code", async () => {
    const { url } = await lobby();
    const [ada, bob, cat] = ["Ada", "Bob", "Cat"].map((name) => pool.client({ url, name })) as [
      LobbyClient,
      LobbyClient,
      LobbyClient,
    ];
    const [adaSession] = await Promise.all([ada.connect(), bob.connect(), cat.connect()]);

    expect(await cat.quickMatch("connect-four")).toMatchObject({
      ok: true,
      data: { state: "queued", mode: "connect-four" },
    });
    expect(await cat.cancelQueue()).toEqual({ ok: true, data: { state: "idle" } });

    const created = await ada.createRoom("connect-four", { maxPlayers: 2, visibility: "private" });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.data).toMatchObject({ kind: "custom", hostId: adaSession.player.id, visibility: "private" });
    const joined = await bob.joinRoom(created.data.code);
    expect(joined).toMatchObject({ ok: true, data: { id: created.data.id } });
    expect(await bob.joinRoom(created.data.code)).toMatchObject({
      ok: false,
      error: { code: ErrorCode.AlreadySeated },
    });
    expect(await cat.joinRoom(created.data.code)).toMatchObject({ ok: false, error: { code: ErrorCode.RoomFull } });
    expect(await ada.startGame()).toMatchObject({ ok: false, error: { code: ErrorCode.NotAllReady } });

    const heard = nextEvent(cat, "chat:message", (m) => m.scope === "lobby");
    expect(await cat.sendChat("lobby", "hello")).toMatchObject({
      ok: true,
      data: { id: expect.any(String) as string },
    });
    expect(await heard).toMatchObject({ text: "hello", from: { name: "Cat" } });
    expect(await cat.subscribeRooms()).toMatchObject({ ok: true, data: { total: 0, rooms: [] } });
  });
});

describe("the SDK's own failures", () => {
  it("refuses a request while disconnected with NOT_CONNECTED, and never sends it later", async () => {
    const { url, received } = await echoServer();
    const client = pool.client({ url, name: "Ada" });
    const notConnected = {
      ok: false,
      error: { code: ClientErrorCode.NotConnected, message: expect.any(String) as string },
    };
    expect(await client.quickMatch("connect-four")).toEqual(notConnected);
    await client.connect();
    // Socket.IO would have buffered an emit and flushed it on connect; this request would then come second.
    expect(await client.setReady(true)).toMatchObject({ ok: true });
    expect(received.map((r) => r.event)).toEqual(["room:ready"]);
    client.disconnect();
    expect(await client.cancelQueue()).toEqual(notConnected);
    expect(received.map((r) => r.event)).toEqual(["room:ready"]);
  });

  it("resolves with TIMEOUT when the ack never comes", async () => {
    const received: { event: string; payload: unknown }[] = [];
    const server = await startBareServer((lobby) => greet(lobby, (socket) => recordEvents(socket, received)));
    servers.push(server);
    const client = pool.client({ url: server.url, name: "Ada", ackTimeoutMs: 50, retryForMs: 0 });
    await client.connect();
    expect(await client.startGame()).toEqual({
      ok: false,
      error: { code: ClientErrorCode.Timeout, message: expect.any(String) as string },
    });
    expect(received).toEqual([{ event: "room:start", payload: {} }]);
  });
});

describe("requests applied once", () => {
  /** A bare server that records every try's envelope, and answers from try number `answerFrom` on (0: never). */
  async function latelyAnswering(answerFrom: number) {
    const tries: unknown[] = [];
    const server = await startBareServer((lobby) =>
      greet(lobby, (socket) =>
        socket.onAny((event: string, ...args: unknown[]) => {
          if (event === "session:ping") return;
          tries.push({ event, meta: args.length === 3 ? args[1] : null });
          const ack = args.at(-1) as (answer: unknown) => void;
          if (answerFrom > 0 && tries.length >= answerFrom) ack({ ok: true, data: null });
        }),
      ),
    );
    servers.push(server);
    return { url: server.url, tries };
  }

  it("sends an unanswered request again with the same id, says it is delayed meanwhile, and resolves with the answer", async () => {
    const { url, tries } = await latelyAnswering(3);
    const client = pool.client({ url, name: "Ada", ackTimeoutMs: 50 });
    await client.connect();
    const delayed: number[] = [];
    client.onDelayedRequests((count) => delayed.push(count));
    expect(await client.startGame()).toEqual({ ok: true, data: null });
    expect(tries).toHaveLength(3);
    const ids = new Set(tries.map((t) => (t as { meta: { requestId: string } }).meta.requestId));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(delayed).toEqual([1, 0]);
    // The next request is another one: a new id.
    expect(await client.setReady(true)).toEqual({ ok: true, data: null });
    expect((tries[3] as { meta: { requestId: string } }).meta.requestId).not.toBe([...ids][0]);
  });

  it("gives up with TIMEOUT after retryForMs, and reads are sent once without an id", async () => {
    const { url, tries } = await latelyAnswering(0);
    const client = pool.client({ url, name: "Ada", ackTimeoutMs: 50, retryForMs: 300 });
    await client.connect();
    expect(await client.move({ mode: "connect-four", column: 1 })).toMatchObject({
      ok: false,
      error: { code: ClientErrorCode.Timeout },
    });
    expect(tries.length).toBeGreaterThan(2);
    expect(client.delayedRequests).toBe(0);
    tries.length = 0;
    expect(await client.profile()).toMatchObject({ ok: false, error: { code: ClientErrorCode.Timeout } });
    expect(tries).toEqual([{ event: "profile:get", meta: null }]);
  });
});
