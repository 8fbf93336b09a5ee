import { ErrorCode, type RejoinOffer } from "@lobby/contracts";
import { describe, expect, it } from "vitest";
import {
  MAX_TOASTS,
  addToast,
  applyConnectError,
  applyConnection,
  applyKicked,
  applyLeftRoom,
  applyQueueStatus,
  applyRoomState,
  applySession,
  applyWatching,
  initialState,
  removeToast,
  signedOut,
  startRejoin,
} from "./lobby-state";
import { queued, room, session, signedIn, strangersRoom } from "./test-fixtures";

describe("applySession", () => {
  it("measures the server clock offset and reports nothing lost on the first session", () => {
    const { state, lost } = applySession(initialState, session, 9_000);
    expect(state.session).toBe(session);
    expect(state.clockOffsetMs).toBe(1_000);
    expect(state.stats).toEqual(session.stats);
    expect(lost).toBeNull();
  });

  it("clears the room on a reconnect, because the server has forgotten the old player", () => {
    const seated = applyRoomState(signedIn(), room());
    expect(seated.room?.phase).toBe("playing");
    const { state, lost } = applySession(seated, { ...session, player: { id: "me-2", name: "Ada" } }, 9_500);
    expect(lost).toBe("game");
    expect(state.room).toBeNull();
    expect(state.queue).toEqual({ state: "idle" });
  });

  it("tells a running game from a room before or after its game", () => {
    const newPlayer = { ...session, player: { id: "me-2", name: "Ada" } };
    for (const phase of ["waiting", "countdown", "finished"] as const) {
      const seated = applyRoomState(signedIn(), room({ phase }));
      expect(applySession(seated, newPlayer, 9_500).lost).toBe("room");
    }
  });

  it("keeps the seat when the server resumed the same session", () => {
    const seated = applyRoomState(signedIn(), room());
    const { state, lost } = applySession(seated, { ...session, resumed: true }, 9_500);
    expect(lost).toBe("nothing");
    expect(state.room?.id).toBe("room-1");
  });

  it("reports a lost queue entry on a reconnect", () => {
    const waiting = applyQueueStatus(signedIn(), queued("connect-four", 1));
    expect(applySession(waiting, session, 0).lost).toBe("queue");
  });
});

describe("applyRoomState", () => {
  it("ignores an older version of the room it holds", () => {
    const at5 = applyRoomState(signedIn(), room({ version: 5 }));
    const stale = applyRoomState(at5, room({ version: 4, phase: "finished" }));
    expect(stale.room?.version).toBe(5);
    expect(stale.room?.phase).toBe("playing");
    expect(applyRoomState(at5, room({ version: 6 })).room?.version).toBe(6);
  });

  it("accepts a lower version when it belongs to a different room", () => {
    const at5 = applyRoomState(signedIn(), room({ version: 5 }));
    const other = applyRoomState(applyLeftRoom(at5, "room-1"), room({ id: "room-2", version: 0 }));
    expect(other.room?.id).toBe("room-2");
  });

  it("ignores a room in which our own seat has left", () => {
    const state = applyRoomState(signedIn(), room({}, "left"));
    expect(state.room).toBeNull();
  });

  it("never lets a late push for a room we left pull us back in", () => {
    const seated = applyRoomState(signedIn(), room({ version: 3 }));
    const left = applyLeftRoom(seated, "room-1");
    expect(left.room).toBeNull();
    expect(applyRoomState(left, room({ version: 3 })).room).toBeNull();
    expect(applyRoomState(left, room({ version: 2 })).room).toBeNull();
  });

  it("lets us back into a room we left when a newer state seats us again (rejoin by code)", () => {
    const left = applyLeftRoom(applyRoomState(signedIn(), room({ version: 3, phase: "waiting" })), "room-1");
    const back = applyRoomState(left, room({ version: 5, phase: "waiting" }));
    expect(back.room?.version).toBe(5);
    expect(back.leftRooms).toEqual({});
  });

  it("ignores rooms that do not seat us", () => {
    expect(applyRoomState(signedIn(), strangersRoom()).room).toBeNull();
  });
});

