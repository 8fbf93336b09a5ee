import { ErrorCode, MODE_IDS } from "@lobby/contracts";
import { describe, expect, it } from "vitest";
import { lobbyHarness } from "../../test/support/lobby-harness";
import { refusal } from "../../test/support/results";

const CF = "connect-four" as const;
const drop = (column: number) => ({ mode: CF, column });

/** Every mode's queue, empty. */
const NO_QUEUES = Object.fromEntries(MODE_IDS.map((mode) => [mode, 0]));

describe("quick-match matchmaking", () => {
  it("seats waiting players in FIFO order, one room per complete group", async () => {
    const h = lobbyHarness();
    const [ann, bob, cat, dan] = await h.connect("Ann", "Bob", "Cat", "Dan");
    expect(await h.lobby.joinQueue(ann!, CF)).toMatchObject({ state: "queued" });
    const matched = await h.lobby.joinQueue(bob!, CF);
    expect(matched).toMatchObject({ state: "matched" });
    await h.lobby.joinQueue(cat!, CF);
    await h.lobby.joinQueue(dan!, CF);

    const first = await h.roomOf(ann!);
    const second = await h.roomOf(cat!);
    expect(first.id).not.toBe(second.id);
    expect(first.seats.map((s) => s.playerId)).toEqual([ann, bob]);
    expect(second.seats.map((s) => s.playerId)).toEqual([cat, dan]);
    expect(h.effects.members.get(`room:${first.id}`)).toEqual(new Set([ann, bob]));
    expect(await h.store.queueLength(CF)).toBe(0);
  });

  it("keeps a third player waiting until a fourth arrives", async () => {
    const h = lobbyHarness();
    const [ann, bob, cat, dan] = await h.connect("Ann", "Bob", "Cat", "Dan");
    await h.lobby.joinQueue(ann!, CF);
    await h.lobby.joinQueue(bob!, CF);
    await h.lobby.joinQueue(cat!, CF);
    expect(await h.locationOf(cat!)).toMatchObject({ kind: "queued", mode: CF });
    expect(await h.store.queueLength(CF)).toBe(1);
    await h.lobby.joinQueue(dan!, CF);
    expect((await h.roomOf(cat!)).seats.map((s) => s.playerId)).toEqual([cat, dan]);
  });

  it("refuses a second queue join and a join while seated, without a second seat", async () => {
    const h = lobbyHarness();
    const [ann, bob] = await h.connect("Ann", "Bob");
    await h.lobby.joinQueue(ann!, CF);
    expect(await refusal(h.lobby.joinQueue(ann!, CF))).toBe(ErrorCode.AlreadyQueued);
    expect(await h.store.queueLength(CF)).toBe(1);

    await h.lobby.joinQueue(bob!, CF);
    expect(await refusal(h.lobby.joinQueue(ann!, CF))).toBe(ErrorCode.AlreadySeated);
    expect(await h.store.queueLength(CF)).toBe(0);
    expect((await h.store.listRoomIds()).length).toBe(1);
  });

  it("cancels a queue wait, and refuses a cancel when not queued", async () => {
    const h = lobbyHarness();
    const [ann, bob] = await h.connect("Ann", "Bob");
    await h.lobby.joinQueue(ann!, CF);
    expect(await h.lobby.leaveQueue(ann!)).toEqual({ state: "idle" });
    expect(await refusal(h.lobby.leaveQueue(ann!))).toBe(ErrorCode.NotQueued);
    await h.lobby.joinQueue(bob!, CF);
    expect(await h.locationOf(bob!)).toMatchObject({ kind: "queued" });
    expect(await h.store.queueLength(CF)).toBe(1);
  });

  it("keeps a dropped player's queue place for the grace period, then drops it", async () => {
    const h = lobbyHarness();
    const [ann, bob, cat] = await h.connect("Ann", "Bob", "Cat");
    await h.lobby.joinQueue(ann!, CF);
    await h.drop(ann!);
    expect(await h.store.queueLength(CF)).toBe(1);
    await h.advance(h.settings.reconnectGraceMs);
    expect(await h.store.queueLength(CF)).toBe(0);
    expect(await h.store.getPlayer(ann!)).toBeUndefined();
    await h.lobby.joinQueue(bob!, CF);
    expect(await h.locationOf(bob!)).toMatchObject({ kind: "queued" });
    await h.lobby.joinQueue(cat!, CF);
    expect((await h.roomOf(bob!)).seats.map((s) => s.playerId)).toEqual([bob, cat]);
  });

  it("pushes presence figures to the lobby, coalesced to one broadcast per interval", async () => {
    const h = lobbyHarness({ statsIntervalMs: 100 });
    const [ann, bob] = await h.connect("Ann", "Bob", "Cat");
    await h.lobby.joinQueue(ann!, CF);
    const stats = () => h.effects.allToChannel("lobby", "lobby:stats");
    expect(stats()).toHaveLength(0);
    await h.advance(100);
    expect(stats()).toEqual([{ online: 3, queues: { ...NO_QUEUES, [CF]: 1 } }]);
    // Nothing that changes the figures: nothing is sent.
    await h.lobby.sendChat(ann!, "lobby", "anyone?");
    await h.advance(100);
    expect(stats()).toHaveLength(1);

    // Seated players are out of the lobby channel; coming back, they get the latest figures at once.
    await h.lobby.joinQueue(bob!, CF);
    await h.advance(100);
    expect(stats().at(-1)).toEqual({ online: 3, queues: NO_QUEUES });
    expect(h.effects.members.get("lobby")?.has(bob!)).toBe(false);
    await h.lobby.leaveRoom(bob!);
    expect(h.effects.allToPlayer(bob!, "lobby:stats").at(-1)).toEqual({ online: 3, queues: NO_QUEUES });
  });
});

