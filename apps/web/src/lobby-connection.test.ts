import { ErrorCode, type RejoinOffer } from "@lobby/contracts";
import { describe, expect, it } from "vitest";
import { KICKED_MESSAGE } from "./client-events";
import { DISCONNECTED_MESSAGE, REPLACED_MESSAGE } from "./lobby-connection";
import { setPendingJoin } from "./lobby-state";
import { REJOIN_FAILED_MESSAGE, rejoinLostMessage } from "./rejoin-offer";
import { settle, setup, signedIn } from "./test-connection";
import { queued, room, session, summary } from "./test-fixtures";

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

describe("signing in on start-up", () => {
  it("reconnects a reloaded tab under its name with its token", () => {
    const t = setup({ name: "Ada", token: "token-0" });
    t.connection.signInOnStartUp();
    expect(t.client().options).toEqual({ name: "Ada", token: "token-0" });
    expect(t.state()).toMatchObject({ joining: true, autoSignIn: "Ada" });
  });

  it("does nothing when this tab had no session and the device knows nobody", () => {
    const t = setup();
    t.connection.signInOnStartUp();
    expect(t.clients).toEqual([]);
  });

  it("signs a returning player in at once under the remembered name, with the device's identity", () => {
    const t = setup(null, { name: "Ada", identity: "identity-0" });
    t.connection.signInOnStartUp();
    expect(t.client().options).toEqual({ name: "Ada", identity: "identity-0" });
    expect(t.state()).toMatchObject({ joining: true, autoSignIn: "Ada" });
    t.client().accept(session);
    expect(t.state()).toMatchObject({ session, joining: false, autoSignIn: null });
  });

  it("asks for the name when the device has only a name, or only an identity", () => {
    for (const device of [{ name: "Ada" }, { identity: "identity-0" }]) {
      const t = setup(null, device);
      t.connection.signInOnStartUp();
      expect(t.clients).toEqual([]);
      expect(t.state()).toMatchObject({ joining: false, autoSignIn: null });
    }
  });

  it("falls back to the name screen, saying why, when the server turns the returning player away", async () => {
    const t = setup(null, { name: "Ada", identity: "identity-0" });
    t.connection.signInOnStartUp();
    t.client().refuse(ErrorCode.TooManySessions, "Too many.");
    await settle();
    expect(t.state()).toMatchObject({ joining: false, autoSignIn: null, session: null });
    expect(t.state().nameError).toContain("Too many players joined");
  });

  it("lets the player stop and pick another name instead", () => {
    const t = setup(null, { name: "Ada", identity: "identity-0" });
    t.connection.signInOnStartUp();
    t.connection.cancelJoin();
    expect(t.client().disconnected).toBe(true);
    expect(t.state()).toMatchObject({ joining: false, autoSignIn: null, session: null });
  });

  it("never presents one name's token under another name", () => {
    const t = setup({ name: "Ada", token: "token-0" });
    t.connection.joinLobby("Bob");
    expect(t.client().options).toEqual({ name: "Bob" });
  });

  it("says in the page, not a toast, when a shared link's room does not exist", async () => {
    const t = setup();
    t.update((s) => setPendingJoin(s, "ABC234"));
    t.connection.joinLobby("Ada");
    t.client().accept(session);
    t.client().answer("joinRoom", { ok: false, error: { code: ErrorCode.RoomNotFound, message: "No room." } });
    await settle();
    expect(t.state().pendingJoin).toBeNull();
    expect(t.state().notice).toMatchObject({ kind: "link", title: "Couldn't join room ABC234" });
    expect(t.state().notice?.message).toContain("No room has that code");
    expect(t.toasts).toEqual([]);
  });

  it("watches a shared link's game that has already started", async () => {
    const t = setup();
    t.update((s) => setPendingJoin(s, "ABC234"));
    t.connection.joinLobby("Ada");
    t.client().accept(session);
    t.client().answer("joinRoom", { ok: false, error: { code: ErrorCode.RoomInPlay, message: "Started." } });
    await settle();
    t.client().answer("watchRoom", { ok: true, data: room({ seats: [] }) });
    await settle();
    expect(t.state()).toMatchObject({ watchingRoomId: "room-1", notice: null });
    expect(t.toasts.map((toast) => toast.kind)).toEqual(["info"]);
  });

  it("joins the room of a shared link after a resume, quietly when the seat is already ours", async () => {
    const t = setup({ name: "Ada", token: "token-0" });
    t.connection.signInOnStartUp();
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

describe("the device's identity", () => {
  it("is passed when connecting, and the newest one is kept from every session", () => {
    const t = setup(null, { identity: "identity-0" });
    t.connection.joinLobby("Ada");
    expect(t.client().options).toEqual({ name: "Ada", identity: "identity-0" });
    expect(t.state().autoSignIn).toBeNull();
    t.client().accept(session);
    expect(t.memory.identity).toBe("identity-1");
    // Every connection, a reconnect too, brings a new one.
    t.client().setState("reconnecting");
    t.client().accept({ ...session, resumed: true, identity: "identity-2" });
    expect(t.memory.identity).toBe("identity-2");
  });

  it("is first given to a device that had none", () => {
    const t = setup();
    t.connection.joinLobby("Ada");
    expect(t.client().options).toEqual({ name: "Ada" });
    t.client().accept(session);
    expect(t.memory.identity).toBe("identity-1");
  });

  it("is kept when the player changes name", () => {
    const t = signedIn();
    t.connection.changeName();
    t.connection.joinLobby("Bea");
    expect(t.client().options).toEqual({ name: "Bea", identity: "identity-1" });
  });
});

describe("rejoining a game left behind", () => {
  const offer: RejoinOffer = { mode: "connect-four", phase: "playing", with: ["Grace"], awayUntil: 30_000 };
  /** Ada's new lobby session, in a new tab, while her old one sits in a game. */
  const lobbySession = { ...session, player: { id: "me-lobby", name: "Ada" }, rejoin: offer };
  /** The old session, taken over: the player seated in room(). */
  const resumedSession = { ...session, token: "token-9", resumed: true };

  function offered() {
    const t = setup(null, { name: "Ada", identity: "identity-0" });
    t.connection.signInOnStartUp();
    t.client().accept(lobbySession);
    return t;
  }

  it("offers the game the session carries", () => {
    expect(offered().state().rejoinOffer).toEqual(offer);
  });

  it("takes the player back into the game's room in one click, on the same client", () => {
    const t = offered();
    t.connection.rejoinGame();
    t.connection.rejoinGame();
    expect(t.client().rejoins).toBe(1);
    expect(t.clients).toHaveLength(1);
    // The SDK closes the connection on purpose to open it again: that is no sign-out.
    expect(t.state()).toMatchObject({ rejoining: true, session: lobbySession, connection: "connecting" });
    t.client().accept(resumedSession);
    expect(t.state()).toMatchObject({ rejoining: false, rejoinOffer: null, session: resumedSession });
    t.client().push("room:state", room());
    expect(t.state().room?.id).toBe("room-1");
    expect(t.memory.saved).toEqual({ name: "Ada", token: "token-9" });
    // Nothing was lost and nothing needs saying: the room is on screen.
    expect(t.toasts).toEqual([]);
  });

  it("says so when the place was lost meanwhile, and stops offering it", async () => {
    const t = offered();
    t.connection.rejoinGame();
    t.client().accept({ ...session, player: { id: "me-new", name: "Ada" } });
    await settle();
    expect(t.state()).toMatchObject({ rejoining: false, rejoinOffer: null, room: null });
    expect(t.toasts).toEqual([{ kind: "info", message: rejoinLostMessage(offer) }]);
  });

  it("on a refusal, says why, drops the offer and signs in again with the lobby still on screen", async () => {
    const t = offered();
    const refused = t.client();
    t.connection.rejoinGame();
    refused.refuse(ErrorCode.TooManyConnections, "Too many.");
    await settle();
    expect(refused.disconnected).toBe(true);
    expect(t.toasts).toEqual([
      {
        kind: "error",
        message: `${REJOIN_FAILED_MESSAGE} Too many Lobby tabs are open on your network. Close one, then try again.`,
      },
    ]);
    expect(t.state()).toMatchObject({ rejoinOffer: null, session: lobbySession, joining: true });
    expect(t.client()).not.toBe(refused);
    // With the lobby session's token, to carry on with it if the server still holds it.
    expect(t.client().options).toEqual({ name: "Ada", token: "token-1", identity: "identity-1" });
    t.client().accept({ ...lobbySession, resumed: true, rejoin: null });
    expect(t.state()).toMatchObject({ rejoining: false, rejoinOffer: null, joining: false });
    expect(t.toasts).toHaveLength(1);
  });

  it("keeps the offer across a dropped connection that resumed the same session", () => {
    const t = offered();
    t.client().setState("reconnecting");
    t.client().accept({ ...lobbySession, resumed: true, rejoin: null });
    expect(t.state().rejoinOffer).toEqual(offer);
  });

  it("stops offering it once the player queues for another game", () => {
    const t = offered();
    t.client().push("queue:status", queued("trails", 1));
    expect(t.state().rejoinOffer).toBeNull();
  });

  it("does nothing without an offer", () => {
    const t = signedIn();
    t.connection.rejoinGame();
    expect(t.client().rejoins).toBe(0);
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

describe("being removed", () => {
  it("leaves the room on a kick and says why, in the server's words or ours, until dismissed", () => {
    const t = signedIn();
    t.connection.enteredRoom(room());
    t.client().push("room:kicked", { roomId: "room-1", reason: "" });
    expect(t.state().room).toBeNull();
    t.connection.enteredRoom(room({ id: "room-2" }));
    t.client().push("room:kicked", { roomId: "room-2", reason: "The room closed." });
    t.client().push("room:kicked", { roomId: "room-3", reason: "Not ours." });
    expect(t.toasts).toEqual([
      { kind: "error", message: KICKED_MESSAGE, sticky: true },
      { kind: "error", message: "The room closed.", sticky: true },
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
    t.client().push("queue:status", queued("connect-four", 1));
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
    const samples = t.state().latency?.samples;
    expect(samples?.them?.map((sample) => sample.rttMs)).toEqual([80]);
    expect(samples?.me?.map((sample) => sample.rttMs)).toEqual([42]);
  });
});

describe("a reconnect that could not resume", () => {
  /** An identity token of the shape the server signs. */
  const identity = (id: string, generation = 1) => `i1.${id}.lz3k9.${generation}.${"s".repeat(43)}`;

  function seatedInAGame() {
    const t = setup(null, { identity: identity("device") });
    t.connection.joinLobby("Ada");
    t.client().accept({ ...session, identity: identity("device", 2) });
    t.connection.enteredRoom(room());
    expect(t.state().room?.phase).toBe("playing");
    t.client().setState("reconnecting");
    return t;
  }

  it("tells a player the restarted server lost their game, in a notice they dismiss, not a toast", () => {
    const t = seatedInAGame();
    // The server no longer knew the device: a server that lost its memory.
    t.client().accept({ ...session, player: { id: "me-2", name: "Ada" }, identity: identity("new-device") });
    expect(t.state().room).toBeNull();
    expect(t.state().notice).toMatchObject({ kind: "server-restarted", title: "The server restarted" });
    expect(t.toasts).toEqual([]);
    // Another reconnect, under the identity it now knows, is no restart.
    t.client().setState("reconnecting");
    t.client().accept({ ...session, player: { id: "me-3", name: "Ada" }, identity: identity("new-device", 2) });
    expect(t.toasts).toEqual([{ kind: "info", message: "You're back online." }]);
  });

  it("tells a player who was away too long that their seat went", () => {
    const t = seatedInAGame();
    t.client().accept({ ...session, player: { id: "me-2", name: "Ada" }, identity: identity("device", 3) });
    expect(t.state().notice).toMatchObject({ kind: "seat-lost" });
  });
});
