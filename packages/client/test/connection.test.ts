import { ErrorCode, LOBBY_NAMESPACE } from "@lobby/contracts";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ClientErrorCode, HandshakeError, type ConnectionState, type HandshakeRefusal, type LobbyClient } from "../src";
import { startLobby } from "./support/lobby-server";
import { clientPool, fakeIdentity, fakeSession, greet, nextEvent, refusal, startBareServer } from "./support/servers";

/*
 * The connection lifecycle: what `connect()` settles with, the states a
 * client goes through, and the refusals it retries on its own.
 */

const pool = clientPool();
const servers: { close(): Promise<void> }[] = [];

async function lobby() {
  const server = await startLobby();
  servers.push(server);
  return server;
}

async function bare(...args: Parameters<typeof startBareServer>) {
  const server = await startBareServer(...args);
  servers.push(server);
  return server;
}

afterEach(async () => {
  vi.restoreAllMocks();
  pool.closeAll();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

function recordStates(client: LobbyClient): ConnectionState[] {
  const states: ConnectionState[] = [];
  client.onConnectionState((state) => states.push(state));
  return states;
}

/** Reconnect within milliseconds after a drop, instead of Socket.IO's default second or so. */
function reconnectQuickly(client: LobbyClient): void {
  client.socket.io.reconnectionDelay(10).reconnectionDelayMax(20);
}

describe("connect", () => {
  it("resolves with the session and keeps its token", async () => {
    const { url } = await lobby();
    const client = pool.client({ url, name: "Ada" });
    expect(client.state).toBe("idle");
    expect(client.connected).toBe(false);
    const session = await client.connect();
    expect(session).toMatchObject({ player: { name: "Ada" }, resumed: false });
    expect(client.session).toEqual(session);
    expect(client.token).toBe(session.token);
    expect(client.connected).toBe(true);
    expect(client.state).toBe("connected");
  });

  it("resumes with the token it was given, then keeps the newer one the server hands out", async () => {
    const { url } = await lobby();
    const first = pool.client({ url, name: "Ada" });
    const { player } = await first.connect();
    // A session that holds nothing (no queue place, no seat) ends with its connection.
    expect(await first.quickMatch("connect-four")).toMatchObject({ ok: true });
    const token = first.token!;
    first.disconnect();
    const again = pool.client({ url, name: "Ada", token });
    const session = await again.connect();
    expect(session).toMatchObject({ resumed: true, player: { id: player.id } });
    expect(session.token).not.toBe(token);
    expect(again.token).toBe(session.token);
  });

  it("presents the latest token when it reconnects by itself, and so resumes the same player", async () => {
    const { url } = await lobby();
    const client = pool.client({ url, name: "Ada", reconnection: true });
    const first = await client.connect();
    expect(await client.quickMatch("connect-four")).toMatchObject({ ok: true });
    reconnectQuickly(client);
    const resumed = nextEvent(client, "session:ready");
    client.socket.io.engine.close();
    const second = await resumed;
    expect(second).toMatchObject({ resumed: true, player: { id: first.player.id } });
    expect(second.token).not.toBe(first.token);
    expect(client.token).toBe(second.token);
    expect(client.session).toEqual(second);
  });

  it("rejects with a HandshakeError carrying the server's code when the handshake is refused, and does not retry it", async () => {
    const { url } = await lobby();
    const client = pool.client({ url, name: "   ", reconnection: true });
    const states = recordStates(client);
    const error = await client.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HandshakeError);
    expect(error).toMatchObject({ code: ErrorCode.InvalidName, name: "HandshakeError" });
    expect((error as HandshakeError).message).not.toBe("");
    expect(states).toEqual(["connecting", "disconnected"]);
    expect(client.connected).toBe(false);
  });

  it("without reconnection, rejects with NOT_CONNECTED when nothing answers at all", async () => {
    const closed = await startBareServer(() => undefined);
    await closed.close();
    const client = pool.client({ url: closed.url, name: "Ada" });
    await expect(client.connect()).rejects.toMatchObject({ code: ClientErrorCode.NotConnected });
    expect(client.connected).toBe(false);
  });

  it("reports every failed handshake through onConnectError, with the refusal when there is one", async () => {
    const { url } = await lobby();
    const client = pool.client({ url, name: "" });
    const refusals: (HandshakeRefusal | null)[] = [];
    const off = client.onConnectError((r) => refusals.push(r));
    await expect(client.connect()).rejects.toBeInstanceOf(HandshakeError);
    expect(refusals).toEqual([{ code: ErrorCode.InvalidName, message: expect.any(String) as string }]);
    off();
    await expect(client.connect()).rejects.toBeInstanceOf(HandshakeError);
    expect(refusals).toHaveLength(1);
  });
});

describe("connection state", () => {
  it("goes connecting → connected → reconnecting → connected across a dropped connection", async () => {
    const { url } = await lobby();
    const client = pool.client({ url, name: "Ada", reconnection: true });
    const states = recordStates(client);
    await client.connect();
    expect(states).toEqual(["connecting", "connected"]);
    reconnectQuickly(client);
    const back = nextEvent(client, "session:ready");
    client.socket.io.engine.close();
    expect(client.state).toBe("reconnecting");
    await back;
    expect(states).toEqual(["connecting", "connected", "reconnecting", "connected"]);
  });

  it("is replaced when another tab takes the session, and then stays down", async () => {
    const { url } = await lobby();
    const first = pool.client({ url, name: "Ada", reconnection: true });
    const states = recordStates(first);
    await first.connect();
    const second = pool.client({ url, name: "Ada", token: first.token! });
    await second.connect();
    await expect.poll(() => first.state).toBe("replaced");
    await expect.poll(() => first.connected).toBe(false);
    expect(states).toEqual(["connecting", "connected", "replaced"]);
    expect(first.socket.active).toBe(false);
    expect(await first.cancelQueue()).toMatchObject({ ok: false, error: { code: ClientErrorCode.NotConnected } });
  });

  it("is disconnected after disconnect(), and when the server closes the connection", async () => {
    const { url, server } = await lobby();
    const ada = pool.client({ url, name: "Ada", reconnection: true });
    const bob = pool.client({ url, name: "Bob", reconnection: true });
    await Promise.all([ada.connect(), bob.connect()]);
    ada.disconnect();
    expect(ada.state).toBe("disconnected");
    expect(ada.connected).toBe(false);
    server.io.of(LOBBY_NAMESPACE).disconnectSockets(true);
    await expect.poll(() => bob.state).toBe("disconnected");
  });

  it("stops telling a listener once it unsubscribes", async () => {
    const { url } = await lobby();
    const client = pool.client({ url, name: "Ada" });
    const states: ConnectionState[] = [];
    const off = client.onConnectionState((state) => states.push(state));
    await client.connect();
    off();
    client.disconnect();
    expect(states).toEqual(["connecting", "connected"]);
  });
});

describe("refusals the SDK retries", () => {
  it("tries again after SERVER_BUSY, waiting about twice as long after each refusal in a row", async () => {
    // No jitter: each wait is exactly half its base (0.5 + random) → 500 ms, then 1000 ms.
    vi.spyOn(Math, "random").mockReturnValue(0);
    const attempts: number[] = [];
    const { url } = await bare((lobby) => {
      lobby.use((_socket, next) => {
        attempts.push(performance.now());
        next(attempts.length <= 2 ? refusal(ErrorCode.ServerBusy, "Busy.") : undefined);
      });
      greet(lobby);
    });
    const client = pool.client({ url, name: "Ada", reconnection: true });
    const states = recordStates(client);
    const codes: (string | null)[] = [];
    client.onConnectError((r) => codes.push(r?.code ?? null));
    const session = await client.connect();
    expect(session.token).toBe("token-1");
    expect(attempts).toHaveLength(3);
    expect(codes).toEqual([ErrorCode.ServerBusy, ErrorCode.ServerBusy]);
    expect(states).toEqual(["connecting", "reconnecting", "connected"]);
    const [first = 0, second = 0, third = 0] = attempts;
    // Lower bounds only: a timer never fires early, but a loaded machine may fire it late.
    expect(second - first).toBeGreaterThanOrEqual(490);
    expect(third - second).toBeGreaterThanOrEqual(990);
  });

  it("without reconnection, gives up on SERVER_BUSY at once", async () => {
    let attempts = 0;
    const { url } = await bare((lobby) => {
      lobby.use((_socket, next) => {
        attempts++;
        next(refusal(ErrorCode.ServerBusy, "Busy."));
      });
    });
    const client = pool.client({ url, name: "Ada" });
    await expect(client.connect()).rejects.toMatchObject({ code: ErrorCode.ServerBusy, message: "Busy." });
    expect(attempts).toBe(1);
    expect(client.state).toBe("disconnected");
  });

  it("drops a token refused as malformed (INVALID_TOKEN) and connects afresh without it", async () => {
    const auths: unknown[] = [];
    const { url } = await bare((lobby) => {
      lobby.use((socket, next) => {
        auths.push(socket.handshake.auth);
        const hasToken = "token" in socket.handshake.auth;
        next(hasToken ? refusal(ErrorCode.InvalidToken, "Malformed token.") : undefined);
      });
      greet(lobby);
    });
    const client = pool.client({ url, name: "Ada", token: "not-a-token" });
    const states = recordStates(client);
    const session = await client.connect();
    expect(auths).toEqual([{ name: "Ada", token: "not-a-token" }, { name: "Ada" }]);
    expect(client.token).toBe(session.token);
    expect(states.at(-1)).toBe("connected");
  });

  it("starts a new session on the real server when its token is malformed", async () => {
    const { url } = await lobby();
    const client = pool.client({ url, name: "Ada", token: "not-a-token" });
    const session = await client.connect();
    expect(session.resumed).toBe(false);
    expect(client.token).toBe(session.token);
    expect(client.token).not.toBe("not-a-token");
  });
});

describe("the device identity", () => {
  it("is sent with every handshake as the latest one the server gave", async () => {
    const auths: unknown[] = [];
    const { url } = await bare((lobby) => {
      lobby.use((socket, next) => {
        auths.push(socket.handshake.auth);
        next();
      });
      greet(lobby);
    });
    const client = pool.client({ url, name: "Ada", identity: fakeIdentity(9) });
    await client.connect();
    expect(client.identity).toBe(fakeIdentity(1));
    const back = nextEvent(client, "session:ready");
    client.socket.disconnect().connect();
    await back;
    expect(auths).toEqual([
      { name: "Ada", identity: fakeIdentity(9) },
      { name: "Ada", token: "token-1", identity: fakeIdentity(1) },
    ]);
    expect(client.identity).toBe(fakeIdentity(2));
  });

  it("rejoin asks once, without the session token, and resolves with the session it resumed", async () => {
    const auths: Record<string, unknown>[] = [];
    const { url } = await bare((lobby) => {
      lobby.use((socket, next) => {
        auths.push(socket.handshake.auth);
        next();
      });
      greet(lobby);
    });
    const client = pool.client({ url, name: "Ada" });
    await client.connect();
    const states = recordStates(client);
    const session = await client.rejoin();
    // Straight from connected to connecting: the connection closed on purpose, not lost.
    expect(states).toEqual(["connecting", "connected"]);
    expect(auths[1]).toEqual({ name: "Ada", identity: fakeIdentity(1), rejoin: true });
    expect(session.token).toBe("token-2");
    expect(client.state).toBe("connected");
    // Only that handshake asked: a later reconnect resumes the session it got.
    client.socket.disconnect().connect();
    await expect.poll(() => auths.length).toBe(3);
    expect(auths[2]).toEqual({ name: "Ada", token: "token-2", identity: fakeIdentity(2) });
  });

  it("on the real server: a closed client's game is offered to the next client of its identity, which rejoins it", async () => {
    const { url } = await lobby();
    const ann = pool.client({ url, name: "Ann" });
    const bob = pool.client({ url, name: "Bob" });
    await Promise.all([ann.connect(), bob.connect()]);
    const playing = nextEvent(bob, "room:state", (room) => room.phase === "playing");
    await ann.quickMatch("connect-four");
    await bob.quickMatch("connect-four");
    await playing;
    const annId = ann.session?.player.id;
    const annAway = nextEvent(bob, "room:state", (room) => room.seats.some((s) => s.status === "disconnected"));
    ann.disconnect();
    await annAway;
    const reopened = pool.client({ url, name: "Ann", identity: ann.identity! });
    const fresh = await reopened.connect();
    expect(fresh.rejoin).toMatchObject({ mode: "connect-four", phase: "playing", with: ["Bob"] });
    const resumed = await reopened.rejoin();
    expect(resumed).toMatchObject({ resumed: true, player: { id: annId } });
  });
});

describe("a server that stops answering", () => {
  it("is `stalled` once its pings go unanswered, and past the bound the client reconnects", async () => {
    let answering = true;
    let connections = 0;
    const server = await startBareServer((lobby) =>
      lobby.on("connection", (socket) => {
        connections++;
        // Like a frozen process: the socket stays open, and the pings go unanswered.
        socket.on("session:ping", (_payload, ack) => {
          if (answering) ack({ ok: true, data: { serverTime: Date.now() } });
        });
        socket.emit("session:ready", fakeSession(`token-${connections}`));
      }),
    );
    servers.push(server);
    const client = pool.client({
      url: server.url,
      name: "Ada",
      reconnection: true,
      pingIntervalMs: 100,
      stallAfterMs: 200,
      stallReconnectMs: 600,
    });
    await client.connect();
    const states: string[] = [];
    client.onConnectionState((state) => states.push(state));
    answering = false;
    await expect.poll(() => states).toContain("stalled");
    expect(client.connected).toBe(true);
    await expect.poll(() => states).toContain("reconnecting");
    answering = true;
    await expect.poll(() => client.state).toBe("connected");
    expect(states).toEqual(["stalled", "reconnecting", "connected"]);
    expect(connections).toBe(2);
  });
});
