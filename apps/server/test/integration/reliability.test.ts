import { ErrorCode } from "@lobby/contracts";
import { io, type Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { quickMatchedGame } from "../support/games";
import { nextEvent, startTestServer } from "../support/test-server";
import { data } from "../support/results";

const CF = "connect-four" as const;
let server: Awaited<ReturnType<typeof startTestServer>>;

afterEach(async () => {
  await server.close();
});

async function playingPair(settings: Parameters<typeof startTestServer>[0] = {}) {
  server = await startTestServer(settings);
  const ann = await server.connect("Ann");
  const bob = await server.connect("Bob");
  return { ann, bob, room: await quickMatchedGame(ann, bob) };
}

describe("reconnection keeps the seat", () => {
  it("a reloaded client with its token resumes the same seat and board", async () => {
    const { ann, bob, room } = await playingPair();
    data(await ann.client.move({ mode: CF, column: 3 }));
    const token = bob.client.token!;
    const away = nextEvent(ann.client, "room:state", (r) => r.seats[1]?.status === "disconnected");
    bob.client.disconnect();
    await away;

    const back = nextEvent(ann.client, "room:state", (r) => r.seats[1]?.status === "connected");
    const again = await server.connect("Bob", { token });
    expect(again.session).toMatchObject({ resumed: true, player: { id: bob.id } });
    const state = await back;
    expect(state.id).toBe(room.id);
    expect(state.game?.mode === CF && state.game.moves).toBe(1);
    data(await again.client.move({ mode: CF, column: 4 }));
  });

  it("a forged or foreign token starts a fresh session instead; a malformed one is refused as such and the SDK starts afresh", async () => {
    server = await startTestServer();
    const ann = await server.connect("Ann");
    const [version, , expiry, generation, mac] = ann.client.token!.split(".");
    const forged = await server.connect("Mallory", { token: `${version}.${ann.id}x.${expiry}.${generation}.${mac}` });
    expect(forged.session.resumed).toBe(false);
    expect(forged.id).not.toBe(ann.id);
    const raw = io(`${server.url}/lobby`, {
      transports: ["websocket"],
      auth: { name: "Mallory", token: "not-a-token" },
    });
    const refused = new Promise<unknown>((resolve) => {
      raw.once("connect_error", (err) => resolve((err as { data?: unknown }).data));
    });
    expect(await refused).toMatchObject({ code: ErrorCode.InvalidToken });
    raw.close();
    const garbage = await server.connect("Mallory", { token: "not-a-token" });
    expect(garbage.session.resumed).toBe(false);
    expect(garbage.client.token).toMatch(/^v2\./);
  });

  it("a second tab of the same session takes over; the first is told why and stops", async () => {
    server = await startTestServer();
    const first = await server.connect("Ann", { reconnection: true });
    data(await first.client.quickMatch(CF));
    const closed = nextEvent(first.client, "session:closed");
    const second = await server.connect("Ann", { token: first.client.token! });
    expect(await closed).toMatchObject({ reason: "replaced" });
    await expect.poll(() => first.client.state).toBe("replaced");
    expect(second.session).toMatchObject({ resumed: true, player: { id: first.id } });
    expect(await second.client.cancelQueue()).toEqual({ ok: true, data: { state: "idle" } });
    expect(first.client.socket.connected).toBe(false);
  });

  it("survives dropping the network under the socket (engine closed) within the grace period", async () => {
    const { ann, bob, room } = await playingPair();
    const bobSocket = bob.client.socket;
    bobSocket.io.reconnection(true);
    bobSocket.io.reconnectionDelay(10);
    bobSocket.io.reconnectionDelayMax(20);
    const reconnected = new Promise<void>((resolve) => bobSocket.io.once("reconnect", () => resolve()));
    bobSocket.io.engine.close();
    await reconnected;
    await expect.poll(() => bob.client.state).toBe("connected");
    data(await ann.client.move({ mode: CF, column: 0 }));
    const state = await nextEvent(bob.client, "room:state", (r) => r.game?.mode === CF && r.game.moves === 1);
    expect(state.id).toBe(room.id);
    expect(state.seats.map((s) => s.status)).toEqual(["connected", "connected"]);
    expect(data(await bob.client.move({ mode: CF, column: 1 })).version).toBeGreaterThan(state.version);
  });
});

describe("limits at the edge", () => {
  it("rate-limits a flood with RATE_LIMITED, then closes a connection that keeps flooding", async () => {
    server = await startTestServer();
    const ann = await server.connect("Ann");
    const results = await Promise.all(Array.from({ length: 15 }, () => ann.client.cancelQueue()));
    const codes = results.map((r) => (r.ok ? "ok" : r.error.code));
    expect(codes.filter((c) => c === ErrorCode.RateLimited).length).toBeGreaterThan(0);

    const closed = nextEvent(ann.client, "session:closed");
    let flood = 0;
    for (; flood < 200 && ann.client.socket.connected; flood++) {
      (ann.client.socket as unknown as Socket).emit("queue:leave", {}, () => undefined);
    }
    expect(await closed).toMatchObject({ reason: "abuse" });
    console.info(
      `flood: ${JSON.stringify({ sent: flood + results.length, rateLimited: codes.filter((c) => c === ErrorCode.RateLimited).length })}`,
    );
    await expect.poll(() => ann.client.socket.connected).toBe(false);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("caps connections per address", async () => {
    server = await startTestServer({}, { maxConnectionsPerAddress: 2 });
    await server.connect("One");
    await server.connect("Two");
    await expect(server.connect("Three")).rejects.toMatchObject({ code: ErrorCode.TooManyConnections });
  });

  it("behind a trusted load balancer, caps connections per forwarded address", async () => {
    server = await startTestServer({}, { maxConnectionsPerAddress: 1, trustProxy: true });
    const attempt = (forwardedFor: string) =>
      new Promise<string>((resolve) => {
        const socket = io(`${server.url}/lobby`, {
          transports: ["websocket"],
          auth: { name: "Web" },
          // The balancer appends the address it saw; what the client itself sent comes first.
          extraHeaders: { "x-forwarded-for": forwardedFor },
          reconnection: false,
        });
        socket.on("connect", () => resolve("connected"));
        socket.on("connect_error", () => resolve("refused"));
      });
    expect(await attempt("203.0.113.7")).toBe("connected");
    expect(await attempt("198.51.100.9, 203.0.113.7")).toBe("refused");
    expect(await attempt("203.0.113.7, 198.51.100.9")).toBe("connected");
  });

  it("refuses browser origins that are not allowed", async () => {
    server = await startTestServer({}, { allowedOrigins: ["http://good.example"] });
    const attempt = (origin: string) =>
      new Promise<string>((resolve) => {
        const socket = io(`${server.url}/lobby`, {
          transports: ["websocket"],
          auth: { name: "Web" },
          extraHeaders: { origin },
          reconnection: false,
        });
        socket.on("connect", () => {
          socket.disconnect();
          resolve("connected");
        });
        socket.on("connect_error", () => resolve("refused"));
      });
    expect(await attempt("http://evil.example")).toBe("refused");
    expect(await attempt("http://good.example")).toBe("connected");
  });
});
