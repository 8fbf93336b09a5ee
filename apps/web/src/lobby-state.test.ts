import type { ConnectFourView, RoomView, Session } from "@lobby/contracts";
import { describe, expect, it } from "vitest";
import {
  MAX_TOASTS,
  addToast,
  applyLeftRoom,
  applyQueueStatus,
  applyRoomState,
  applySession,
  initialState,
  removeToast,
  type LobbyState,
} from "./lobby-state";

const ME = { id: "me", name: "Ada" };
const THEM = { id: "them", name: "Grace" };

const session: Session = {
  player: ME,
  modes: [
    {
      id: "connect-four",
      name: "Connect Four",
      description: "Four in a row.",
      minPlayers: 2,
      maxPlayers: 2,
      quickMatchPlayers: 2,
    },
  ],
  serverTime: 10_000,
};

const emptyBoard: ConnectFourView = {
  mode: "connect-four",
  rows: 6,
  columns: 7,
  board: Array<number | null>(42).fill(null),
  turn: 0,
  moves: 0,
  lastMove: null,
  winLine: null,
};

function room(overrides: Partial<RoomView> = {}, myStatus: "connected" | "left" = "connected"): RoomView {
  return {
    id: "room-1",
    mode: "connect-four",
    phase: "playing",
    version: 1,
    round: 1,
    seats: [
      { seat: 0, player: ME, status: myStatus, graceEndsAt: null, wantsRematch: false },
      { seat: 1, player: THEM, status: "connected", graceEndsAt: null, wantsRematch: false },
    ],
    game: emptyBoard,
    result: null,
    ...overrides,
  };
}

function signedIn(): LobbyState {
  return applySession(initialState, session, 9_000).state;
}

describe("applySession", () => {
  it("measures the server clock offset and reports nothing lost on the first session", () => {
    const { state, lost } = applySession(initialState, session, 9_000);
    expect(state.session).toBe(session);
    expect(state.clockOffsetMs).toBe(1_000);
    expect(lost).toBeNull();
  });

  it("clears the room on a reconnect, because the server has forgotten the old player", () => {
    const seated = applyRoomState(signedIn(), room());
    expect(seated.room).not.toBeNull();
    const { state, lost } = applySession(seated, { ...session, player: { id: "me-2", name: "Ada" } }, 9_500);
    expect(lost).toBe("room");
    expect(state.room).toBeNull();
    expect(state.queue).toEqual({ state: "idle" });
  });

  it("reports a lost queue entry on a reconnect", () => {
    const queued = applyQueueStatus(signedIn(), { state: "queued", mode: "connect-four", joinedAt: 1 });
    expect(applySession(queued, session, 0).lost).toBe("queue");
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
    expect(applyRoomState(left, room({ version: 9 })).room).toBeNull();
  });

  it("ignores rooms that do not seat us", () => {
    const strangers = room();
    strangers.seats = strangers.seats.map((s) => ({ ...s, player: { id: `x${s.seat}`, name: "X" } }));
    expect(applyRoomState(signedIn(), strangers).room).toBeNull();
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
    const stale = applyQueueStatus(matched, { state: "queued", mode: "connect-four", joinedAt: 5 });
    expect(stale.queue.state).toBe("matched");
  });

  it("keeps the queue idle once seated, even if an old queued status arrives", () => {
    const seated = applyRoomState(signedIn(), room());
    const after = applyQueueStatus(seated, { state: "queued", mode: "connect-four", joinedAt: 5 });
    expect(after.queue).toEqual({ state: "idle" });
    expect(after.room?.id).toBe("room-1");
  });

  it("returns to idle when the queue is left", () => {
    const queued = applyQueueStatus(signedIn(), { state: "queued", mode: "connect-four", joinedAt: 5 });
    expect(applyQueueStatus(queued, { state: "idle" }).queue).toEqual({ state: "idle" });
  });
});

describe("toasts", () => {
  it("keeps only the newest few, oldest first, and removes by id", () => {
    let state = initialState;
    for (let id = 1; id <= MAX_TOASTS + 2; id++) {
      state = addToast(state, { id, kind: "error", message: `error ${id}` });
    }
    expect(state.toasts.map((t) => t.id)).toEqual([3, 4, 5]);
    expect(removeToast(state, 4).toasts.map((t) => t.id)).toEqual([3, 5]);
    expect(removeToast(state, 99)).toBe(state);
  });
});
