import type { RoomView } from "@lobby/contracts";
import { afterEach, describe, expect, it } from "vitest";
import { games } from "../../src/games/registry";
import { toRoomView } from "../../src/lobby/room-view";
import { data } from "../support/results";
import { nextEvent, startTestServer } from "../support/test-server";

let server: Awaited<ReturnType<typeof startTestServer>>;

afterEach(async () => {
  await server.close();
});

/** A room's states as a client's listeners got them, without the chat lines that ride along. */
function record(client: { on: (event: "room:state", fn: (view: RoomView) => void) => () => void }) {
  const states: Omit<RoomView, "chat">[] = [];
  client.on("room:state", ({ chat: _chat, ...view }) => states.push(view));
  return states;
}

describe("a real-time game's deltas over websocket", () => {
  it("reach players and spectators as whole states, numbered without a gap, across a reconnect", async () => {
    server = await startTestServer({ countdownMs: 30, reconnectGraceMs: 10_000 });
    const host = await server.connect("Host");
    const ann = await server.connect("Ann");
    const eve = await server.connect("Eve");
    const room = data(await host.client.createRoom("trails", { maxPlayers: 2, visibility: "private" }));
    data(await ann.client.joinRoom(room.code));
    const hostStates = record(host.client);
    let deltas = 0;
    host.client.on("room:delta", () => deltas++);

    for (const p of [host, ann]) data(await p.client.setReady(true));
    const playing = nextEvent(host.client, "room:state", (view) => view.phase === "playing");
    data(await host.client.startGame());
    await playing;
    // A spectator comes in while it runs (a private room can be watched once it has started).
    const eveStates = record(eve.client);
    data(await eve.client.watchRoom(room.code));

    // A few ticks in, Ann's connection drops; she comes back with her session and rides on.
    await expect.poll(() => deltas).toBeGreaterThanOrEqual(5);
    const away = nextEvent(host.client, "room:state", (view) => view.seats[1]?.status === "disconnected");
    ann.client.disconnect();
    await away;
    const back = await server.connect("Ann", { token: ann.session.token });
    const annStates = record(back.client);
    await expect.poll(() => annStates.length).toBeGreaterThanOrEqual(1);
    const finished = nextEvent(host.client, "room:state", (view) => view.phase === "finished");
    // Riders that never steer meet a wall within seconds: the round ends by itself.
    const last = await finished;

    // Every tick went to the host as a delta, but listeners got every seq, whole, in order.
    expect(deltas).toBeGreaterThanOrEqual(10);
    const seqs = hostStates.map((view) => view.seq);
    const first = seqs[0]!;
    expect(seqs).toEqual(seqs.map((_, i) => first + i));
    // The spectator saw the same states from the first after coming in; Ann from the one that said she was back.
    for (const states of [eveStates, annStates]) {
      await expect.poll(() => states.at(-1)?.seq).toBe(last.seq);
      const from = hostStates.findIndex((view) => view.seq === states[0]!.seq);
      expect(from).toBeGreaterThan(0);
      expect(states).toEqual(hostStates.slice(from));
    }
    // And the last is the room as the server has it.
    const stored = await server.store.getRoom(room.id);
    const { chat: _chat, ...truth } = toRoomView(stored!, games.trails, null);
    expect(hostStates.at(-1)).toEqual(truth);
    expect(last.seq).toBe(truth.seq);
  });
});
