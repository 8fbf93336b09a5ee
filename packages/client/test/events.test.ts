import type { LobbyStats } from "@lobby/contracts";
import { afterEach, describe, expect, it } from "vitest";
import type { LobbyClient } from "../src";
import { clientPool, fakeSession, greet, startBareServer, type BareSocket } from "./support/servers";

/*
 * Pushes: `on()` subscribes and its return value unsubscribes, and answers
 * and pushes reach the caller in the order the server sent them, even when
 * an answer and the push right after it arrive in the same chunk.
 */

const pool = clientPool();
const servers: { close(): Promise<void> }[] = [];

afterEach(async () => {
  pool.closeAll();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

function stats(online: number): LobbyStats {
  return { ...fakeSession("unused").stats, online };
}

/**
 * A server that, in one tick, answers `queue:join` between two pushes and
 * `queue:leave` just before one, the way the Lobby answers a request before
 * the pushes its operation caused.
 */
function scripted(socket: BareSocket): void {
  let online = 0;
  socket.on("queue:join", (payload, ack) => {
    socket.emit("lobby:stats", stats(++online));
    const widening = { initial: 50, perSecond: 25, cap: 400, anyoneAfterMs: 30_000 };
    const search = { rating: 1000, provisional: true, widening };
    ack({ ok: true, data: { state: "queued", mode: payload.mode, joinedAt: 1, search } });
    socket.emit("queue:status", { state: "matched", mode: payload.mode, roomId: "room-1" });
  });
  socket.on("queue:leave", (_payload, ack) => {
    ack({ ok: true, data: { state: "idle" } });
    socket.emit("lobby:stats", stats(++online));
  });
}

async function connected(): Promise<LobbyClient> {
  const server = await startBareServer((lobby) => greet(lobby, scripted));
  servers.push(server);
  // These scripted handlers take a payload and an ack: send requests once, without ids (see requests.test.ts).
  const client = pool.client({ url: server.url, name: "Ada", retryForMs: 0 });
  await client.connect();
  return client;
}

describe("wire order", () => {
  it("an awaited answer resumes before the push the server sent right after it", async () => {
    const client = await connected();
    const seen: string[] = [];
    client.on("lobby:stats", (s) => seen.push(`push:stats ${s.online}`));
    client.on("queue:status", (s) => seen.push(`push:${s.state}`));
    const answer = await client.quickMatch("connect-four");
    seen.push(`answer:${answer.ok ? answer.data.state : "refused"}`);
    await expect.poll(() => seen).toEqual(["push:stats 1", "answer:queued", "push:matched"]);
  });

  it("keeps that order across several requests in flight at once", async () => {
    const client = await connected();
    const seen: string[] = [];
    client.on("lobby:stats", (s) => seen.push(`push:stats ${s.online}`));
    client.on("queue:status", (s) => seen.push(`push:${s.state}`));
    await Promise.all([
      client.quickMatch("connect-four").then((a) => seen.push(`answer:${a.ok ? a.data.state : "refused"}`)),
      client.cancelQueue().then((a) => seen.push(`answer:${a.ok ? a.data.state : "refused"}`)),
    ]);
    await expect
      .poll(() => seen)
      .toEqual(["push:stats 1", "answer:queued", "push:matched", "answer:idle", "push:stats 2"]);
  });
});

describe("on", () => {
  it("returns an unsubscribe that stops that listener and no other", async () => {
    const client = await connected();
    const first: number[] = [];
    const second: number[] = [];
    const offFirst = client.on("lobby:stats", (s) => first.push(s.online));
    client.on("lobby:stats", (s) => second.push(s.online));
    await client.cancelQueue();
    await expect.poll(() => second).toEqual([1]);
    expect(first).toEqual([1]);
    offFirst();
    await client.cancelQueue();
    // Pushes arrive in order to every listener, so once the second has it the first would have too.
    await expect.poll(() => second).toEqual([1, 2]);
    expect(first).toEqual([1]);
  });

  it("unsubscribing where an answer is awaited stops the push that came right behind it", async () => {
    const client = await connected();
    const everything: number[] = [];
    const untilAnswered: number[] = [];
    client.on("lobby:stats", (s) => everything.push(s.online));
    const off = client.on("lobby:stats", (s) => untilAnswered.push(s.online));
    await client.cancelQueue();
    off();
    await expect.poll(() => everything).toEqual([1]);
    expect(untilAnswered).toEqual([]);
  });
});
