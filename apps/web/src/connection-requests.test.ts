import { ErrorCode } from "@lobby/contracts";
import { describe, expect, it } from "vitest";
import { settle, setup, signedIn } from "./test-connection";
import { profile, queued, room, session } from "./test-fixtures";

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
