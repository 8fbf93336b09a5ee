import { ErrorCode, INVITE_CODE_ALPHABET, type RoomView } from "@lobby/contracts";
import { describe, expect, it } from "vitest";
import { lobbyHarness } from "../../test/support/lobby-harness";
import { seededRandom } from "../core/random";
import { allocateInviteCode, randomInviteCode } from "./invite-code";
import type { LobbyError } from "./lobby-error";
import { MemoryStore } from "../store/memory-store";
import { refusal } from "../../test/support/results";

const CF = "connect-four" as const;

async function hostedRoom(
  mode: "connect-four" | "trails" = "trails",
  maxPlayers = 4,
  visibility: "public" | "private" = "private",
) {
  const h = lobbyHarness();
  const ids = await h.connect("Host", "Ann", "Bob", "Cat", "Dan");
  const room = await h.lobby.createRoom("host", mode, { maxPlayers, visibility });
  return { h, ids, room };
}

const systemTexts = (h: ReturnType<typeof lobbyHarness>, roomId: string) =>
  h.effects
    .roomChat(roomId)
    .filter((m) => m.kind === "system")
    .map((m) => m.text);

describe("invite codes", () => {
  it("are 6 characters from the look-alike-free alphabet", () => {
    const random = seededRandom(3);
    for (let i = 0; i < 200; i++) {
      const code = randomInviteCode(random);
      expect(code).toMatch(new RegExp(`^[${INVITE_CODE_ALPHABET}]{6}$`));
      expect(code).not.toMatch(/[01OIL]/);
    }
  });

  it("retry on a collision with a live room's code", async () => {
    const store = new MemoryStore();
    const taken = randomInviteCode(seededRandom(9));
    await store.transaction((tx) => tx.claimCode(taken, "other-room"));
    const code = await store.transaction((tx) => allocateInviteCode(tx, seededRandom(9), "new-room"));
    expect(code).not.toBe(taken);
    expect(await store.roomIdByCode(code)).toBe("new-room");
    expect(await store.roomIdByCode(taken)).toBe("other-room");
  });
});

describe("custom rooms", () => {
  it("makes the creator host of a room with a code, refusing seat counts outside the mode", async () => {
    const { h, room } = await hostedRoom();
    expect(room).toMatchObject({ kind: "custom", mode: "trails", hostId: "host", phase: "waiting", maxPlayers: 4 });
    expect(room.seats.map((s) => [s.player.id, s.ready])).toEqual([["host", false]]);
    expect(await h.store.roomIdByCode(room.code)).toBe(room.id);
    expect(await refusal(h.lobby.createRoom("ann", CF, { maxPlayers: 3, visibility: "public" }))).toBe(
      ErrorCode.InvalidSettings,
    );
    expect(await refusal(h.lobby.createRoom("host", CF, { maxPlayers: 2, visibility: "public" }))).toBe(
      ErrorCode.AlreadySeated,
    );
  });

  it("joins by code, with a clear refusal for a wrong code, a full room and a started game", async () => {
    const { h, room } = await hostedRoom("trails", 2);
    expect(await refusal(h.lobby.joinRoom("ann", "ZZZZZZ"))).toBe(ErrorCode.RoomNotFound);
    const joined = await h.lobby.joinRoom("ann", room.code);
    expect(joined.seats.map((s) => s.player.name)).toEqual(["Host", "Ann"]);
    expect(await refusal(h.lobby.joinRoom("bob", room.code))).toBe(ErrorCode.RoomFull);

    await h.lobby.setReady("host", true);
    await h.lobby.setReady("ann", true);
    await h.lobby.startGame("host");
    await h.finishCountdown();
    expect((await h.roomOf("ann")).phase).toBe("playing");
    expect(await refusal(h.lobby.joinRoom("bob", room.code))).toBe(ErrorCode.RoomInPlay);
  });

  it("frees the code when the room closes, so the old code is expired", async () => {
    const { h, room } = await hostedRoom();
    await h.lobby.leaveRoom("host");
    expect(await h.store.getRoom(room.id)).toBeUndefined();
    expect(await refusal(h.lobby.joinRoom("ann", room.code))).toBe(ErrorCode.RoomNotFound);
  });

  it("never seats more players than the room holds, however many race for the last seat", async () => {
    const { h, room } = await hostedRoom("trails", 3);
    await h.lobby.joinRoom("ann", room.code);
    const results = await Promise.allSettled(["bob", "cat", "dan"].map((id) => h.lobby.joinRoom(id, room.code)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as LobbyError).code] : []));
    expect(refused).toEqual([ErrorCode.RoomFull, ErrorCode.RoomFull]);
    expect((await h.store.getRoom(room.id))?.seats).toHaveLength(3);
  });
});

