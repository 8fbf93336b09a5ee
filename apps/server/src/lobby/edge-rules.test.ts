import { ErrorCode } from "@lobby/contracts";
import { describe, expect, it } from "vitest";
import { lobbyHarness } from "../../test/support/lobby-harness";
import { refusal } from "../../test/support/results";
import { ROOM_LIST_LIMIT } from "./lobby";
import { MemoryStore } from "../store/memory-store";
import type { StoreTx } from "./store";

/*
 * The core's part of a hardened edge: sessions that hold nothing end with
 * their connection, the room list is bounded, and budgets are not spent
 * twice when a transaction runs again.
 */

/** Every transaction runs once and is thrown away, then runs for real: what a lost Redis race does. */
class RetryingStore extends MemoryStore {
  retries = 0;

  override async transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    const discarded = new Error("discarded attempt");
    try {
      await super.transaction(async (tx) => {
        await work(tx);
        throw discarded;
      });
    } catch (error) {
      if (error !== discarded) throw error;
    }
    this.retries++;
    return super.transaction(work);
  }
}

describe("sessions that hold nothing", () => {
  it("end as their connection closes; a queued or seated one is kept for the grace period", async () => {
    const h = lobbyHarness();
    await h.connect("Idle", "Queued", "Host");
    await h.lobby.joinQueue("queued", "trails");
    await h.lobby.createRoom("host", "connect-four", { maxPlayers: 2, visibility: "private" });
    for (const id of ["idle", "queued", "host"]) await h.drop(id);
    expect(await h.store.getPlayer("idle")).toBeUndefined();
    expect((await h.store.getPlayer("queued"))?.awayUntil).not.toBeNull();
    expect((await h.store.getPlayer("host"))?.awayUntil).not.toBeNull();
    expect((await h.lobby.stats()).online).toBe(2);
  });
});

describe("the room list", () => {
  it(`answers at most ${ROOM_LIST_LIMIT} rooms however many exist: open seats first, fullest then newest`, async () => {
    const h = lobbyHarness();
    const hosts = Array.from({ length: 130 }, (_, i) => `H${i}`);
    await h.connect(...hosts, "Guest", "Viewer");
    for (const host of hosts) {
      await h.lobby.createRoom(host.toLowerCase(), "trails", { maxPlayers: 4, visibility: "public" });
      h.clock.advance(1);
    }
    // One room has a second player: it is the fullest open room.
    const fullest = await h.roomOf("h3");
    await h.lobby.joinRoom("guest", fullest.code);
    const { rooms, total } = await h.lobby.subscribeRooms("viewer");
    expect(total).toBe(130);
    expect(rooms).toHaveLength(ROOM_LIST_LIMIT);
    expect(rooms[0]?.id).toBe(fullest.id);
    expect(rooms[1]?.hostName).toBe("H129");
    expect(JSON.stringify(rooms).length).toBeLessThan(40_000);
  });
});

describe("budgets spent outside the transaction", () => {
  it("a chat line run twice by a store race spends one chat token", async () => {
    const store = new RetryingStore();
    const h = lobbyHarness({ chatBurst: 3 }, 1, store);
    await h.connect("Ann", "Bob");
    await h.lobby.createRoom("ann", "connect-four", { maxPlayers: 2, visibility: "private" });
    for (let i = 0; i < 3; i++) await h.lobby.sendChat("ann", "room", `line ${i}`);
    await h.lobby.sendChat("bob", "lobby", "hello");
    expect(store.retries).toBeGreaterThan(0);
    expect(await refusal(h.lobby.sendChat("ann", "room", "one too many"))).toBe(ErrorCode.RateLimited);
  });
});
