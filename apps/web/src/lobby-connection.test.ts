import { ErrorCode } from "@lobby/contracts";
import { describe, expect, it } from "vitest";
import { FakeLobbyClient } from "./fake-lobby-client";
import {
  DISCONNECTED_MESSAGE,
  KICKED_MESSAGE,
  REPLACED_MESSAGE,
  createLobbyConnection,
  type SessionMemory,
} from "./lobby-connection";
import { initialState, setPendingJoin, type LobbyState, type ToastKind } from "./lobby-state";
import { room, session, summary } from "./test-fixtures";

/** This tab's storage, in memory. */
class FakeSessionMemory implements SessionMemory {
  name: string | null = null;
  constructor(public saved: { name: string; token: string } | null) {}
  rememberName = (name: string) => {
    this.name = name;
  };
  loadSavedSession = () => this.saved;
  loadSessionToken = (name: string) => (this.saved?.name === name ? this.saved.token : undefined);
  rememberSessionToken = (name: string, token: string) => {
    this.saved = { name, token };
  };
  forgetSessionToken = () => {
    this.saved = null;
  };
}

/** A connection over fake clients, a plain store and an in-memory session memory. */
function setup(saved: { name: string; token: string } | null = null) {
  let state: LobbyState = initialState;
  const update = (transition: (s: LobbyState) => LobbyState) => {
    state = transition(state);
  };
  const toasts: { kind: ToastKind; message: string }[] = [];
  const clients: FakeLobbyClient[] = [];
  const memory = new FakeSessionMemory(saved);
  const connection = createLobbyConnection({
    createClient: (options) => {
      const client = new FakeLobbyClient(options);
      clients.push(client);
      return client;
    },
    store: {
      getState: () => state,
      update,
      showToast: (kind, message) => {
        toasts.push({ kind, message });
      },
    },
    memory,
    now: () => 9_000,
  });
  /** The client the connection made last. */
  const client = () => {
    const last = clients.at(-1);
    if (!last) throw new Error("No client was created");
    return last;
  };
  return { connection, clients, client, memory, toasts, update, state: () => state };
}

/** A connection signed in as Ada. */
function signedIn() {
  const t = setup();
  t.connection.joinLobby("Ada");
  t.client().accept(session);
  return t;
}

/** Let every answer already given run its awaiting code (they all settle in microtasks). */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

describe("joining", () => {
  it("connects under the parsed name and signs in when the session arrives", () => {
    const t = setup();
    t.connection.joinLobby("  Ada ");
    expect(t.client().options).toEqual({ name: "Ada" });
    expect(t.memory.name).toBe("Ada");
    expect(t.state()).toMatchObject({ joining: true, nameError: null, connection: "connecting" });
    t.client().accept(session);
    expect(t.state()).toMatchObject({ joining: false, session, connection: "connected", clockOffsetMs: 1_000 });
    expect(t.memory.saved).toEqual({ name: "Ada", token: "token-1" });
  });

  it("turns an unusable name away without connecting", () => {
    const t = setup();
    t.connection.joinLobby("   ");
    expect(t.clients).toEqual([]);
    expect(t.state().nameError).toBe("Name must not be empty.");
    t.connection.clearNameError();
    expect(t.state().nameError).toBeNull();
  });

  it("puts a refused handshake in nameError, closes that client and ignores it from then on", async () => {
    const t = setup();
    t.connection.joinLobby("Ada");
    const refused = t.client();
    refused.refuse(ErrorCode.InvalidName, "Name is reserved");
    await settle();
    expect(t.state()).toMatchObject({ joining: false, session: null, connection: "idle" });
    expect(t.state().nameError).toBe("That name can't be used: name is reserved.");
    expect(refused.disconnected).toBe(true);
    refused.push("lobby:stats", { online: 9, queues: session.stats.queues });
    expect(t.state().stats).toBeNull();
  });

  it("shows a busy server while the SDK retries, until it gets in", () => {
    const t = setup();
    t.connection.joinLobby("Ada");
    t.client().refuseOnce(ErrorCode.ServerBusy, "Busy.");
    t.client().setState("reconnecting");
    expect(t.state()).toMatchObject({ serverBusy: true, connection: "reconnecting", joining: true });
    t.client().accept(session);
    expect(t.state()).toMatchObject({ serverBusy: false, connection: "connected" });
  });

  it("can give up on a handshake, or sign out and forget the session", () => {
    const t = setup();
    t.connection.joinLobby("Ada");
    t.connection.cancelJoin();
    expect(t.client().disconnected).toBe(true);
    expect(t.state()).toMatchObject({ joining: false, connection: "idle", nameError: null });

    t.connection.joinLobby("Ada");
    t.client().accept(session);
    t.connection.changeName();
    expect(t.client().disconnected).toBe(true);
    expect(t.memory.saved).toBeNull();
    expect(t.state()).toMatchObject({ session: null, connection: "idle", nameError: null });
  });
});

