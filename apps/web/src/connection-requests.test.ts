import { ErrorCode } from "@lobby/contracts";
import { describe, expect, it } from "vitest";
import { setup, signedIn } from "./test-connection";
import { leaderboard, profile, queued, room, session } from "./test-fixtures";

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
    old.answer("quickMatch", { ok: true, data: queued("connect-four", 1) });
    old.answer("startGame", { ok: false, error: { code: ErrorCode.NotHost, message: "Not the host." } });
    expect(await pending).toBeNull();
    expect(await refused).toBeNull();
    expect(t.toasts).toEqual([]);
    expect(t.state().queue).toEqual({ state: "idle" });
  });

  it("enters a room by code", async () => {
    const t = signedIn();
    const entering = t.connection.enterByCode("ABC234");
    t.client().answer("joinRoom", { ok: true, data: room() });
    expect(await entering).toBe("entered");
    expect(t.state().room?.id).toBe("room-1");
  });

  it("leaves a game that has started to the caller when it offers to watch, and says so otherwise", async () => {
    const t = signedIn();
    const started = { ok: false as const, error: { code: ErrorCode.RoomInPlay, message: "Started." } };
    const offered = t.connection.enterByCode("ABC234", true);
    t.client().answer("joinRoom", started);
    expect(await offered).toBe("started");
    expect(t.toasts).toEqual([]);
    const plain = t.connection.enterByCode("ABC234");
    t.client().answer("joinRoom", started);
    expect(await plain).toBe("started");
    expect(t.toasts).toEqual([{ kind: "error", message: expect.stringContaining("watch it instead") as string }]);
    const full = t.connection.enterByCode("ABC234", true);
    t.client().answer("joinRoom", { ok: false, error: { code: ErrorCode.RoomFull, message: "Full." } });
    expect(await full).toBe("refused");
  });
});

describe("the profile", () => {
  it("is fetched through the connection and kept for the profile dialog", async () => {
    const t = signedIn();
    expect(t.state().profile).toBeNull();
    const loading = t.connection.loadProfile();
    expect(t.client().methods).toEqual(["profile"]);
    t.client().answer("profile", { ok: true, data: profile });
    expect(await loading).toBe(true);
    expect(t.state().profile).toEqual(profile);
  });

  it("is fetched fresh every time, the newest answer replacing the last", async () => {
    const t = signedIn();
    const first = t.connection.loadProfile();
    t.client().answer("profile", { ok: true, data: { ratings: [], history: [] } });
    await first;
    const again = t.connection.loadProfile();
    t.client().answer("profile", { ok: true, data: profile });
    expect(await again).toBe(true);
    expect(t.client().methods).toEqual(["profile", "profile"]);
    expect(t.state().profile).toEqual(profile);
  });

  it("keeps what it had on a refusal, which is a toast unless asked to be quiet", async () => {
    const t = signedIn();
    const first = t.connection.loadProfile();
    t.client().answer("profile", { ok: true, data: profile });
    await first;
    const busy = { ok: false as const, error: { code: ErrorCode.ServerBusy, message: "Busy." } };
    const loud = t.connection.loadProfile();
    t.client().answer("profile", busy);
    expect(await loud).toBe(false);
    const quiet = t.connection.loadProfile({ quiet: () => true });
    t.client().answer("profile", busy);
    expect(await quiet).toBe(false);
    expect(t.state().profile).toEqual(profile);
    expect(t.toasts.map((toast) => toast.kind)).toEqual(["error"]);
  });

  it("drops an answer for a replaced client, and is forgotten on signing out", async () => {
    const t = signedIn();
    const old = t.client();
    const stale = t.connection.loadProfile();
    t.connection.joinLobby("Ada");
    old.answer("profile", { ok: true, data: profile });
    expect(await stale).toBe(false);
    expect(t.state().profile).toBeNull();

    t.client().accept(session);
    const fresh = t.connection.loadProfile();
    t.client().answer("profile", { ok: true, data: profile });
    expect(await fresh).toBe(true);
    t.connection.changeName();
    expect(t.state().profile).toBeNull();
  });
});

describe("the leaderboards", () => {
  const trails = { ...leaderboard, mode: "trails" as const, top: [], you: null, youAt: null, total: 0 };

  it("are fetched through the connection for a mode, and kept under it for the leaderboard dialog", async () => {
    const t = signedIn();
    expect(t.state().leaderboards).toEqual({});
    const loading = t.connection.loadLeaderboard("connect-four");
    expect(t.client().methods).toEqual(["leaderboard"]);
    expect(t.client().calls[0]?.args).toEqual(["connect-four"]);
    t.client().answer("leaderboard", { ok: true, data: leaderboard });
    expect(await loading).toBe(true);
    expect(t.state().leaderboards).toEqual({ "connect-four": leaderboard });
  });

  it("keep each mode's answer under its own mode, whatever order the answers come in", async () => {
    const t = signedIn();
    const first = t.connection.loadLeaderboard("connect-four");
    const second = t.connection.loadLeaderboard("trails");
    const [forConnectFour, forTrails] = t.client().calls;
    expect([forConnectFour?.args, forTrails?.args]).toEqual([["connect-four"], ["trails"]]);
    // The later request is answered first.
    forTrails?.answer({ ok: true, data: trails });
    forConnectFour?.answer({ ok: true, data: leaderboard });
    expect(await Promise.all([first, second])).toEqual([true, true]);
    expect(t.state().leaderboards).toEqual({ "connect-four": leaderboard, trails });
  });

  it("keep what they had on a refusal, which is a toast unless asked to be quiet", async () => {
    const t = signedIn();
    const first = t.connection.loadLeaderboard("connect-four");
    t.client().answer("leaderboard", { ok: true, data: leaderboard });
    await first;
    const busy = { ok: false as const, error: { code: ErrorCode.ServerBusy, message: "Busy." } };
    const loud = t.connection.loadLeaderboard("connect-four");
    t.client().answer("leaderboard", busy);
    expect(await loud).toBe(false);
    const quiet = t.connection.loadLeaderboard("connect-four", { quiet: () => true });
    t.client().answer("leaderboard", busy);
    expect(await quiet).toBe(false);
    expect(t.state().leaderboards).toEqual({ "connect-four": leaderboard });
    expect(t.toasts.map((toast) => toast.kind)).toEqual(["error"]);
  });

  it("drop an answer for a replaced client, and are forgotten on signing out", async () => {
    const t = signedIn();
    const old = t.client();
    const stale = t.connection.loadLeaderboard("connect-four");
    t.connection.joinLobby("Ada");
    old.answer("leaderboard", { ok: true, data: leaderboard });
    expect(await stale).toBe(false);
    expect(t.state().leaderboards).toEqual({});

    t.client().accept(session);
    const fresh = t.connection.loadLeaderboard("connect-four");
    t.client().answer("leaderboard", { ok: true, data: leaderboard });
    expect(await fresh).toBe(true);
    t.connection.changeName();
    expect(t.state().leaderboards).toEqual({});
  });

  it("are not asked for without a connection", async () => {
    const t = setup();
    expect(await t.connection.loadLeaderboard("connect-four")).toBe(false);
    expect(t.clients).toEqual([]);
    expect(t.toasts.map((toast) => toast.kind)).toEqual(["error"]);
  });
});
