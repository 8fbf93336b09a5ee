import type { LobbyClient } from "@lobby/client";
import { ErrorCode } from "@lobby/contracts";
import fc from "fast-check";
import { io, type Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { GatedStore } from "../support/gated-store";
import { data } from "../support/results";
import { startTestServer } from "../support/test-server";

/*
 * One address against the edge: refused handshakes hold no connection
 * slot, the root namespace is closed, and a new identity per connection
 * gets no fresh per-address budget. Other addresses (X-Forwarded-For behind
 * a trusted proxy) are never locked out by it.
 */

const CF = "connect-four" as const;
const LOOPBACK = "127.0.0.1";
const HOSTILE = "203.0.113.9";
let server: Awaited<ReturnType<typeof startTestServer>>;

afterEach(async () => {
  await server.close();
});

/** Open a raw `/lobby` connection; resolves with the refusal's code, or "accepted" and the socket. */
function handshake(url: string, auth: Record<string, unknown>, namespace = "/lobby") {
  const socket = io(`${url}${namespace}`, { transports: ["websocket"], auth, reconnection: false, forceNew: true });
  return new Promise<{ outcome: string; socket: Socket }>((resolve) => {
    socket.once("connect", () => resolve({ outcome: "accepted", socket }));
    socket.once("connect_error", (err) => {
      const code = (err as { data?: { code?: string } }).data?.code ?? "transport";
      resolve({ outcome: code, socket });
    });
  });
}

describe("refused handshakes never hold a connection slot", () => {
  it("100 refused for a bad name, 100 for a busy server, then a valid one is accepted; the count is the live connections", async () => {
    const store = new GatedStore();
    server = await startTestServer({ busyQueueMs: 20 }, { maxConnectionsPerAddress: 5 }, store);
    for (let i = 0; i < 100; i++) {
      const { outcome, socket } = await handshake(server.url, { name: "\u200b" });
      expect(outcome).toBe(ErrorCode.InvalidName);
      socket.close();
    }
    const holder = await server.connect("Holder");
    store.hold();
    void holder.client.quickMatch(CF);
    void holder.client.cancelQueue();
    await expect.poll(() => server.server.lobby.busy).toBe(true);
    for (let i = 0; i < 100; i++) {
      const { outcome, socket } = await handshake(server.url, { name: `Busy ${i}` });
      expect(outcome).toBe(ErrorCode.ServerBusy);
      socket.close();
    }
    store.open();
    await expect.poll(() => server.server.lobby.busy).toBe(false);
    await expect.poll(() => server.server.connections.count(LOOPBACK)).toBe(1);
    const ann = await server.connect("Ann");
    expect(ann.session.resumed).toBe(false);
    expect(server.server.connections.count(LOOPBACK)).toBe(2);
  });

  it("holds for random sequences of accepted, refused and closed handshakes: accepted exactly while under the cap", async () => {
    server = await startTestServer({}, { maxConnectionsPerAddress: 3 });
    const { url } = server;
    const step = fc.oneof(
      fc.constant({ kind: "valid" as const }),
      fc.constant({ kind: "bad-name" as const }),
      fc.constant({ kind: "bad-token" as const }),
      fc.constant({ kind: "root" as const }),
      fc.record({ kind: fc.constant("close" as const), index: fc.nat(10) }),
    );
    const figures = { sequences: 0, handshakes: 0, accepted: 0, capped: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 25 }), async (steps) => {
        figures.sequences++;
        const open: Socket[] = [];
        try {
          for (const s of steps) {
            if (s.kind === "close") {
              open.splice(s.index % Math.max(open.length, 1), 1)[0]?.close();
            } else {
              figures.handshakes++;
              const live = open.length;
              const auth =
                s.kind === "bad-name"
                  ? { name: "" }
                  : s.kind === "bad-token"
                    ? { name: "Tok", token: "x" }
                    : { name: "Val" };
              const { outcome, socket } = await handshake(url, auth, s.kind === "root" ? "/" : "/lobby");
              if (s.kind === "valid") {
                // At the cap: refused with the code, or — once the address keeps trying — at the door.
                if (live < 3) expect(outcome).toBe("accepted");
                else expect([ErrorCode.TooManyConnections, "transport"]).toContain(outcome);
                if (outcome === "accepted") figures.accepted++;
                else figures.capped++;
              } else if (live < 3) {
                const expected = {
                  "bad-name": ErrorCode.InvalidName,
                  "bad-token": ErrorCode.InvalidToken,
                  root: ErrorCode.UnknownNamespace,
                };
                expect(outcome).toBe(expected[s.kind]);
              }
              if (outcome === "accepted") open.push(socket);
              else socket.close();
            }
            // The server's count settles on exactly the connections still open, whatever came before.
            await expect.poll(() => server.server.connections.count(LOOPBACK)).toBe(open.length);
          }
        } finally {
          for (const socket of open) socket.close();
          await expect.poll(() => server.server.connections.count(LOOPBACK)).toBe(0);
        }
      }),
      { numRuns: 15 },
    );
    console.info(`handshakes: ${JSON.stringify(figures)}`);
  }, 60_000);
});

