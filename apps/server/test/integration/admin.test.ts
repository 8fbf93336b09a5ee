import {
  ADMIN_NAMESPACE,
  ErrorCode,
  type AckResult,
  type AdminClientToServerEvents,
  type AdminServerToClientEvents,
  type AdminSnapshot,
} from "@lobby/contracts";
import { io, type Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { quickMatchedGame } from "../support/games";
import { data } from "../support/results";
import { nextEvent, startTestServer } from "../support/test-server";

/*
 * The /admin namespace over real sockets: the token in the handshake, the
 * snapshot, and each action as the players it touches see it.
 */

const TOKEN = "admin-token-for-the-tests-0123456789";
type AdminSocket = Socket<AdminServerToClientEvents, AdminClientToServerEvents>;
let server: Awaited<ReturnType<typeof startTestServer>>;
const sockets: AdminSocket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await server.close();
});

function start() {
  return startTestServer({}, { adminToken: TOKEN, trustProxy: true });
}

/** An admin connection: resolves with it and its first snapshot, or rejects with the refusal's code. */
function admin(
  token: string | undefined,
  from = "203.0.113.1",
): Promise<{ socket: AdminSocket; first: AdminSnapshot }> {
  const socket: AdminSocket = io(`${server.url}${ADMIN_NAMESPACE}`, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    auth: token === undefined ? {} : { token },
    extraHeaders: { "x-forwarded-for": from },
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once("admin:snapshot", (first) => resolve({ socket, first }));
    socket.once("connect_error", (error) => {
      const code = (error as { data?: { code?: string } }).data?.code ?? "transport";
      reject(Object.assign(new Error(code), { code }));
    });
  });
}

/** Send an admin event and wait for its ack. */
function act<E extends keyof AdminClientToServerEvents>(
  socket: AdminSocket,
  event: E,
  payload: Parameters<AdminClientToServerEvents[E]>[0],
): Promise<AckResult<unknown>> {
  return new Promise((resolve) => {
    (socket.emit as (e: string, p: unknown, ack: (r: AckResult<unknown>) => void) => void)(event, payload, resolve);
  });
}