describe("applyQueueStatus", () => {
  it("treats a matched ack like the push and ignores a stale queued answer afterwards", () => {
    const matched = applyQueueStatus(signedIn(), {
      state: "matched",
      mode: "connect-four",
      roomId: "room-1",
    });
    expect(matched.queue.state).toBe("matched");
    const stale = applyQueueStatus(matched, queued("connect-four", 5));
    expect(stale.queue.state).toBe("matched");
  });

  it("keeps the queue idle once seated, even if an old queued status arrives", () => {
    const seated = applyRoomState(signedIn(), room());
    const after = applyQueueStatus(seated, queued("connect-four", 5));
    expect(after.queue).toEqual({ state: "idle" });
    expect(after.room?.id).toBe("room-1");
  });

  it("returns to idle when the queue is left", () => {
    const waiting = applyQueueStatus(signedIn(), queued("connect-four", 5));
    expect(applyQueueStatus(waiting, { state: "idle" }).queue).toEqual({ state: "idle" });
  });
});

describe("searching again from a finished game", () => {
  const finished = () =>
    applyRoomState(signedIn(), room({ phase: "finished", result: { kind: "win", winners: [0], reason: "rules" } }));

  it("leaves the game once searching (our own search, or our party leader's), for good", () => {
    const searching = applyQueueStatus(finished(), queued("connect-four", 50));
    expect(searching).toMatchObject({ room: null, roomChat: null, queue: { state: "queued" } });
    expect(searching.leftRooms).toEqual({ "room-1": 1 });
    // The room's last push, sent before we left, cannot pull us back.
    expect(applyRoomState(searching, room({ phase: "finished", version: 1 })).room).toBeNull();
  });

  it("leaves the game when matched straight into another room, which then takes over", () => {
    const matched = applyQueueStatus(finished(), { state: "matched", mode: "connect-four", roomId: "room-2" });
    expect(matched).toMatchObject({ room: null, queue: { state: "matched", roomId: "room-2" } });
    const next = applyRoomState(matched, room({ id: "room-2", code: "XYZ789", phase: "countdown", version: 1 }));
    expect(next).toMatchObject({ room: { id: "room-2" }, queue: { state: "idle" } });
  });

  it("keeps a running game, and a watched one, whatever a stale status says", () => {
    const playing = applyRoomState(signedIn(), room());
    expect(applyQueueStatus(playing, queued("connect-four", 5)).room?.id).toBe("room-1");
    const watched = applyWatching(signedIn(), strangersRoom({ phase: "finished" }));
    expect(applyQueueStatus(watched, queued("connect-four", 5)).room?.id).toBe("room-1");
  });
});

describe("spectating", () => {
  it("follows a watched room that does not seat us, and stops when leaving it", () => {
    const watching = applyWatching(signedIn(), strangersRoom({ version: 4 }));
    expect(watching.room?.id).toBe("room-1");
    expect(watching.watchingRoomId).toBe("room-1");
    const next = applyRoomState(watching, strangersRoom({ version: 5, spectatorCount: 2 }));
    expect(next.room?.spectatorCount).toBe(2);
    expect(applyRoomState(next, strangersRoom({ version: 4 })).room?.version).toBe(5);
    const left = applyLeftRoom(next, "room-1");
    expect(left.room).toBeNull();
    expect(left.watchingRoomId).toBeNull();
    expect(applyRoomState(left, strangersRoom({ version: 6 })).room).toBeNull();
  });

  it("can watch a room we once played in", () => {
    const left = applyLeftRoom(applyRoomState(signedIn(), room({ version: 3 })), "room-1");
    const watching = applyWatching(left, strangersRoom({ version: 2 }));
    expect(watching.watchingRoomId).toBe("room-1");
    expect(watching.room?.version).toBe(2);
  });

  it("takes the first room pushed after a resume that does not seat us as the watched room", () => {
    const fresh = applySession(initialState, { ...session, resumed: true }, 0).state;
    const watching = applyRoomState(fresh, strangersRoom({ version: 7 }));
    expect(watching.watchingRoomId).toBe("room-1");
    expect(watching.resyncing).toBe(false);
    // Once settled, strangers' rooms are ignored again.
    expect(applyRoomState(signedIn(), strangersRoom()).room).toBeNull();
  });

  it("reports a watched room as nothing lost on reconnect", () => {
    const watching = applyWatching(signedIn(), strangersRoom());
    const { state, lost } = applySession(watching, session, 0);
    expect(lost).toBe("nothing");
    expect(state.watchingRoomId).toBeNull();
  });
});

