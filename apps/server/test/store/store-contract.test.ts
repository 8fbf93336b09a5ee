import type { ChatMessage } from "@lobby/contracts";
import { describe, expect, it } from "vitest";
import { addSeat, newRoom } from "../../src/lobby/match-room";
import type { PlayerRecord, RoomRecord } from "../../src/lobby/records";
import type { LobbyStore, StoreTx } from "../../src/lobby/store";
import { MemoryStore } from "../../src/store/memory-store";
import { ratingRecord } from "../support/records";
import { storeKinds } from "../support/stores";

const CF = "connect-four" as const;

function player(id: string, joinedAt = 0): PlayerRecord {
  return {
    id,
    name: id,
    connectedAt: joinedAt,
    location: { kind: "idle" },
    connectionId: `c-${id}`,
    node: "n1",
    awayUntil: null,
    tokenGeneration: 1,
    address: "",
    identityId: "identity1",
  };
}

function room(id: string, createdAt: number, seats = 0, maxPlayers = 2): RoomRecord {
  let r = newRoom({ id, code: `C${id}`, kind: "quick", mode: CF, visibility: "public", maxPlayers, now: createdAt });
  for (let i = 0; i < seats; i++) r = addSeat(r, { id: `${id}-p${i}`, name: "P" }, createdAt);
  return r;
}

function message(id: string): ChatMessage {
  return { id, scope: "lobby", roomId: null, kind: "user", from: { id: "p", name: "P" }, text: id, at: 0 };
}

const write = <T>(store: LobbyStore, work: (tx: StoreTx) => Promise<T>) => store.transaction(work);