describe("resuming a saved session", () => {
  it("reconnects a reloaded tab under its name with its token", () => {
    const t = setup({ name: "Ada", token: "token-0" });
    t.connection.resumeSavedSession();
    expect(t.client().options).toEqual({ name: "Ada", token: "token-0" });
  });

  it("does nothing when this tab had no session", () => {
    const t = setup();
    t.connection.resumeSavedSession();
    expect(t.clients).toEqual([]);
  });

  it("never presents one name's token under another name", () => {
    const t = setup({ name: "Ada", token: "token-0" });
    t.connection.joinLobby("Bob");
    expect(t.client().options).toEqual({ name: "Bob" });
  });

  it("joins the room of a shared link after a resume, quietly when the seat is already ours", async () => {
    const t = setup({ name: "Ada", token: "token-0" });
    t.connection.resumeSavedSession();
    // The page was opened at /r/ABC234.
    t.update((s) => setPendingJoin(s, "ABC234"));
    t.client().accept({ ...session, resumed: true });
    expect(t.client().calls).toMatchObject([{ method: "joinRoom", args: ["ABC234"] }]);
    t.client().answer("joinRoom", { ok: false, error: { code: ErrorCode.AlreadySeated, message: "Seated." } });
    await settle();
    expect(t.state().pendingJoin).toBeNull();
    expect(t.toasts).toEqual([]);
  });
});

describe("the room browser", () => {
  it("subscribes once connected and shows the answer", async () => {
    const t = setup();
    t.connection.joinLobby("Ada");
    t.connection.openRoomBrowser();
    expect(t.client().methods).toEqual([]);
    t.client().accept(session);
    expect(t.client().methods).toEqual(["subscribeRooms"]);
    t.client().answer("subscribeRooms", { ok: true, data: { rooms: [summary()], total: 1 } });
    await settle();
    expect(t.state().rooms).toEqual([summary()]);
    t.client().push("rooms:upsert", summary({ id: "room-2", code: "XYZ789" }));
    expect(t.state().rooms?.map((r) => r.id)).toEqual(["room-1", "room-2"]);
  });

  it("drops an answer that comes after the browser closed, and unsubscribes", async () => {
    const t = signedIn();
    t.connection.openRoomBrowser();
    t.connection.closeRoomBrowser();
    expect(t.client().methods).toEqual(["subscribeRooms", "unsubscribeRooms"]);
    t.client().answer("subscribeRooms", { ok: true, data: { rooms: [summary()], total: 1 } });
    await settle();
    expect(t.state().rooms).toBeNull();
  });

  it("shows only the answer to the latest subscribe", async () => {
    const t = signedIn();
    t.connection.openRoomBrowser();
    t.connection.openRoomBrowser();
    t.client().answer("subscribeRooms", { ok: true, data: { rooms: [summary({ id: "old" })], total: 1 } });
    await settle();
    expect(t.state().rooms).toBeNull();
    t.client().answer("subscribeRooms", { ok: true, data: { rooms: [summary({ id: "new" })], total: 1 } });
    await settle();
    expect(t.state().rooms?.map((r) => r.id)).toEqual(["new"]);
  });

  it("subscribes again when a new session arrives, since subscriptions end with the connection", () => {
    const t = signedIn();
    t.connection.openRoomBrowser();
    t.client().setState("reconnecting");
    t.client().accept({ ...session, token: "token-2" });
    expect(t.client().methods).toEqual(["subscribeRooms", "subscribeRooms"]);
  });

  it("sends no unsubscribe while disconnected", () => {
    const t = signedIn();
    t.client().setState("reconnecting");
    t.connection.closeRoomBrowser();
    expect(t.client().methods).toEqual([]);
  });
});

