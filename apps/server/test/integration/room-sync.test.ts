import type { RoomView } from "@lobby/contracts";
import { afterEach, describe, expect, it } from "vitest";
import { data } from "../support/results";
import { nextEvent, startTestServer } from "../support/test-server";

/*
 * `room:sync`: a member's whole view of their room as it is now, what a
 * client asks for when it holds a delta it cannot apply. It must equal the
 * state the pushes carry at the same seq (so deltas follow on it), show a
 * seat only what that seat may see, and tell nobody about a room they are
 * not in.
 */

let server: Awaited<ReturnType<typeof startTestServer>>;

afterEach(async () => {
  await server.close();
});

/** A room's states as a client's listeners got them, by seq, without the chat lines that ride along. */
function record(client: { on: (event: "room:state", fn: (view: RoomView) => void) => () => void }) {
  const states = new Map<number, Omit<RoomView, "chat">>();
  client.on("room:state", ({ chat: _chat, ...view }) => states.set(view.seq, view));
  return states;
}

describe("room:sync", () => {
  it("answers a player and a spectator of a running real-time game with the state its pushes carry at that seq", async () => {
    server = await startTestServer({ countdownMs: 30 });
    const host = await server.connect("Host");
    const ann = await server.connect("Ann");
    const eve = await server.connect("Eve");
    const room = data(await host.client.createRoom("trails", { maxPlayers: 2, visibility: "private" }));
    data(await ann.client.joinRoom(room.code));
    for (const p of [host, ann]) data(await p.client.setReady(true));
    const hostStates = record(host.client);
    const playing = nextEvent(host.client, "room:state", (view) => view.phase === "playing");
    data(await host.client.startGame());
    await playing;
    // The spectator's first state is the answer to coming in; every later one is pushed.
    const eveStates = record(eve.client);
    const { chat: _chat, ...watched } = data(await eve.client.watchRoom(room.code));
    eveStates.set(watched.seq, watched);

    for (const [member, states] of [
      [host, hostStates],
      [eve, eveStates],
    ] as const) {
      // Ticks go on meanwhile: the answer is the room at some seq, and the pushes bring that seq too.
      const synced = data(await member.client.request("room:sync", { roomId: room.id }));
      expect(synced.id).toBe(room.id);
      expect(synced.chat).toBeUndefined();
      expect(synced.game?.mode).toBe("trails");
      await expect.poll(() => states.has(synced.seq)).toBe(true);
      expect(synced).toEqual(states.get(synced.seq));
    }
  });

  it("shows each seat of a hidden-information game only its own hand, as its pushes do", async () => {
    server = await startTestServer({ countdownMs: 20 });
    const players = await Promise.all(["Ann", "Bob"].map((name) => server.connect(name)));
    const [host, guest] = players as [(typeof players)[0], (typeof players)[0]];
    const room = data(await host.client.createRoom("liars-dice", { maxPlayers: 2, visibility: "private" }));
    data(await guest.client.joinRoom(room.code));
    const last = players.map((p) => {
      let view: RoomView | null = null;
      p.client.on("room:state", (state) => (view = state));
      return () => view;
    });
    for (const p of players) data(await p.client.setReady(true));
    const playing = players.map((p) => nextEvent(p.client, "room:state", (view) => view.phase === "playing"));
    data(await host.client.startGame());
    await Promise.all(playing);

    // Nobody moves: the room stands still, and each seat's answer is what its last push showed it.
    const answers = await Promise.all(players.map((p) => p.client.request("room:sync", { roomId: room.id })));
    for (const [i, answer] of answers.entries()) {
      const { chat: _chat, ...pushed } = last[i]!()!;
      expect(data(answer)).toEqual(pushed);
    }
    const [mine, theirs] = answers.map((a) => data(a).game) as [RoomView["game"], RoomView["game"]];
    expect(mine).not.toEqual(theirs);
  });

  it("tells a player not in the room nothing about it, and refuses a malformed request", async () => {
    server = await startTestServer({ countdownMs: 30 });
    const host = await server.connect("Host");
    const stranger = await server.connect("Stranger");
    const room = data(await host.client.createRoom("connect-four", { maxPlayers: 2, visibility: "private" }));

    const refused = await stranger.client.request("room:sync", { roomId: room.id });
    expect(refused).toMatchObject({ ok: false, error: { code: "NOT_IN_ROOM" } });
    const elsewhere = await host.client.request("room:sync", { roomId: "some-other-room" });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: "NOT_IN_ROOM" } });
    const malformed = await host.client.request("room:sync", { roomId: "" });
    expect(malformed).toMatchObject({ ok: false, error: { code: "INVALID_PAYLOAD" } });
    // The host's own room answers, waiting room and all.
    expect(data(await host.client.request("room:sync", { roomId: room.id })).phase).toBe("waiting");
  });
});
