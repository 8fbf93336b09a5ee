import { describe, expect, it } from "vitest";
import { lobbyHarness } from "../../test/support/lobby-harness";

const CF = "connect-four" as const;

describe("sessions that outlive connections", () => {
  it("resume a running game in the same seat with the same board", async () => {
    const h = lobbyHarness();
    await h.connect("Ann", "Bob");
    await h.lobby.joinQueue("ann", CF);
    await h.lobby.joinQueue("bob", CF);
    await h.finishCountdown();
    await h.lobby.move("ann", { mode: CF, column: 3 });
    const before = await h.roomOf("bob");

    await h.drop("bob");
    const away = await h.roomOf("ann");
    expect(away.seats[1]).toMatchObject({
      status: "disconnected",
      graceEndsAt: h.clock.now() + h.settings.reconnectGraceMs,
    });
    await h.advance(h.settings.reconnectGraceMs - 1);
    expect(await h.reconnect("bob", "Bob")).toBe(true);

    const back = await h.roomOf("bob");
    expect(back.id).toBe(before.id);
    expect(back.seats[1]).toMatchObject({ playerId: "bob", status: "connected", graceEndsAt: null });
    expect(back.game).toEqual(before.game);
    expect(back.chat.map((m) => m.text).slice(-2)).toEqual(["Bob lost connection.", "Bob is back."]);
    expect(h.effects.allToPlayer("bob", "chat:history").at(-1)?.scope).toBe("room");
    await h.advance(h.settings.reconnectGraceMs);
    expect((await h.roomOf("ann")).phase).toBe("playing");
    await h.lobby.move("bob", { mode: CF, column: 4 });
  });

  it("keep the queue place: a returning player is still first in line", async () => {
    const h = lobbyHarness();
    await h.connect("Ann", "Bob", "Cat", "Dan");
    await h.lobby.joinQueue("ann", "trails");
    await h.lobby.joinQueue("bob", "trails");
    await h.drop("ann");
    await h.reconnect("ann", "Ann");
    expect(h.effects.allToPlayer("ann", "queue:status").at(-1)).toMatchObject({ state: "queued", mode: "trails" });
    await h.advance(h.settings.quickMatchWaitMs);
    expect((await h.roomOf("bob")).seats.map((s) => s.playerId)).toEqual(["ann", "bob"]);
  });

  it("seat a player who is matched while away, and forfeit if they never return", async () => {
    const h = lobbyHarness();
    await h.connect("Ann", "Bob");
    await h.lobby.joinQueue("ann", CF);
    await h.drop("ann");
    await h.lobby.joinQueue("bob", CF);
    const room = await h.roomOf("bob");
    expect(room.seats.map((s) => s.status)).toEqual(["disconnected", "connected"]);
    await h.finishCountdown();
    await h.advance(h.settings.reconnectGraceMs);
    expect(h.effects.lastToRoom(room.id, "room:state")?.result).toEqual({
      kind: "win",
      winners: [1],
      reason: "forfeit",
    });
    expect(await h.store.getPlayer("ann")).toBeUndefined();
  });

  it("ignore the old connection closing after a new one took the session over", async () => {
    const h = lobbyHarness();
    await h.connect("Ann");
    await h.lobby.joinQueue("ann", CF);
    await h.lobby.connect({ id: "ann", name: "Ann", connectionId: "second-tab" });
    await h.drop("ann");
    expect(await h.store.getPlayer("ann")).toMatchObject({ connectionId: "second-tab", awayUntil: null });
    await h.advance(h.settings.reconnectGraceMs * 2);
    expect(await h.locationOf("ann")).toMatchObject({ kind: "queued" });
  });

  it("let a real-time game go on without a rider whose grace ran out", async () => {
    // Five ticks of grace: riders who never steer survive at least fifteen.
    const h = lobbyHarness({ reconnectGraceMs: 500 });
    await h.connect("Ann", "Bob", "Cat");
    const host = await h.lobby.createRoom("ann", "trails", { maxPlayers: 3, visibility: "private" });
    await h.lobby.joinRoom("bob", host.code);
    await h.lobby.joinRoom("cat", host.code);
    for (const id of ["ann", "bob", "cat"]) await h.lobby.setReady(id, true);
    await h.lobby.startGame("ann");
    await h.finishCountdown();
    await h.drop("cat");
    await h.advance(500);
    const room = await h.roomOf("ann");
    expect(room.seats[2]?.status).toBe("left");
    expect(room.phase).toBe("playing");
    const view = h.effects.lastToRoom(room.id, "room:state")?.game;
    expect(view?.mode === "trails" && view.riders.map((r) => r.alive)).toEqual([true, true, false]);
  });
});