describe("requests", () => {
  it("without a client, says so and resolves null", async () => {
    const t = setup();
    expect(await t.connection.request((c) => c.cancelQueue())).toBeNull();
    expect(t.toasts).toEqual([{ kind: "error", message: expect.stringContaining("not connected") as string }]);
  });

  it("shows a refusal as a toast unless it is routine there", async () => {
    const t = signedIn();
    const loud = t.connection.request((c) => c.startGame());
    t.client().answer("startGame", { ok: false, error: { code: ErrorCode.NotHost, message: "Not the host." } });
    expect(await loud).toMatchObject({ ok: false });
    const quiet = t.connection.request((c) => c.startGame(), { quiet: (e) => e.code === ErrorCode.NotHost });
    t.client().answer("startGame", { ok: false, error: { code: ErrorCode.NotHost, message: "Not the host." } });
    expect(await quiet).toMatchObject({ ok: false });
    expect(t.toasts).toEqual([{ kind: "error", message: "Only the host can do that." }]);
  });

  it("drops an answer that belongs to a client since replaced", async () => {
    const t = signedIn();
    const old = t.client();
    const pending = t.connection.request((c) => c.quickMatch("connect-four"));
    const refused = t.connection.request((c) => c.startGame());
    t.connection.joinLobby("Ada");
    expect(old.disconnected).toBe(true);
    expect(t.client()).not.toBe(old);
    old.answer("quickMatch", { ok: true, data: { state: "queued", mode: "connect-four", joinedAt: 1 } });
    old.answer("startGame", { ok: false, error: { code: ErrorCode.NotHost, message: "Not the host." } });
    expect(await pending).toBeNull();
    expect(await refused).toBeNull();
    expect(t.toasts).toEqual([]);
    expect(t.state().queue).toEqual({ state: "idle" });
  });

  it("enters a room by code, and watches it instead when a shared link's game has started", async () => {
    const t = signedIn();
    const entering = t.connection.enterByCode("ABC234", true);
    t.client().answer("joinRoom", { ok: false, error: { code: ErrorCode.RoomInPlay, message: "Started." } });
    await settle();
    t.client().answer("watchRoom", { ok: true, data: room({ seats: [] }) });
    expect(await entering).toBe(true);
    expect(t.state()).toMatchObject({ watchingRoomId: "room-1" });
    expect(t.toasts.map((toast) => toast.kind)).toEqual(["info"]);
  });
});

describe("being removed", () => {
  it("leaves the room on a kick and says why, in the server's words or ours", () => {
    const t = signedIn();
    t.connection.enteredRoom(room());
    t.client().push("room:kicked", { roomId: "room-1", reason: "" });
    expect(t.state().room).toBeNull();
    t.connection.enteredRoom(room({ id: "room-2" }));
    t.client().push("room:kicked", { roomId: "room-2", reason: "The room closed." });
    t.client().push("room:kicked", { roomId: "room-3", reason: "Not ours." });
    expect(t.toasts).toEqual([
      { kind: "error", message: KICKED_MESSAGE },
      { kind: "error", message: "The room closed." },
    ]);
  });

  it("stops when another tab takes the session over, and ignores that client afterwards", () => {
    const t = signedIn();
    const replaced = t.client();
    replaced.setState("replaced");
    expect(replaced.disconnected).toBe(true);
    expect(t.state()).toMatchObject({ session: null, connection: "idle", nameError: REPLACED_MESSAGE });
    replaced.push("room:state", room());
    expect(t.state().room).toBeNull();
  });

  it("signs out when the server drops a signed-in player for good", () => {
    const t = signedIn();
    t.client().setState("disconnected");
    expect(t.state()).toMatchObject({ session: null, nameError: DISCONNECTED_MESSAGE });
  });

  it("says what a reconnect under a new session lost", () => {
    const t = signedIn();
    t.client().push("queue:status", { state: "queued", mode: "connect-four", joinedAt: 1 });
    t.client().setState("reconnecting");
    expect(t.state().connection).toBe("reconnecting");
    t.client().accept({ ...session, player: { id: "me-2", name: "Ada" } });
    expect(t.state().queue).toEqual({ state: "idle" });
    expect(t.toasts).toEqual([
      { kind: "info", message: expect.stringContaining("dropped out of the queue") as string },
    ]);
  });
});

describe("latency", () => {
  it("adds our own round trip when the room has not reported it yet", () => {
    const t = signedIn();
    t.client().rttMs = 42;
    t.connection.enteredRoom(room());
    t.client().push("room:latency", { roomId: "room-1", rttMs: { them: 80 } });
    expect(t.state().latency).toEqual({ roomId: "room-1", rttMs: { them: 80, me: 42 } });
    expect(t.connection.ownRttMs()).toBe(42);
  });
});
