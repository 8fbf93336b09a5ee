import { createLobbyClient, type LobbyClient } from "@lobby/client";
import { ErrorCode, type AckResult, type RoomView } from "@lobby/contracts";
import { afterEach, describe, expect, it } from "vitest";
import { GatedStore } from "../support/gated-store";
import { data } from "../support/results";
import { nextEvent, startTestServer } from "../support/test-server";

/*
 * Requests applied once: a request sent again with its id — by hand, or by
 * the SDK after an answer that came too late, over the same connection or a
 * new one — is answered as the first one was and changes nothing more.
 */

const CF = "connect-four" as const;
let server: Awaited<ReturnType<typeof startTestServer>>;
const clients: LobbyClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  await server.close();
});

/** Send an event as it goes on the wire, with an envelope when `meta` is given. */
function raw(client: LobbyClient, event: string, payload: unknown, meta?: unknown): Promise<AckResult<unknown>> {
  const socket = client.socket as unknown as { emit(event: string, ...args: unknown[]): void };
  return new Promise((resolve) => socket.emit(event, payload, ...(meta === undefined ? [] : [meta]), resolve));
}

/** Two players in a running Connect Four game, through the SDK clients `make` builds; the mover's turn first. */
async function game(make: (name: string) => Promise<LobbyClient>) {
  const ann = await make("Ann");
  const bob = await make("Bob");
  const playing = nextEvent(bob, "room:state", (r) => r.phase === "playing");
  data(await ann.quickMatch(CF));
  data(await bob.quickMatch(CF));
  const view = await playing;
  const turn = view.game?.mode === "connect-four" ? view.game.turn : null;
  const moverId = view.seats[turn ?? 0]?.player.id;
  const [mover, other] = ann.session?.player.id === moverId ? [ann, bob] : [bob, ann];
  return { mover, other, view };
}

const discs = (view: RoomView) =>
  view.game?.mode === "connect-four" ? view.game.board.flat().filter((cell) => cell !== null).length : -1;

describe("requests with ids", () => {
  it("a second try with the same id is answered as the first and applied once", async () => {
    server = await startTestServer();
    const { mover, other, view } = await game(async (name) => (await server.connect(name)).client);
    const move = { move: { mode: CF, column: 3 } };
    const first = await raw(mover, "game:move", move, { requestId: "move-1" });
    expect(first).toEqual({ ok: true, data: { version: view.version + 1 } });
    // The same request again: the same answer, no second disc, and no turn taken from the other player.
    expect(await raw(mover, "game:move", move, { requestId: "move-1" })).toEqual(first);
    const room = await server.store.getRoom(view.id);
    expect(room?.version).toBe(view.version + 1);
    // The id cannot be spent on another request, and reads take none.
    expect(await raw(other, "game:move", { move: { mode: CF, column: 2 } }, { requestId: "move-1" })).toMatchObject({
      ok: true,
    });
    expect(await raw(mover, "room:ready", { ready: true }, { requestId: "move-1" })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.InvalidPayload },
    });
    for (const meta of [{ requestId: "" }, { requestId: "a b" }, { requestId: "x", more: 1 }, "move-1", null]) {
      expect(await raw(mover, "game:move", move, meta)).toMatchObject({
        ok: false,
        error: { code: ErrorCode.InvalidPayload },
      });
    }
    expect(await raw(mover, "profile:get", {}, { requestId: "read-1" })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.InvalidPayload },
    });
  });

  it("the SDK sends a late request again with its id while the store stalls, and it is applied once", async () => {
    const store = new GatedStore();
    server = await startTestServer({}, {}, store);
    const make = async (name: string) => {
      const client = createLobbyClient({ url: server.url, name, pingIntervalMs: 0, ackTimeoutMs: 150 });
      clients.push(client);
      await client.connect();
      return client;
    };
    const { mover, other, view } = await game(make);
    const delays: number[] = [];
    mover.onDelayedRequests((count) => delays.push(count));

    store.hold();
    const moved = mover.move({ mode: CF, column: 3 });
    // Unanswered past its ack timeout: still on its way, sent again with the same id.
    await expect.poll(() => mover.delayedRequests).toBe(1);
    // Over a new connection too: the transport drops, and the SDK reconnects (resuming once the store
    // answers) and sends it there; the first try is still queued on the server.
    const resumed = nextEvent(mover, "session:ready");
    mover.socket.io.engine.close();
    const next = nextEvent(other, "room:state", (r) => r.version > view.version);
    store.open();
    expect((await resumed).resumed).toBe(true);

    expect(await moved).toEqual({ ok: true, data: { version: view.version + 1 } });
    expect(discs(await next)).toBe(1);
    expect(delays).toEqual([1, 0]);
    // Nothing else landed: it is the other player's turn, and their move makes two discs.
    const after = nextEvent(mover, "room:state", (r) => discs(r) === 2);
    expect(data(await other.move({ mode: CF, column: 4 }))).toMatchObject({});
    expect(discs(await after)).toBe(2);
  });

  it("forgets a player's answers with the player, and keeps a bounded number meanwhile", async () => {
    server = await startTestServer({}, { rateLimits: false });
    const ann = await server.connect("Ann");
    for (let i = 0; i < 40; i++) {
      const [event, payload] = i % 2 === 0 ? ["queue:join", { mode: "trails" }] : ["queue:leave", {}];
      expect(await raw(ann.client, event, payload, { requestId: `q-${i}` })).toMatchObject({ ok: true });
    }
    const receipts = await server.store.transaction((tx) => tx.getReceipts(ann.id));
    expect(receipts).toHaveLength(16);
    expect(receipts.map((r) => r.id).slice(0, 2)).toEqual(["q-39", "q-38"]);
    ann.client.disconnect();
    await expect.poll(() => server.store.getPlayer(ann.id)).toBeUndefined();
    expect(await server.store.transaction((tx) => tx.getReceipts(ann.id))).toEqual([]);
  });
});
