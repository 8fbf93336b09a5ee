import { ErrorCode } from "@lobby/contracts";
import { afterEach, describe, expect, it } from "vitest";
import { data } from "../support/results";
import { nextEvent, startTestServer } from "../support/test-server";

/*
 * Who may see into a room: a waiting private room stays among its invited
 * players, and a kicked player stays out — by their session, and as a new
 * session from the address they were kicked from.
 */

const CF = "connect-four" as const;
let server: Awaited<ReturnType<typeof startTestServer>>;

afterEach(async () => {
  await server.close();
});

describe("private rooms", () => {
  it("cannot be watched before the game starts; once it runs, they can", async () => {
    server = await startTestServer({ countdownMs: 30 });
    const host = await server.connect("Host");
    const guest = await server.connect("Guest");
    const peeker = await server.connect("Peeker");
    const room = data(await host.client.createRoom(CF, { maxPlayers: 2, visibility: "private" }));
    data(await host.client.sendChat("room", "our secret plan"));

    const peek = await peeker.client.watchRoom(room.code);
    expect(peek).toMatchObject({ ok: false, error: { code: ErrorCode.RoomNotWatchable } });
    // Nothing of the room reached the refused watcher.
    let leaked = 0;
    peeker.client.on("room:state", () => leaked++);
    peeker.client.on("chat:history", () => leaked++);

    const playing = nextEvent(host.client, "room:state", (r) => r.phase === "playing");
    data(await guest.client.joinRoom(room.code));
    expect(await peeker.client.watchRoom(room.code)).toMatchObject({
      ok: false,
      error: { code: ErrorCode.RoomNotWatchable },
    });
    data(await host.client.setReady(true));
    data(await guest.client.setReady(true));
    data(await host.client.startGame());
    await playing;
    expect(leaked).toBe(0);
    const watched = data(await peeker.client.watchRoom(room.code));
    expect(watched.phase).toBe("playing");
  });

  it("a public room can be watched while it waits", async () => {
    server = await startTestServer();
    const host = await server.connect("Host");
    const viewer = await server.connect("Viewer");
    const room = data(await host.client.createRoom(CF, { maxPlayers: 2, visibility: "public" }));
    expect(data(await viewer.client.watchRoom(room.code)).spectatorCount).toBe(1);
  });
});

describe("a kicked player", () => {
  it("can neither rejoin nor watch, nor come back as a new session from the same address; others there still can", async () => {
    server = await startTestServer({}, { trustProxy: true });
    const host = await server.connect("Host", { from: "198.51.100.1" });
    // A housemate of the troll, there before the kick.
    const housemate = await server.connect("Housemate", { from: "203.0.113.5" });
    const troll = await server.connect("Troll", { from: "203.0.113.5" });
    const room = data(await host.client.createRoom("trails", { maxPlayers: 4, visibility: "public" }));
    data(await troll.client.joinRoom(room.code));
    const kicked = nextEvent(troll.client, "room:kicked");
    data(await host.client.kick(troll.id));
    await kicked;

    expect(await troll.client.joinRoom(room.code)).toMatchObject({ ok: false, error: { code: ErrorCode.Kicked } });
    expect(await troll.client.watchRoom(room.code)).toMatchObject({ ok: false, error: { code: ErrorCode.Kicked } });
    // Without the token: a new player, from the same address.
    troll.client.disconnect();
    const again = await server.connect("Not Troll", { from: "203.0.113.5" });
    expect(again.id).not.toBe(troll.id);
    expect(await again.client.joinRoom(room.code)).toMatchObject({ ok: false, error: { code: ErrorCode.Kicked } });
    expect(await again.client.watchRoom(room.code)).toMatchObject({ ok: false, error: { code: ErrorCode.Kicked } });
    // Quick match does not seat them there either.
    expect(data(await again.client.quickMatch("trails"))).toMatchObject({ state: "queued" });

    data(await housemate.client.joinRoom(room.code));
    const fresh = await server.connect("Elsewhere", { from: "198.51.100.7" });
    data(await fresh.client.joinRoom(room.code));
  });
});