describe("host controls and the ready check", () => {
  it("starts only for the host, once everyone is ready and enough are seated", async () => {
    const { h, room } = await hostedRoom();
    await h.lobby.setReady("host", true);
    expect(await refusal(h.lobby.startGame("host"))).toBe(ErrorCode.WrongPlayerCount);
    await h.lobby.joinRoom("ann", room.code);
    expect(await refusal(h.lobby.startGame("ann"))).toBe(ErrorCode.NotHost);
    expect(await refusal(h.lobby.startGame("host"))).toBe(ErrorCode.NotAllReady);
    await h.lobby.setReady("ann", true);
    await h.lobby.startGame("host");
    const countdown = await h.roomOf("ann");
    expect(countdown.phase).toBe("countdown");
    expect(countdown.countdownEndsAt).toBe(h.clock.now() + h.settings.countdownMs);
    await h.finishCountdown();
    expect(await h.roomOf("ann")).toMatchObject({ phase: "playing", round: 1 });
  });

  it("cancels the countdown when a player un-readies or leaves", async () => {
    const { h, room } = await hostedRoom();
    await h.lobby.joinRoom("ann", room.code);
    await h.lobby.joinRoom("bob", room.code);
    for (const id of ["host", "ann", "bob"]) await h.lobby.setReady(id, true);
    await h.lobby.startGame("host");
    await h.lobby.setReady("ann", false);
    expect(await h.roomOf("ann")).toMatchObject({ phase: "waiting", countdownEndsAt: null });
    await h.finishCountdown();
    expect((await h.roomOf("ann")).phase).toBe("waiting");

    await h.lobby.setReady("ann", true);
    await h.lobby.startGame("host");
    await h.lobby.leaveRoom("bob");
    expect((await h.roomOf("ann")).phase).toBe("waiting");
  });

  it("kicks a player, who is told why and cannot rejoin", async () => {
    const { h, room } = await hostedRoom();
    await h.lobby.joinRoom("ann", room.code);
    expect(await refusal(h.lobby.kick("ann", "host"))).toBe(ErrorCode.NotHost);
    expect(await refusal(h.lobby.kick("host", "bob"))).toBe(ErrorCode.PlayerNotFound);
    await h.lobby.kick("host", "ann");
    expect(await h.locationOf("ann")).toEqual({ kind: "idle" });
    expect(h.effects.allToPlayer("ann", "room:kicked")).toEqual([
      { roomId: room.id, reason: "The host removed you from the room." },
    ]);
    expect(h.effects.members.get(`room:${room.id}`)?.has("ann")).toBe(false);
    expect(await refusal(h.lobby.joinRoom("ann", room.code))).toBe(ErrorCode.Kicked);
    expect(systemTexts(h, room.id)).toContain("Ann was removed by the host.");
  });

  it("changes settings before the start, within the mode's limits", async () => {
    const { h, room } = await hostedRoom();
    await h.lobby.joinRoom("ann", room.code);
    await h.lobby.joinRoom("bob", room.code);
    expect(await refusal(h.lobby.updateSettings("ann", { maxPlayers: 6 }))).toBe(ErrorCode.NotHost);
    expect(await refusal(h.lobby.updateSettings("host", { maxPlayers: 2 }))).toBe(ErrorCode.InvalidSettings);
    expect(await refusal(h.lobby.updateSettings("host", { maxPlayers: 9 }))).toBe(ErrorCode.InvalidSettings);
    await h.lobby.updateSettings("host", { maxPlayers: 6, visibility: "public" });
    expect(await h.roomOf("ann")).toMatchObject({ maxPlayers: 6, visibility: "public" });
    expect(h.effects.allToChannel("directory", "rooms:upsert").at(-1)).toMatchObject({
      code: room.code,
      players: 3,
      maxPlayers: 6,
      hostName: "Host",
    });
  });

  it("passes the host role to the longest-seated player", async () => {
    const { h, room } = await hostedRoom();
    await h.lobby.joinRoom("ann", room.code);
    await h.lobby.joinRoom("bob", room.code);
    await h.lobby.leaveRoom("host");
    expect((await h.roomOf("bob")).hostId).toBe("ann");
    expect(systemTexts(h, room.id)).toEqual([
      "Host joined.",
      "Ann joined.",
      "Bob joined.",
      "Host left.",
      "Ann is now the host.",
    ]);
  });
});

