import type { RoomView } from "@lobby/contracts";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RoomOrder } from "../src/room-order";
import { clientPool, fakeSession, greet, startBareServer, type BareSocket } from "./support/servers";

/*
 * A room's states in commit order (`RoomView.seq`): one that arrives before
 * the state it follows waits for it a moment; on one connection nothing
 * waits. First the order on its own (fake timers, no sockets), then through
 * the SDK against a server that sends states out of order.
 */

type State = { id: string; seq?: number };

function order(waitMs = 150) {
  const out: string[] = [];
  const rooms = new RoomOrder<State>((s) => out.push(`${s.id}#${s.seq ?? "-"}`), waitMs);
  return { rooms, out };
}

describe("RoomOrder", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("hands states out in seq order when one overtakes the one before it", () => {
    const { rooms, out } = order();
    rooms.push({ id: "r", seq: 1 });
    rooms.push({ id: "r", seq: 3 });
    expect(out).toEqual(["r#1"]);
    rooms.push({ id: "r", seq: 2 });
    expect(out).toEqual(["r#1", "r#2", "r#3"]);
  });

  it("gives up on a missing state after the wait, and still hands it out once if it comes after", () => {
    vi.useFakeTimers();
    const { rooms, out } = order(150);
    rooms.push({ id: "r", seq: 1 });
    rooms.push({ id: "r", seq: 4 });
    rooms.push({ id: "r", seq: 3 });
    vi.advanceTimersByTime(149);
    expect(out).toEqual(["r#1"]);
    vi.advanceTimersByTime(1);
    expect(out).toEqual(["r#1", "r#3", "r#4"]);
    rooms.push({ id: "r", seq: 2 });
    rooms.push({ id: "r", seq: 5 });
    expect(out).toEqual(["r#1", "r#3", "r#4", "r#2", "r#5"]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("follows each room on its own, and lets states without a seq through", () => {
    const { rooms, out } = order();
    rooms.push({ id: "a", seq: 7 });
    rooms.push({ id: "b", seq: 1 });
    rooms.push({ id: "a", seq: 9 });
    rooms.push({ id: "b", seq: 2 });
    rooms.push({ id: "c" });
    rooms.push({ id: "a", seq: 8 });
    expect(out).toEqual(["a#7", "b#1", "b#2", "c#-", "a#8", "a#9"]);
  });

  it("takes a state from an answer as seen: the pushes after it wait for nothing", () => {
    const { rooms, out } = order();
    rooms.push({ id: "r", seq: 2 });
    rooms.push({ id: "r", seq: 6 });
    rooms.push({ id: "r", seq: 4 });
    rooms.seen({ id: "r", seq: 5 });
    // The older held one first (the caller keeps the newest by version), then what follows the answer.
    expect(out).toEqual(["r#2", "r#4", "r#6"]);
    rooms.push({ id: "r", seq: 7 });
    expect(out.at(-1)).toBe("r#7");
  });

  it("hands out what it holds on reset (a new connection), and holds a bounded number per room", () => {
    vi.useFakeTimers();
    const { rooms, out } = order();
    rooms.push({ id: "r", seq: 1 });
    rooms.push({ id: "r", seq: 3 });
    rooms.reset();
    expect(out).toEqual(["r#1", "r#3"]);
    expect(vi.getTimerCount()).toBe(0);
    // After a reset the first state of a room is taken as it is.
    rooms.push({ id: "r", seq: 10 });
    for (let seq = 12; seq < 12 + 32; seq++) rooms.push({ id: "r", seq });
    expect(out).toHaveLength(3);
    rooms.push({ id: "r", seq: 12 + 32 });
    expect(out).toHaveLength(3 + 33);
    expect(vi.getTimerCount()).toBe(0);
  });
});

const pool = clientPool();
const servers: { close(): Promise<void> }[] = [];

afterEach(async () => {
  pool.closeAll();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

function state(seq: number, version = seq): RoomView {
  return {
    id: "room-1",
    code: "ABC234",
    kind: "custom",
    mode: "connect-four",
    visibility: "private",
    maxPlayers: 2,
    hostId: "p1",
    rated: false,
    phase: "waiting",
    version,
    seq,
    round: 0,
    countdownEndsAt: null,
    seats: [],
    spectatorCount: 0,
    game: null,
    result: null,
    score: null,
  };
}

/**
 * A server whose `room:join` answers with state 5, then pushes 7 before 6,
 * and whose `room:ready` pushes 9 before 8, then answers.
 */
function crossing(socket: BareSocket): void {
  socket.on("room:join", (_payload, ack) => {
    ack({ ok: true, data: state(5) });
    socket.emit("room:state", state(7));
    socket.emit("room:state", state(6));
  });
  socket.on("room:leave", (_payload, ack) => {
    ack({ ok: true, data: null });
    // Seated in the same room again later, many saves on; then anything else.
    socket.emit("room:state", state(20));
    socket.emit("lobby:stats", fakeSession("unused").stats);
  });
  socket.on("room:ready", (_payload, ack) => {
    socket.emit("room:state", state(9));
    socket.emit("room:state", state(8));
    ack({ ok: true, data: null });
  });
}

describe("the SDK's room states", () => {
  it("reach listeners in commit order when the server's pushes crossed", async () => {
    const server = await startBareServer((lobby) => greet(lobby, crossing));
    servers.push(server);
    const client = pool.client({ url: server.url, name: "Ada", retryForMs: 0 });
    await client.connect();
    const seen: number[] = [];
    client.on("room:state", (view) => seen.push(view.seq));
    const joined = await client.joinRoom("ABC234");
    expect(joined).toMatchObject({ ok: true, data: { seq: 5 } });
    await expect.poll(() => seen).toEqual([6, 7]);
    await client.setReady(true);
    await expect.poll(() => seen).toEqual([6, 7, 8, 9]);
    // Out of the room and back in it: its first state is taken as it comes, not held behind what followed it.
    const after: string[] = [];
    client.on("room:state", (view) => after.push(`state ${view.seq}`));
    client.on("lobby:stats", () => after.push("stats"));
    expect((await client.leaveRoom()).ok).toBe(true);
    await expect.poll(() => after).toEqual(["state 20", "stats"]);
  });
});