describe("round trips shown to the room", () => {
  it("sends a player's figure once, then again only when it changed noticeably", async () => {
    const h = lobbyHarness({ presenceIntervalMs: 100 });
    const [ann, bob] = (await h.connect("Ann", "Bob")) as [string, string];
    await h.lobby.joinQueue(ann, CF);
    await h.lobby.joinQueue(bob, CF);
    const roomId = (await h.roomOf(ann)).id;
    const pushes = () => h.effects.allToChannel(`room:${roomId}`, "room:latency").map((l) => l.rttMs);

    h.lobby.reportLatency(ann, 40);
    h.lobby.reportLatency(bob, 60);
    await h.advance(100);
    expect(pushes()).toEqual([{ [ann]: 40, [bob]: 60 }]);

    h.lobby.reportLatency(ann, 44);
    await h.advance(100);
    expect(pushes()).toHaveLength(1);

    h.lobby.reportLatency(ann, 90);
    await h.advance(100);
    expect(pushes()).toEqual([{ [ann]: 40, [bob]: 60 }, { [ann]: 90 }]);
  });
});

describe("match room lifecycle", () => {
  async function seatedPair() {
    const h = lobbyHarness();
    const [ann, bob] = (await h.connect("Ann", "Bob")) as [string, string];
    await h.lobby.joinQueue(ann, CF);
    await h.lobby.joinQueue(bob, CF);
    expect((await h.roomOf(ann)).phase).toBe("countdown");
    await h.finishCountdown();
    return { h, ann, bob, roomId: (await h.roomOf(ann)).id };
  }

  async function winForAnn(h: ReturnType<typeof lobbyHarness>, ann: string, bob: string) {
    for (let i = 0; i < 3; i++) {
      await h.lobby.move(ann, drop(0));
      await h.lobby.move(bob, drop(1));
    }
    await h.lobby.move(ann, drop(0));
  }

  it("plays a game to a win and pushes every state to the room", async () => {
    const { h, ann, bob, roomId } = await seatedPair();
    await winForAnn(h, ann, bob);
    const view = h.effects.lastToRoom(roomId, "room:state");
    expect(view?.phase).toBe("finished");
    expect(view?.result).toEqual({ kind: "win", winners: [0], reason: "rules" });
    expect(await refusal(h.lobby.move(bob, drop(2)))).toBe(ErrorCode.GameNotRunning);
  });

  it("refuses out-of-turn and illegal moves without changing the room", async () => {
    const { h, ann, bob } = await seatedPair();
    const before = await h.roomOf(ann);
    expect(await refusal(h.lobby.move(bob, drop(3)))).toBe(ErrorCode.NotYourTurn);
    expect(await h.roomOf(ann)).toEqual(before);
    for (let i = 0; i < 3; i++) {
      await h.lobby.move(ann, drop(2));
      await h.lobby.move(bob, drop(2));
    }
    const full = await h.roomOf(ann);
    expect(await refusal(h.lobby.move(ann, drop(2)))).toBe(ErrorCode.IllegalMove);
    expect(await h.roomOf(ann)).toEqual(full);
  });

  it("keeps a disconnected seat through the grace period", async () => {
    const { h, ann, bob, roomId } = await seatedPair();
    await h.lobby.move(ann, drop(3));
    await h.drop(bob);
    const waiting = h.effects.lastToRoom(roomId, "room:state");
    expect(waiting?.seats[1]).toMatchObject({ status: "disconnected", graceEndsAt: h.clock.now() + 10_000 });
    expect(waiting?.phase).toBe("playing");

    h.clock.advance(9_999);
    await h.lobby.close();
    expect(h.effects.lastToRoom(roomId, "room:state")?.phase).toBe("playing");
  });

  it("ends the game by forfeit once the grace period runs out", async () => {
    const { h, ann, bob, roomId } = await seatedPair();
    await h.drop(bob);
    await h.advance(10_000);
    const states = h.effects.sent.filter((s) => s.event === "room:state").map((s) => s.payload);
    expect(states).toContainEqual(
      expect.objectContaining({ phase: "finished", result: { kind: "win", winners: [0], reason: "forfeit" } }),
    );
    expect(await h.locationOf(ann)).toEqual({ kind: "seated", roomId });
    await h.lobby.leaveRoom(ann);
    expect(await h.store.getRoom(roomId)).toBeUndefined();
  });

  it("a player who leaves a running game loses it; the room is destroyed once empty", async () => {
    const { h, ann, bob, roomId } = await seatedPair();
    await h.lobby.leaveRoom(bob);
    expect(h.effects.lastToRoom(roomId, "room:state")?.result).toEqual({
      kind: "win",
      winners: [0],
      reason: "left",
    });
    expect(await h.locationOf(bob)).toEqual({ kind: "idle" });
    expect(h.effects.members.get(`room:${roomId}`)).toEqual(new Set([ann]));
    expect(await refusal(h.lobby.rematch(ann))).toBe(ErrorCode.RematchUnavailable);
    await h.lobby.leaveRoom(ann);
    expect(await h.store.getRoom(roomId)).toBeUndefined();
    expect(await h.store.listRoomIds()).toEqual([]);
  });

  it("starts a rematch with the same group once both ask, the other seat opening", async () => {
    const { h, ann, bob, roomId } = await seatedPair();
    expect(await refusal(h.lobby.rematch(ann))).toBe(ErrorCode.RematchUnavailable);
    await winForAnn(h, ann, bob);
    await h.lobby.rematch(bob);
    const asked = h.effects.lastToRoom(roomId, "room:state");
    expect(asked?.seats.map((s) => s.wantsRematch)).toEqual([false, true]);
    expect(asked?.phase).toBe("finished");
    await h.lobby.rematch(ann);
    expect(h.effects.lastToRoom(roomId, "room:state")?.phase).toBe("countdown");
    await h.finishCountdown();
    const next = h.effects.lastToRoom(roomId, "room:state");
    expect(next).toMatchObject({ phase: "playing", round: 2, result: null });
    expect(next?.game).toMatchObject({ mode: CF, turn: 1, moves: 0 });
    expect(await refusal(h.lobby.move(ann, drop(0)))).toBe(ErrorCode.NotYourTurn);
    await h.lobby.move(bob, drop(0));
  });

  it("frees a seat after the result once its player has been gone for the grace period", async () => {
    const { h, ann, bob, roomId } = await seatedPair();
    await winForAnn(h, ann, bob);
    await h.drop(bob);
    expect(h.effects.lastToRoom(roomId, "room:state")?.seats[1]?.status).toBe("disconnected");
    await h.advance(h.settings.reconnectGraceMs);
    expect(h.effects.lastToRoom(roomId, "room:state")?.seats[1]?.status).toBe("left");
    await h.drop(ann);
    await h.advance(h.settings.reconnectGraceMs);
    expect(await h.store.getRoom(roomId)).toBeUndefined();
    expect(await h.store.countPlayers()).toBe(0);
  });
});

describe("a quick room whose countdown loses players", () => {
  it("stops counting down below the game's minimum, and never starts a game short of it", async () => {
    const h = lobbyHarness();
    await h.connect("Ann", "Bob");
    await h.lobby.joinQueue("ann", "trails");
    await h.lobby.joinQueue("bob", "trails");
    // Two of the eight quick match wants have waited long enough: a room, counting down.
    await h.advance(h.settings.quickMatchWaitMs);
    const room = await h.roomOf("ann");
    expect(room.phase).toBe("countdown");
    await h.lobby.leaveRoom("bob");
    expect((await h.roomOf("ann")).phase).toBe("waiting");
    await h.finishCountdown();
    const after = await h.roomOf("ann");
    expect(after.phase).toBe("waiting");
    expect(after.game).toBeNull();
  });
});
