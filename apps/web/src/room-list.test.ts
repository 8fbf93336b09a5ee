import { describe, expect, it } from "vitest";
import {
  applyRoomList,
  applyRoomRemove,
  applyRoomUpsert,
  clearRoomList,
  phaseLabel,
  roomAction,
  visibleRooms,
} from "./room-list";
import { signedIn, summary } from "./test-fixtures";

describe("room list transitions", () => {
  it("replaces the list on subscribe, then applies upserts and removals", () => {
    let state = applyRoomList(signedIn(), [summary({ id: "a", code: "AAAAAA" })]);
    state = applyRoomUpsert(state, summary({ id: "b", code: "BBBBBB" }));
    expect(state.rooms?.map((r) => r.id)).toEqual(["a", "b"]);
    state = applyRoomUpsert(state, summary({ id: "a", code: "AAAAAA", players: 5 }));
    expect(state.rooms?.find((r) => r.id === "a")?.players).toBe(5);
    expect(state.rooms).toHaveLength(2);
    state = applyRoomRemove(state, "a");
    expect(state.rooms?.map((r) => r.id)).toEqual(["b"]);
  });

  it("ignores pushes while not subscribed and unknown removals", () => {
    const idle = signedIn();
    expect(applyRoomUpsert(idle, summary()).rooms).toBeNull();
    const listed = applyRoomList(idle, [summary()]);
    expect(applyRoomRemove(listed, "nope")).toBe(listed);
    expect(clearRoomList(listed).rooms).toBeNull();
    expect(applyRoomUpsert(clearRoomList(listed), summary({ id: "late" })).rooms).toBeNull();
  });
});

describe("roomAction", () => {
  it("offers a seat in open rooms and watching in the others", () => {
    expect(roomAction(summary({ phase: "waiting", players: 2, maxPlayers: 8 }))).toBe("join");
    expect(roomAction(summary({ phase: "countdown", players: 3, maxPlayers: 8 }))).toBe("join");
    expect(roomAction(summary({ phase: "waiting", players: 2, maxPlayers: 2 }))).toBe("watch");
    expect(roomAction(summary({ phase: "playing", players: 2, maxPlayers: 2 }))).toBe("watch");
    expect(roomAction(summary({ phase: "finished" }))).toBe("watch");
  });

  it("labels phases for people", () => {
    expect(phaseLabel("waiting")).toBe("Waiting");
    expect(phaseLabel("countdown")).toBe("Starting");
    expect(phaseLabel("playing")).toBe("Playing");
  });
});

describe("visibleRooms", () => {
  const rooms = [
    summary({ id: "p", code: "PPPPPP", mode: "connect-four", phase: "playing", createdAt: 1 }),
    summary({ id: "w2", code: "WWWWW2", mode: "trails", phase: "waiting", createdAt: 5 }),
    summary({
      id: "w1",
      code: "WWWWW1",
      mode: "connect-four",
      phase: "waiting",
      players: 1,
      maxPlayers: 2,
      createdAt: 3,
    }),
  ];

  it("lists open rooms first, oldest first, then running games, then the rest", () => {
    expect(visibleRooms(rooms, "all").map((r) => r.id)).toEqual(["w1", "w2", "p"]);
    const finished = summary({ id: "f", code: "FFFFFF", phase: "finished", createdAt: 0 });
    expect(visibleRooms([finished, ...rooms], "all").map((r) => r.id)).toEqual(["w1", "w2", "p", "f"]);
  });

  it("filters by game", () => {
    expect(visibleRooms(rooms, "trails").map((r) => r.id)).toEqual(["w2"]);
    expect(visibleRooms(rooms, "connect-four").map((r) => r.id)).toEqual(["w1", "p"]);
  });

  it("does not reorder the list it was given", () => {
    visibleRooms(rooms, "all");
    expect(rooms.map((r) => r.id)).toEqual(["p", "w2", "w1"]);
  });
});