describe("the admin namespace", () => {
  it("refuses a missing or wrong token, and an address that keeps guessing even with the right one", async () => {
    server = await start();
    const refused = { code: ErrorCode.Unauthorized };
    await expect(admin(undefined)).rejects.toMatchObject(refused);
    for (let i = 0; i < 4; i++) await expect(admin("wrong-token-wrong-token")).rejects.toMatchObject(refused);
    await expect(admin(TOKEN)).rejects.toMatchObject(refused);
    // Another address is not locked out by that one.
    const { first } = await admin(TOKEN, "203.0.113.2");
    expect(first.nodes.map((n) => n.id)).toEqual(["local"]);
  });

  it("shows the lobby, and closes a room whose players are told why and are back in the lobby", async () => {
    server = await start();
    const ann = await server.connect("Ann", { from: "198.51.100.1" });
    const bob = await server.connect("Bob", { from: "198.51.100.2" });
    const room = await quickMatchedGame(ann, bob);
    const { socket } = await admin(TOKEN);
    const seen = await nextSnapshot(socket, (s) => s.rooms.some((r) => r.id === room.id && r.phase === "playing"));
    expect(seen.online).toBe(2);
    expect(seen.players.map((p) => [p.name, p.where]).sort()).toEqual([
      ["Ann", "playing"],
      ["Bob", "playing"],
    ]);
    expect(seen.nodes[0]).toMatchObject({ id: "local", busy: false, draining: false, connections: 3, matchesMade: 1 });

    const annKicked = nextEvent(ann.client, "room:kicked");
    const bobKicked = nextEvent(bob.client, "room:kicked");
    const audited = new Promise((resolve) => socket.once("admin:audit", resolve));
    expect(await act(socket, "admin:close-room", { roomId: room.id, reason: "Cheating reported" })).toEqual({
      ok: true,
      data: null,
    });
    for (const kicked of [await annKicked, await bobKicked]) {
      expect(kicked).toEqual({ roomId: room.id, reason: "An admin closed the room: Cheating reported" });
    }
    expect(await audited).toMatchObject({
      action: "close-room",
      target: `${room.code} (${room.id})`,
      detail: "Cheating reported",
    });
    expect(await server.store.getRoom(room.id)).toBeUndefined();
    expect((await server.store.getPlayer(ann.id))?.location).toEqual({ kind: "idle" });
    // Ratings were not touched: the game was cut short, not finished.
    expect(await server.store.history((await server.store.getPlayer(ann.id))!.identityId)).toEqual([]);
    expect(await act(socket, "admin:close-room", { roomId: room.id, reason: "again" })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.RoomNotFound },
    });
  });

  it("kicks a player, and bans another's address and device", async () => {
    server = await start();
    const ann = await server.connect("Ann", { from: "198.51.100.1" });
    const bob = await server.connect("Bob", { from: "198.51.100.2" });
    const { socket } = await admin(TOKEN);
    expect(data(await ann.client.quickMatch("connect-four"))).toMatchObject({ state: "queued" });

    const closed = nextEvent(ann.client, "session:closed");
    expect(await act(socket, "admin:kick", { playerId: ann.id, reason: "Spam" })).toEqual({ ok: true, data: null });
    expect(await closed).toEqual({ reason: "kicked", message: "An admin removed you: Spam" });
    expect(await server.store.getPlayer(ann.id)).toBeUndefined();
    expect(await server.store.queueLength("connect-four")).toBe(0);

    const found = await act(socket, "admin:search-players", { query: "bo" });
    expect(found).toMatchObject({ ok: true, data: { players: [{ id: bob.id, name: "Bob", where: "lobby" }] } });
    const banned = nextEvent(bob.client, "session:closed");
    expect(await act(socket, "admin:ban", { playerId: bob.id, reason: "Abuse", minutes: 10 })).toEqual({
      ok: true,
      data: null,
    });
    expect(await banned).toMatchObject({ reason: "banned" });
    // Refused from the same address under a new name, and from another address on the same device.
    await expect(server.connect("Bobby", { from: "198.51.100.2" })).rejects.toMatchObject({ code: ErrorCode.Banned });
    await expect(
      server.connect("Bob", { from: "198.51.100.99", identity: bob.client.identity! }),
    ).rejects.toMatchObject({ code: ErrorCode.Banned });
    expect((await server.connect("Cat", { from: "198.51.100.3" })).session.resumed).toBe(false);
  });

  it("announces to every player, and drains the node: no new players, the others stay", async () => {
    server = await start();
    const ann = await server.connect("Ann", { from: "198.51.100.1" });
    const { socket } = await admin(TOKEN);
    const heard = nextEvent(ann.client, "lobby:announcement");
    expect(await act(socket, "admin:announce", { text: "Restarting in 5 minutes" })).toMatchObject({ ok: true });
    expect(await heard).toMatchObject({ text: "Restarting in 5 minutes" });

    expect(await act(socket, "admin:drain", { nodeId: "local", draining: true })).toMatchObject({ ok: true });
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: "draining" });
    await expect(server.connect("Newcomer", { from: "198.51.100.4" })).rejects.toMatchObject({
      code: ErrorCode.ServerBusy,
    });
    expect(data(await ann.client.sendChat("lobby", "still here"))).toHaveProperty("id");
    expect(await act(socket, "admin:drain", { nodeId: "elsewhere", draining: true })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.InvalidPayload },
    });
    expect(await act(socket, "admin:drain", { nodeId: "local", draining: false })).toMatchObject({ ok: true });
    expect((await server.connect("Newcomer", { from: "198.51.100.4" })).session.resumed).toBe(false);
    const after = await nextSnapshot(socket, (s) => s.audit.length >= 3);
    expect(after.audit.map((a) => a.action)).toEqual(["undrain", "drain", "announce"]);
  });
});

function nextSnapshot(socket: AdminSocket, predicate: (s: AdminSnapshot) => boolean): Promise<AdminSnapshot> {
  return new Promise((resolve) => {
    const listener = (snapshot: AdminSnapshot) => {
      if (!predicate(snapshot)) return;
      socket.off("admin:snapshot", listener);
      resolve(snapshot);
    };
    socket.on("admin:snapshot", listener);
  });
}