describe("room browser", () => {
  it("lists public rooms, pushes changes, and drops rooms that go private or close", async () => {
    const h = lobbyHarness();
    await h.connect("Host", "Ann", "Viewer");
    expect(await h.lobby.subscribeRooms("viewer")).toEqual({ rooms: [], total: 0 });
    const room = await h.lobby.createRoom("host", "trails", { maxPlayers: 4, visibility: "public" });
    await h.lobby.createRoom("ann", "trails", { maxPlayers: 4, visibility: "private" });
    const upserts = () => h.effects.allToChannel("directory", "rooms:upsert");
    expect(upserts().map((r) => [r.code, r.players])).toEqual([[room.code, 1]]);
    expect((await h.lobby.subscribeRooms("viewer")).rooms.map((r) => r.code)).toEqual([room.code]);

    await h.lobby.updateSettings("host", { visibility: "private" });
    expect(h.effects.allToChannel("directory", "rooms:remove")).toEqual([{ roomId: room.id }]);
  });

  it("lists only what a player can join or watch: no quick-match rooms, no finished games", async () => {
    const h = lobbyHarness();
    await h.connect("Host", "Ann", "Cat", "Dan", "Viewer");
    await h.lobby.subscribeRooms("viewer");
    const upserts = () => h.effects.allToChannel("directory", "rooms:upsert");

    // Quick match seats strangers by skill: its rooms are never listed, running or not.
    await h.lobby.joinQueue("cat", CF);
    await h.lobby.joinQueue("dan", CF);
    const quick = await h.roomOf("cat");
    expect(quick.kind).toBe("quick");
    await h.finishCountdown();
    expect((await h.roomOf("cat")).phase).toBe("playing");
    expect(upserts().filter((r) => r.id === quick.id)).toEqual([]);

    // A custom game is listed while it can be joined or watched; once it is over it goes, and a rematch brings it back.
    const custom = await h.lobby.createRoom("host", CF, { maxPlayers: 2, visibility: "public" });
    await h.lobby.joinRoom("ann", custom.code);
    await h.lobby.setReady("host", true);
    await h.lobby.setReady("ann", true);
    await h.lobby.startGame("host");
    await h.finishCountdown();
    expect((await h.lobby.subscribeRooms("viewer")).rooms.map((r) => [r.code, r.phase])).toEqual([
      [custom.code, "playing"],
    ]);
    for (let i = 0; i < 3; i++) {
      await h.lobby.move("host", { mode: CF, column: 0 });
      await h.lobby.move("ann", { mode: CF, column: 1 });
    }
    await h.lobby.move("host", { mode: CF, column: 0 });
    expect((await h.roomOf("host")).phase).toBe("finished");
    expect(h.effects.allToChannel("directory", "rooms:remove")).toEqual([{ roomId: custom.id }]);
    expect(await h.lobby.subscribeRooms("viewer")).toEqual({ rooms: [], total: 0 });

    await h.lobby.rematch("host");
    await h.lobby.rematch("ann");
    expect(upserts().at(-1)).toMatchObject({ id: custom.id, phase: "countdown" });
  });
});

describe("chat", () => {
  it("delivers room chat with sender and time, and limits the send rate", async () => {
    const { h, room } = await hostedRoom();
    await h.lobby.joinRoom("ann", room.code);
    await h.advance(5);
    await h.lobby.sendChat("ann", "room", "<b>hi</b>");
    const message = h.effects.allToChannel(`room:${room.id}`, "chat:message").at(-1);
    expect(message).toMatchObject({
      kind: "user",
      from: { id: "ann", name: "Ann" },
      text: "<b>hi</b>",
      at: h.clock.now(),
    });
    await h.lobby.sendChat("ann", "room", "two");
    await h.lobby.sendChat("ann", "room", "three");
    expect(await refusal(h.lobby.sendChat("ann", "room", "four"))).toBe(ErrorCode.RateLimited);
    await h.advance(h.settings.chatRefillMs);
    await h.lobby.sendChat("ann", "room", "four, later");
    expect(await refusal(h.lobby.sendChat("bob", "room", "not in a room"))).toBe(ErrorCode.NotInRoom);
  });

  it("stamps a room's lines strictly in the order they were committed, even within one millisecond", async () => {
    const { h, room } = await hostedRoom();
    await h.lobby.joinRoom("ann", room.code);
    await h.lobby.sendChat("host", "room", "one");
    await h.lobby.sendChat("ann", "room", "two");
    const lines = h.effects.roomChat(room.id);
    expect(lines.map((m) => m.text)).toEqual(["Host joined.", "Ann joined.", "one", "two"]);
    // Sorting by time, as clients do, keeps that order.
    expect([...lines].sort((a, b) => a.at - b.at).map((m) => m.text)).toEqual([
      "Host joined.",
      "Ann joined.",
      "one",
      "two",
    ]);
    expect(new Set(lines.map((m) => m.at)).size).toBe(4);
  });

  it("sends lobby chat to players outside rooms only", async () => {
    const { h } = await hostedRoom();
    await h.lobby.sendChat("ann", "lobby", "anyone for Trails?");
    expect(h.effects.allToChannel("lobby", "chat:message").map((m) => m.text)).toEqual(["anyone for Trails?"]);
    expect(h.effects.members.get("lobby")?.has("host")).toBe(false);
    expect(await refusal(h.lobby.sendChat("host", "lobby", "hello"))).toBe(ErrorCode.AlreadySeated);
  });
});