describe("an address that keeps knocking at its cap", () => {
  it("is told why a few times, then turned away before the websocket upgrade; a freed slot lets it in again", async () => {
    server = await startTestServer({}, { maxConnectionsPerAddress: 2 });
    const held = [await server.connect("One"), await server.connect("Two")];
    const outcomes: string[] = [];
    for (let i = 0; i < 30; i++) {
      const { outcome, socket } = await handshake(server.url, { name: `Knock ${i}` });
      outcomes.push(outcome);
      socket.close();
    }
    const polite = outcomes.filter((o) => o === ErrorCode.TooManyConnections).length;
    expect(polite).toBeGreaterThanOrEqual(10);
    expect(polite).toBeLessThan(20);
    expect(outcomes.filter((o) => o === "transport").length).toBe(30 - polite);
    await expect.poll(() => server.server.connections.count(LOOPBACK)).toBe(2);
    held[0]!.client.disconnect();
    await expect.poll(() => server.server.connections.count(LOOPBACK)).toBe(1);
    expect((await server.connect("Three")).session.resumed).toBe(false);
  });
});

describe("refusals per address", () => {
  it("add up across connections and identities: past the address's allowance its connections close and it is not let back in", async () => {
    server = await startTestServer({}, { trustProxy: true });
    const flooders: LobbyClient[] = [];
    for (let i = 0; i < 8; i++) flooders.push((await server.connect(`Junk ${i}`, { from: HOSTILE })).client);
    // 60 refusals each stay within one connection's allowance; 480 are past the address's 300.
    const answered = flooders.flatMap((client) =>
      Array.from(
        { length: 60 },
        () =>
          new Promise<void>((resolve) => {
            (client.socket as unknown as Socket).emit("no:such:event", {}, () => resolve());
            client.socket.once("disconnect", () => resolve());
          }),
      ),
    );
    await Promise.all(answered);
    await expect.poll(() => flooders.filter((client) => !client.socket.connected).length).toBeGreaterThanOrEqual(3);
    await expect(server.connect("Back again", { from: HOSTILE })).rejects.toMatchObject({
      code: ErrorCode.RateLimited,
    });
    expect((await server.connect("Neighbour", { from: "198.51.100.9" })).session.resumed).toBe(false);
  });
});

describe("the root namespace", () => {
  it("refuses every connection with UNKNOWN_NAMESPACE", async () => {
    server = await startTestServer();
    const { outcome, socket } = await handshake(server.url, { name: "Root" }, "/");
    socket.close();
    expect(outcome).toBe(ErrorCode.UnknownNamespace);
  });
});

describe("per-address budgets survive identity churn", () => {
  const limits = { sessionsPerMinute: 4, roomsPerMinute: 3, codeMissesPerMinute: 4, lobbyChatPerMinute: 3 };
  const start = () => startTestServer({}, { trustProxy: true, addressLimits: limits });

  it("new sessions: the address's quota, then TOO_MANY_SESSIONS; resumes and other addresses still get in", async () => {
    server = await start();
    const first = await server.connect("Mal 0", { from: HOSTILE });
    data(await first.client.quickMatch(CF));
    for (let i = 1; i < limits.sessionsPerMinute; i++)
      (await server.connect(`Mal ${i}`, { from: HOSTILE })).client.disconnect();
    await expect(server.connect("Mal again", { from: HOSTILE })).rejects.toMatchObject({
      code: ErrorCode.TooManySessions,
    });
    // A session that holds something comes back with its token.
    const token = first.client.token!;
    first.client.disconnect();
    const back = await server.connect("Mal 0", { from: HOSTILE, token });
    expect(back.session).toMatchObject({ resumed: true, player: { id: first.id } });
    // Another address is untouched.
    expect((await server.connect("Ann", { from: "198.51.100.1" })).session.resumed).toBe(false);
  });

  it("rooms, wrong codes and lobby chat are counted per address, not per player", async () => {
    server = await start();
    const host = await server.connect("Host", { from: "198.51.100.2" });
    const room = data(await host.client.createRoom(CF, { maxPlayers: 2, visibility: "private" }));
    const players = [];
    for (let i = 0; i < 4; i++) players.push((await server.connect(`Mal ${i}`, { from: HOSTILE })).client);
    const [a, b, c, d] = players as [typeof host.client, typeof host.client, typeof host.client, typeof host.client];

    for (const p of [a, b, c]) {
      data(await p.createRoom(CF, { maxPlayers: 2, visibility: "public" }));
      data(await p.leaveRoom());
    }
    expect(await d.createRoom(CF, { maxPlayers: 2, visibility: "public" })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.TooManyRooms },
    });

    // Codes that work are no guesses: watching and joining by the right code spend nothing.
    data(await a.joinRoom(room.code));
    data(await a.leaveRoom());
    for (const [i, p] of [a, b, c, d].entries()) {
      expect(await p.joinRoom(`ZZZZZ${"23456789"[i]}`)).toMatchObject({
        ok: false,
        error: { code: ErrorCode.RoomNotFound },
      });
    }
    expect(await a.joinRoom(room.code)).toMatchObject({ ok: false, error: { code: ErrorCode.TooManyGuesses } });
    // The host's address still finds its rooms.
    const friend = await server.connect("Friend", { from: "198.51.100.2" });
    data(await friend.client.joinRoom(room.code));

    for (const p of [a, b, c]) data(await p.sendChat("lobby", "spam"));
    expect(await d.sendChat("lobby", "spam")).toMatchObject({ ok: false, error: { code: ErrorCode.RateLimited } });
    const other = await server.connect("Other", { from: "198.51.100.3" });
    data(await other.client.sendChat("lobby", "hello"));
  });
});