describe("applyKicked", () => {
  it("takes us out of the room on screen and keeps a late push from bringing it back", () => {
    const seated = applyRoomState(signedIn(), room({ version: 2, phase: "waiting" }));
    const { state, wasHere } = applyKicked(seated, "room-1");
    expect(wasHere).toBe(true);
    expect(state.room).toBeNull();
    expect(state.queue).toEqual({ state: "idle" });
    expect(applyRoomState(state, room({ version: 2, phase: "waiting" })).room).toBeNull();
  });

  it("is a no-op for the screen when it names another room", () => {
    const seated = applyRoomState(signedIn(), room());
    const { state, wasHere } = applyKicked(seated, "room-9");
    expect(wasHere).toBe(false);
    expect(state.room?.id).toBe("room-1");
  });
});

describe("the rejoin offer", () => {
  const offer: RejoinOffer = { mode: "connect-four", phase: "playing", with: ["Grace"], awayUntil: 30_000 };
  const offered = () => applySession(initialState, { ...session, rejoin: offer }, 9_000).state;

  it("comes with the session and stays on offer while the player looks around the lobby", () => {
    expect(offered().rejoinOffer).toEqual(offer);
    expect(applyQueueStatus(offered(), { state: "idle" }).rejoinOffer).toEqual(offer);
  });

  it("goes once the player queues or sits down elsewhere", () => {
    expect(applyQueueStatus(offered(), queued("trails", 1)).rejoinOffer).toBeNull();
    expect(applyRoomState(offered(), room({ id: "room-7" })).rejoinOffer).toBeNull();
    expect(applyWatching(offered(), strangersRoom()).rejoinOffer).toBeNull();
  });

  it("is taken once: the session that answers the rejoin has none", () => {
    const rejoining = startRejoin(offered());
    expect(rejoining.rejoining).toBe(true);
    expect(startRejoin(rejoining)).toBe(rejoining);
    const back = applySession(rejoining, { ...session, player: { id: "me-old", name: "Ada" }, resumed: true }, 9_000);
    expect(back.state).toMatchObject({ rejoining: false, rejoinOffer: null });
  });

  it("outlives a dropped connection that resumed the same session, which never carries one", () => {
    const { state } = applySession(offered(), { ...session, resumed: true }, 9_500);
    expect(state.rejoinOffer).toEqual(offer);
  });

  it("cannot be taken when there is none", () => {
    expect(startRejoin(signedIn()).rejoining).toBe(false);
  });

  it("is forgotten on signing out", () => {
    expect(signedOut(startRejoin(offered()), null)).toMatchObject({ rejoinOffer: null, rejoining: false });
  });
});

describe("signedOut", () => {
  it("keeps a pending invite so the next Play still joins it", () => {
    const pending = { ...signedIn(), pendingJoin: "ABC234" };
    expect(signedOut(pending, null).pendingJoin).toBe("ABC234");
    expect(signedOut(pending, null).session).toBeNull();
  });
});

describe("toasts", () => {
  it("keeps only the newest few, oldest first, and removes by id", () => {
    let state = initialState;
    for (let id = 1; id <= MAX_TOASTS + 2; id++) {
      state = addToast(state, { id, kind: "error", message: `error ${id}` });
    }
    expect(state.toasts.map((t) => t.id)).toEqual([3, 4]);
    expect(removeToast(state, 4).toasts.map((t) => t.id)).toEqual([3]);
    expect(removeToast(state, 99)).toBe(state);
  });

  it("does not stack a copy of a message already on screen", () => {
    const once = addToast(initialState, { id: 1, kind: "error", message: "Too fast." });
    expect(addToast(once, { id: 2, kind: "error", message: "Too fast." })).toBe(once);
  });
});

describe("a busy server", () => {
  it("is noted when it refuses the handshake as busy, and forgotten on any other failure or once connected", () => {
    const busy = applyConnectError({ ...initialState, joining: true }, ErrorCode.ServerBusy);
    expect(busy.serverBusy).toBe(true);
    expect(applyConnection(busy, "reconnecting").serverBusy).toBe(true);
    expect(applyConnection(busy, "connected")).toMatchObject({ connection: "connected", serverBusy: false });
    expect(applyConnectError(busy, null).serverBusy).toBe(false);
    expect(applyConnectError(busy, ErrorCode.InvalidName).serverBusy).toBe(false);
  });

  it("is forgotten when a session arrives", () => {
    const busy = applyConnectError(initialState, ErrorCode.ServerBusy);
    expect(applySession(busy, session, 0).state.serverBusy).toBe(false);
  });
});