describe("spectators", () => {
  it("watch a game read-only and are sent home when the players leave", async () => {
    const { h, room } = await hostedRoom("connect-four", 2);
    await h.lobby.joinRoom("ann", room.code);
    await h.lobby.setReady("host", true);
    await h.lobby.setReady("ann", true);
    await h.lobby.startGame("host");
    await h.finishCountdown();
    const watched = await h.lobby.watchRoom("cat", room.code);
    expect(watched.spectatorCount).toBe(1);
    expect(h.effects.members.get(`room:${room.id}`)?.has("cat")).toBe(true);
    expect(await refusal(h.lobby.move("cat", { mode: CF, column: 0 }))).toBe(ErrorCode.Spectator);
    expect(await refusal(h.lobby.sendChat("cat", "room", "hi"))).toBe(ErrorCode.Spectator);
    expect(await refusal(h.lobby.setReady("cat", true))).toBe(ErrorCode.Spectator);
    await h.lobby.move("host", { mode: CF, column: 3 });
    const seen: RoomView | undefined = h.effects.lastToRoom(room.id, "room:state");
    expect(seen?.game).toMatchObject({ moves: 1 });

    await h.lobby.leaveRoom("host");
    await h.lobby.leaveRoom("ann");
    expect(await h.locationOf("cat")).toEqual({ kind: "idle" });
    expect(h.effects.allToPlayer("cat", "room:kicked")).toHaveLength(1);
  });
});

describe("quick match backfill", () => {
  it("fills the oldest open public room of the mode first", async () => {
    const h = lobbyHarness();
    await h.connect("Old", "New", "Ann");
    const older = await h.lobby.createRoom("old", "trails", { maxPlayers: 4, visibility: "public" });
    await h.advance(10);
    await h.lobby.createRoom("new", "trails", { maxPlayers: 4, visibility: "public" });
    expect(await h.lobby.joinQueue("ann", "trails")).toEqual({ state: "matched", mode: "trails", roomId: older.id });
    expect((await h.roomOf("ann")).seats.find((s) => s.playerId === "ann")?.ready).toBe(false);
  });

  it("starts an N-player quick room once the minimum has waited, and fills it during the countdown", async () => {
    const h = lobbyHarness({ quickMatchWaitMs: 5000, countdownMs: 3000 });
    await h.connect("Ann", "Bob", "Cat", "Dan");
    await h.lobby.joinQueue("ann", "trails");
    await h.lobby.joinQueue("bob", "trails");
    expect(await h.locationOf("bob")).toMatchObject({ kind: "queued" });
    await h.advance(4999);
    expect(await h.locationOf("bob")).toMatchObject({ kind: "queued" });
    await h.advance(1);
    const room = await h.roomOf("ann");
    expect(room).toMatchObject({ kind: "quick", phase: "countdown", maxPlayers: 8 });
    expect(room.seats.map((s) => s.playerId)).toEqual(["ann", "bob"]);

    expect(await h.lobby.joinQueue("cat", "trails")).toMatchObject({ state: "matched", roomId: room.id });
    const filled = await h.roomOf("cat");
    expect(filled.phase).toBe("countdown");
    expect(filled.countdownEndsAt).toBe(room.countdownEndsAt);
    await h.finishCountdown();
    expect((await h.roomOf("cat")).phase).toBe("playing");
    expect(await h.lobby.joinQueue("dan", "trails")).toMatchObject({ state: "queued" });
  });

  it("plays a Trails round to its end on server ticks", async () => {
    const h = lobbyHarness({ quickMatchWaitMs: 0 });
    await h.connect("Ann", "Bob");
    await h.lobby.joinQueue("ann", "trails");
    await h.lobby.joinQueue("bob", "trails");
    await h.finishCountdown();
    const room = await h.roomOf("ann");
    expect(room.phase).toBe("playing");
    for (let i = 0; i < 200 && (await h.roomOf("ann")).phase === "playing"; i++) await h.advance(100);
    const done = await h.roomOf("ann");
    expect(done.phase).toBe("finished");
    expect(done.result).not.toBeNull();
    expect(systemTexts(h, room.id).at(-1)).toMatch(/wins|draw/);
  });
});
