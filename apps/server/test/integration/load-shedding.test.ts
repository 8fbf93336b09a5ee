import { createLobbyClient } from "@lobby/client";
import { ErrorCode } from "@lobby/contracts";
import { afterEach, describe, expect, it } from "vitest";
import { GatedStore } from "../support/gated-store";
import { data } from "../support/results";
import { nextEvent, startTestServer } from "../support/test-server";

const CF = "connect-four" as const;
let server: Awaited<ReturnType<typeof startTestServer>>;

afterEach(async () => {
  await server.close();
});

describe("a server that falls behind sheds load instead of queueing without bound", () => {
  it("refuses new players and new work with SERVER_BUSY, keeps leaving and resuming open, and recovers", async () => {
    const store = new GatedStore();
    server = await startTestServer({ busyQueueMs: 50 }, {}, store);
    const ann = await server.connect("Ann");
    const bob = await server.connect("Bob");
    const dan = await server.connect("Dan");
    const lobby = server.server.lobby;
    expect(lobby.busy).toBe(false);
    // Dan waits for a Trails match, so his session holds something to come back to.
    expect(data(await dan.client.quickMatch("trails"))).toMatchObject({ state: "queued" });

    store.hold();
    // Ann's request holds the (stalled) store; Bob's waits behind it until the queue is too old.
    const annJoin = ann.client.quickMatch(CF);
    const bobJoin = bob.client.quickMatch(CF);
    await expect.poll(() => lobby.busy).toBe(true);
    const health = async () => ((await (await fetch(`${server.url}/healthz`)).json()) as { status: string }).status;
    expect(await health()).toBe("busy");

    // New work is refused at once.
    const chat = await dan.client.sendChat("lobby", "hello?");
    expect(chat).toMatchObject({ ok: false, error: { code: ErrorCode.ServerBusy } });
    expect(await dan.client.createRoom(CF, { maxPlayers: 2, visibility: "public" })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.ServerBusy },
    });
    // Leaving is never refused: Ann's cancel waits its turn (and finds her already matched with Bob).
    const annCancel = ann.client.cancelQueue();
    // New players are refused at the handshake (this client does not retry on its own).
    await expect(server.connect("Eve")).rejects.toMatchObject({ code: ErrorCode.ServerBusy });
    // A returning player is let in: they may hold a seat.
    const danToken = dan.client.token!;
    dan.client.disconnect();
    const danBack = createLobbyClient({
      url: server.url,
      name: "Dan",
      token: danToken,
      reconnection: false,
      pingIntervalMs: 0,
    });
    const danResumed = danBack.connect();
    // A new player whose SDK retries is not turned away for good: it gets in once the server catches up.
    const fay = createLobbyClient({ url: server.url, name: "Fay", pingIntervalMs: 0 });
    const fayRefused = new Promise<unknown>((resolve) =>
      fay.socket.once("connect_error", (err) => resolve((err as { data?: unknown }).data)),
    );
    const fayIn = fay.connect();
    expect(await fayRefused).toMatchObject({ code: ErrorCode.ServerBusy });
    expect(fay.state).toBe("reconnecting");

    // The store comes back: everything that was accepted completes, in order.
    const playing = nextEvent(bob.client, "room:state", (r) => r.phase === "playing");
    store.open();
    expect(data(await annJoin)).toMatchObject({ state: "queued" });
    expect(data(await bobJoin)).toMatchObject({ state: "matched" });
    expect(await annCancel).toMatchObject({ ok: false, error: { code: ErrorCode.NotQueued } });
    const room = await playing;
    expect(room.seats.map((s) => s.player.name)).toEqual(["Ann", "Bob"]);
    expect((await danResumed).resumed).toBe(true);
    await expect.poll(() => lobby.busy).toBe(false);
    expect(await health()).toBe("ok");
    expect((await fayIn).player.name).toBe("Fay");
    expect(typeof data(await danBack.sendChat("lobby", "back")).id).toBe("string");
    expect((await lobby.stats()).online).toBe(4);
    danBack.disconnect();
    fay.disconnect();
  });
});