describe.each(storeKinds())("$name store", (kind) => {
  it("keeps players, counts and lists them, and forgets deleted ones", async () => {
    const store = await kind.create();
    await write(store, async (tx) => {
      await tx.putPlayer(player("ann"));
      await tx.putPlayer(player("bob"));
    });
    expect(await store.getPlayer("ann")).toEqual(player("ann"));
    expect(await store.countPlayers()).toBe(2);
    expect((await store.listPlayerIds()).sort()).toEqual(["ann", "bob"]);
    await write(store, (tx) => tx.deletePlayer("ann"));
    expect(await store.getPlayer("ann")).toBeUndefined();
    expect(await store.countPlayers()).toBe(1);
  });

  it("keeps identities, reads its own writes, undoes them with a failed transaction and deletes them", async () => {
    const store = await kind.create();
    const identity = { id: "i1", generation: 1, sessions: ["ann"], expiresAt: Date.now() + 60_000 };
    await write(store, async (tx) => {
      await tx.putIdentity(identity, 60_000);
      expect(await tx.getIdentity("i1")).toEqual(identity);
    });
    expect(await store.getIdentity("i1")).toEqual(identity);
    await expect(
      write(store, async (tx) => {
        await tx.putIdentity({ ...identity, generation: 2 }, 60_000);
        throw new Error("abandoned");
      }),
    ).rejects.toThrow("abandoned");
    expect(await store.getIdentity("i1")).toEqual(identity);
    await write(store, (tx) => tx.deleteIdentity("i1"));
    expect(await store.getIdentity("i1")).toBeUndefined();
  });

  it("keeps each mode's leaderboard in order of rating as ratings change", async () => {
    const store = await kind.create();
    const rating = (identityId: string, value: number, mode: "connect-four" | "trails" = CF) =>
      ratingRecord(identityId, value, { mode, name: identityId.toUpperCase(), games: 3, wins: 2, losses: 1 });
    await write(store, async (tx) => {
      for (const id of ["a", "b", "c", "d"]) {
        await tx.putIdentity({ id, generation: 1, sessions: [], expiresAt: Date.now() + 60_000 }, 60_000);
      }
      await tx.putRating(rating("a", 1000), 60_000);
      await tx.putRating(rating("b", 1100), 60_000);
      await tx.putRating(rating("c", 1000), 60_000);
      await tx.putRating(rating("d", 1500, "trails"), 60_000);
    });
    const board = await store.leaderboard(CF, 2);
    expect(board.total).toBe(3);
    expect(board.top.map((r) => r.identityId)).toEqual(["b", expect.stringMatching(/^[ac]$/) as string]);
    expect(await store.countAbove(CF, 1000)).toBe(1);
    expect(await store.countAbove(CF, 1100)).toBe(0);
    // "a" climbs past "b"; a rating only ever has one place.
    await write(store, (tx) => tx.putRating(rating("a", 1200), 60_000));
    const after = await store.leaderboard(CF, 10);
    expect(after.top.map((r) => [r.identityId, r.value])).toEqual([
      ["a", 1200],
      ["b", 1100],
      ["c", 1000],
    ]);
    expect(after.total).toBe(3);
    expect((await store.leaderboard("trails", 10)).top.map((r) => r.name)).toEqual(["D"]);
  });

  it("queues first come, first served, and takes a group only when enough wait", async () => {
    const store = await kind.create();
    await write(store, async (tx) => {
      for (const [i, id] of ["a", "b", "c"].entries()) {
        await tx.enqueue(CF, { playerId: id, joinedAt: 100 + i, rating: 1000 + 10 * i });
      }
    });
    // Each entry keeps the rating it joined with.
    expect(await write(store, (tx) => tx.listQueue(CF))).toEqual([
      { playerId: "a", joinedAt: 100, rating: 1000 },
      { playerId: "b", joinedAt: 101, rating: 1010 },
      { playerId: "c", joinedAt: 102, rating: 1020 },
    ]);
    expect(await write(store, (tx) => tx.takeGroup(CF, 4, 4))).toEqual([]);
    expect(await store.queueLength(CF)).toBe(3);
    const group = await write(store, (tx) => tx.takeGroup(CF, 2, 2));
    expect(group.map((e) => e.playerId)).toEqual(["a", "b"]);
    expect(await write(store, (tx) => tx.peekQueue(CF))).toEqual({ playerId: "c", joinedAt: 102, rating: 1020 });
    expect(await write(store, (tx) => tx.dequeue(CF, "c"))).toBe(true);
    expect(await write(store, (tx) => tx.dequeue(CF, "c"))).toBe(false);
    expect(await store.listQueue(CF)).toEqual([]);
  });

  it("indexes the rooms quick match may fill, oldest first, as they open and close", async () => {
    const store = await kind.create();
    await write(store, async (tx) => {
      await tx.putRoom(room("new", 200));
      await tx.putRoom(room("old", 100, 1));
      await tx.putRoom(room("full", 50, 2));
    });
    expect(await write(store, (tx) => tx.openRoomIds(CF))).toEqual(["old", "new"]);
    await write(store, async (tx) => tx.putRoom(room("old", 100, 2)));
    expect(await write(store, (tx) => tx.openRoomIds(CF))).toEqual(["new"]);
    await write(store, (tx) => tx.deleteRoom("new"));
    expect(await write(store, (tx) => tx.openRoomIds(CF))).toEqual([]);
    expect((await store.listRoomIds()).sort()).toEqual(["full", "old"]);
    expect((await store.getRoom("old"))?.seats).toHaveLength(2);
  });

  it("gives an invite code to one room at a time", async () => {
    const store = await kind.create();
    expect(await write(store, (tx) => tx.claimCode("ABC234", "r1"))).toBe(true);
    expect(await write(store, (tx) => tx.claimCode("ABC234", "r2"))).toBe(false);
    expect(await store.roomIdByCode("ABC234")).toBe("r1");
    await write(store, (tx) => tx.releaseCode("ABC234"));
    expect(await write(store, (tx) => tx.claimCode("ABC234", "r2"))).toBe(true);
    expect(await store.roomIdByCode("ABC234")).toBe("r2");
  });

  it("lists overdue deadlines, most overdue first, and forgets cleared ones", async () => {
    const store = await kind.create();
    await write(store, (tx) => {
      tx.setDeadline("room:a", 300);
      tx.setDeadline("player:b", 100);
      tx.setDeadline("queue:trails", 900);
      return Promise.resolve();
    });
    expect(await store.dueDeadlines(500, 10)).toEqual(["player:b", "room:a"]);
    expect(await store.dueDeadlines(500, 1)).toEqual(["player:b"]);
    await write(store, (tx) => {
      tx.setDeadline("player:b", null);
      tx.setDeadline("room:a", 600);
      return Promise.resolve();
    });
    expect(await store.dueDeadlines(500, 10)).toEqual([]);
  });

  it("lists every deadline, soonest first, without the cleared ones", async () => {
    const store = await kind.create();
    expect(await store.listDeadlines()).toEqual([]);
    await write(store, (tx) => {
      tx.setDeadline("room:a", 300);
      tx.setDeadline("player:b", 100);
      tx.setDeadline("queue:trails", 900);
      return Promise.resolve();
    });
    await write(store, (tx) => {
      tx.setDeadline("queue:trails", null);
      tx.setDeadline("room:a", 50);
      return Promise.resolve();
    });
    expect(await store.listDeadlines()).toEqual([
      { key: "room:a", dueAt: 50 },
      { key: "player:b", dueAt: 100 },
    ]);
  });

  it("reads the quick-match index outside a transaction as a transaction sees it", async () => {
    const store = await kind.create();
    await write(store, async (tx) => {
      await tx.putRoom(room("new", 200));
      await tx.putRoom(room("old", 100, 1));
      await tx.putRoom(room("full", 50, 2));
      await tx.putRoom({ ...room("trail", 10), mode: "trails", maxPlayers: 8 });
    });
    expect(await store.openRoomIds(CF)).toEqual(["old", "new"]);
    expect(await store.openRoomIds("trails")).toEqual(["trail"]);
    await write(store, async (tx) => {
      await tx.putRoom(room("old", 100, 2));
      await tx.deleteRoom("trail");
    });
    expect(await store.openRoomIds(CF)).toEqual(await write(store, (tx) => tx.openRoomIds(CF)));
    expect(await store.openRoomIds(CF)).toEqual(["new"]);
    expect(await store.openRoomIds("trails")).toEqual([]);
  });

  it("lists the invite codes held, with their rooms, and only this store's", async () => {
    const store = await kind.create();
    const other = await kind.create();
    await write(other, (tx) => tx.claimCode("OTHER2", "elsewhere"));
    expect(await store.listCodes()).toEqual([]);
    await write(store, async (tx) => {
      await tx.claimCode("ABC234", "r1");
      await tx.claimCode("XYZ789", "r2");
    });
    await write(store, (tx) => tx.releaseCode("ABC234"));
    expect(await store.listCodes()).toEqual([{ code: "XYZ789", roomId: "r2" }]);
  });

  it("keeps only the latest lobby chat messages", async () => {
    const store = await kind.create();
    await write(store, (tx) => {
      for (const id of ["m1", "m2", "m3"]) tx.appendLobbyChat(message(id), 2);
      return Promise.resolve();
    });
    expect((await store.lobbyChat()).map((m) => m.id)).toEqual(["m2", "m3"]);
  });

  it("lets a transaction read its own writes", async () => {
    const store = await kind.create();
    await write(store, async (tx) => {
      await tx.putPlayer(player("ann"));
      expect(await tx.getPlayer("ann")).toEqual(player("ann"));
      await tx.enqueue(CF, { playerId: "ann", joinedAt: 1, rating: 1000 });
      expect(await tx.queueLength(CF)).toBe(1);
      await tx.putRoom(room("r", 1));
      expect(await tx.openRoomIds(CF)).toEqual(["r"]);
      expect(await tx.claimCode("XYZ789", "r")).toBe(true);
      expect(await tx.roomIdByCode("XYZ789")).toBe("r");
    });
  });

  it("keeps nothing of a transaction that failed, and the queue's order intact", async () => {
    const store = await kind.create();
    await write(store, async (tx) => {
      for (const [i, id] of ["a", "b", "c"].entries())
        await tx.enqueue(CF, { playerId: id, joinedAt: 10 + i, rating: 1000 });
      await tx.putPlayer(player("keep"));
      await tx.putRoom(room("r", 1));
    });
    const failed = write(store, async (tx) => {
      await tx.putPlayer(player("ghost"));
      await tx.deletePlayer("keep");
      await tx.takeGroup(CF, 1, 1);
      await tx.dequeue(CF, "c");
      await tx.enqueue(CF, { playerId: "d", joinedAt: 20, rating: 1000 });
      await tx.putRoom(room("r", 1, 2));
      await tx.claimCode("QQQ222", "r");
      tx.setDeadline("room:r", 5);
      tx.appendLobbyChat(message("lost"), 10);
      throw new Error("the operation failed half-way");
    });
    await expect(failed).rejects.toThrow("half-way");
    expect(await store.getPlayer("ghost")).toBeUndefined();
    expect(await store.getPlayer("keep")).toEqual(player("keep"));
    expect((await store.listQueue(CF)).map((e) => e.playerId)).toEqual(["a", "b", "c"]);
    expect(await write(store, (tx) => tx.openRoomIds(CF))).toEqual(["r"]);
    expect(await store.roomIdByCode("QQQ222")).toBeUndefined();
    expect(await store.dueDeadlines(100, 10)).toEqual([]);
    expect(await store.lobbyChat()).toEqual([]);
  });

  it("never gives one invite code to two rooms when several processes race for it", async () => {
    const nodes = await kind.nodes(4);
    const wins = await Promise.all(
      nodes.flatMap((store, n) => [0, 1, 2].map((i) => write(store, (tx) => tx.claimCode("RACE22", `room-${n}-${i}`)))),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
  });

  it("seats exactly up to capacity when several processes race for the last seats", async () => {
    const nodes = await kind.nodes(3);
    const [first] = nodes;
    await write(first!, (tx) => tx.putRoom(room("hot", 1, 0, 8)));
    // 24 players on 3 processes each try to take a seat in the same 8-seat room.
    const attempts = nodes.flatMap((store, n) =>
      Array.from({ length: 8 }, (_, i) =>
        write(store, async (tx) => {
          const current = await tx.getRoom("hot");
          if (!current || current.seats.length >= current.maxPlayers) return false;
          await tx.putRoom(addSeat(current, { id: `p${n}-${i}`, name: "P" }, 2));
          return true;
        }),
      ),
    );
    const seated = (await Promise.all(attempts)).filter(Boolean).length;
    const final = await first!.getRoom("hot");
    expect(seated).toBe(8);
    expect(final?.seats).toHaveLength(8);
    expect(new Set(final?.seats.map((s) => s.playerId)).size).toBe(8);
  });

  it("applies every one of many concurrent changes to one record exactly once, within one process too", async () => {
    const [store] = await kind.nodes(1);
    await write(store!, (tx) => tx.putRoom(room("counter", 1)));
    // As many changes at once as the process may run side by side, and more.
    const changes = Math.max(40, (store!.parallel?.concurrency ?? 1) * 3);
    await Promise.all(
      Array.from({ length: changes }, () =>
        write(store!, async (tx) => {
          const current = await tx.getRoom("counter");
          if (current) await tx.putRoom({ ...current, version: current.version + 1 });
        }),
      ),
    );
    expect((await store!.getRoom("counter"))?.version).toBe(room("counter", 1).version + changes);
  });

  it.skipIf(kind.name !== "redis")(
    "watches what it prefetched: a change by another process makes it run again",
    async () => {
      const [one, two] = await kind.nodes(2);
      await write(one!, (tx) => tx.putRoom(room("pre", 1)));
      const base = room("pre", 1).version;
      let attempts = 0;
      const written = await one!.parallel!.transactionReading({ players: ["nobody"], rooms: ["pre"] }, async (tx) => {
        attempts++;
        // Another process changes the room after this one read it (first attempt only).
        if (attempts === 1) {
          await write(two!, async (other) => {
            const current = await other.getRoom("pre");
            await other.putRoom({ ...current!, version: current!.version + 10 });
          });
        }
        expect(await tx.getPlayer("nobody")).toBeUndefined();
        const current = await tx.getRoom("pre");
        await tx.putRoom({ ...current!, version: current!.version + 1 });
        return current!.version + 1;
      });
      expect(attempts).toBe(2);
      expect(written).toBe(base + 11);
      expect((await two!.getRoom("pre"))?.version).toBe(base + 11);
    },
  );

  it("pops every queued player exactly once when several processes take groups at once", async () => {
    const nodes = await kind.nodes(3);
    const [first] = nodes;
    await write(first!, async (tx) => {
      for (let i = 0; i < 30; i++) await tx.enqueue(CF, { playerId: `q${i}`, joinedAt: i, rating: 1000 });
    });
    const groups = await Promise.all(
      nodes.flatMap((store) => Array.from({ length: 8 }, () => write(store, (tx) => tx.takeGroup(CF, 2, 2)))),
    );
    const taken = groups.flat().map((e) => e.playerId);
    expect(taken).toHaveLength(30);
    expect(new Set(taken).size).toBe(30);
    expect(groups.every((g) => g.length === 0 || g.length === 2)).toBe(true);
    expect(await first!.queueLength(CF)).toBe(0);
  });
});

describe("the memory store's identities", () => {
  it("keep at most their cap, the least recently stored giving way first", async () => {
    const store = new MemoryStore({ maxIdentities: 2 });
    const identity = (id: string) => ({ id, generation: 1, sessions: [], expiresAt: Number.MAX_SAFE_INTEGER });
    await write(store, async (tx) => {
      await tx.putIdentity(identity("a"), 60_000);
      await tx.putIdentity(identity("b"), 60_000);
      // Stored again: now the most recent.
      await tx.putIdentity(identity("a"), 60_000);
      await tx.putIdentity(identity("c"), 60_000);
    });
    expect(await store.getIdentity("b")).toBeUndefined();
    expect((await store.getIdentity("a"))?.id).toBe("a");
    expect((await store.getIdentity("c"))?.id).toBe("c");
  });

  it("take an identity's ratings and history with it, and keep none for an identity they do not hold", async () => {
    const store = new MemoryStore({ maxIdentities: 1 });
    const identity = (id: string) => ({ id, generation: 1, sessions: [], expiresAt: Number.MAX_SAFE_INTEGER });
    const rating = (identityId: string) => ratingRecord(identityId, 1080, { mu: 27, sigma: 7 });
    const entry = {
      game: "r#1",
      at: 0,
      mode: CF,
      players: ["A", "B"],
      seat: 0,
      outcome: "win" as const,
      rated: true,
      ratingBefore: 1000,
      ratingAfter: 1080,
    };
    await write(store, async (tx) => {
      await tx.putIdentity(identity("a"), 60_000);
      await tx.putRating(rating("a"), 60_000);
      tx.appendHistory("a", entry, 20, 60_000);
    });
    expect(await store.getRating("a", CF)).toEqual(rating("a"));
    expect(await store.history("a")).toEqual([entry]);
    // "b" pushes "a" out, with its rating and history; "a"'s game ending afterwards stores nothing.
    await write(store, async (tx) => {
      await tx.putIdentity(identity("b"), 60_000);
      await tx.putRating(rating("a"), 60_000);
      tx.appendHistory("a", entry, 20, 60_000);
    });
    expect(await store.getRating("a", CF)).toBeUndefined();
    expect(await store.history("a")).toEqual([]);
  });
});
