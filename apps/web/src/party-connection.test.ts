import { ErrorCode } from "@lobby/contracts";
import { describe, expect, it } from "vitest";
import { PARTY_EXPIRED_MESSAGE, partyKickedMessage } from "./client-events";
import { setPendingParty } from "./party-state";
import { settle, setup, signedIn } from "./test-connection";
import { chat, party, queued, room, session, THEM } from "./test-fixtures";

/* The party through the connection: its requests, its pushes and the /p/CODE link. */

describe("party requests", () => {
  it("starts a party and shows it from the answer", async () => {
    const t = signedIn();
    const starting = t.connection.createParty();
    expect(t.client().methods).toEqual(["createParty"]);
    t.client().answer("createParty", { ok: true, data: party({ members: [party().members[0]!], version: 0 }) });
    expect(await starting).toBe(true);
    expect(t.state().party).toMatchObject({ code: "PTY234", version: 0 });
  });

  it("joins by code, and turns a refusal into plain words", async () => {
    const t = signedIn();
    const wrong = t.connection.joinParty("NOPE23");
    expect(t.client().calls[0]).toMatchObject({ method: "joinParty", args: ["NOPE23"] });
    t.client().answer("joinParty", {
      ok: false,
      error: { code: ErrorCode.PartyNotFound, message: "No party has the code NOPE23." },
    });
    expect(await wrong).toBe(false);
    expect(t.toasts).toEqual([
      { kind: "error", message: "No party has that code — check it, or the party may have broken up." },
    ]);
    expect(t.state().party).toBeNull();

    const right = t.connection.joinParty("PTY234");
    t.client().answer("joinParty", { ok: true, data: party({ leaderId: THEM.id, version: 2 }) });
    expect(await right).toBe(true);
    expect(t.state().party).toMatchObject({ code: "PTY234", leaderId: THEM.id });
  });

  it("leaves the party, and a late push for it changes nothing", async () => {
    const t = signedIn();
    t.client().push("party:state", party({ version: 3 }));
    const leaving = t.connection.leaveParty();
    t.client().answer("leaveParty", { ok: true, data: null });
    expect(await leaving).toBe(true);
    expect(t.state()).toMatchObject({ party: null, leftParties: { PTY234: 3 } });
    t.client().push("party:state", party({ version: 3 }));
    expect(t.state().party).toBeNull();
  });

  it("counts a party that already let us go as left, without a toast", async () => {
    const t = signedIn();
    t.client().push("party:state", party());
    const leaving = t.connection.leaveParty();
    t.client().answer("leaveParty", { ok: false, error: { code: ErrorCode.NotInParty, message: "Not in one." } });
    expect(await leaving).toBe(true);
    expect(t.state().party).toBeNull();
    expect(t.toasts).toEqual([]);
  });

  it("removes a member as the leader, and says so when only the leader may", async () => {
    const t = signedIn();
    const removing = t.connection.kickFromParty(THEM.id);
    expect(t.client().calls[0]).toMatchObject({ method: "kickFromParty", args: [THEM.id] });
    t.client().answer("kickFromParty", {
      ok: false,
      error: { code: ErrorCode.NotPartyLeader, message: "Only the party's leader can do that." },
    });
    expect(await removing).toBe(false);
    expect(t.toasts.map((toast) => toast.message)).toEqual([
      "Only your party's leader can do that — they start the search for everyone.",
    ]);
  });

  it("are not sent without a connection", async () => {
    const t = setup();
    expect(await t.connection.createParty()).toBe(false);
    expect(await t.connection.joinParty("PTY234")).toBe(false);
    expect(t.toasts.map((toast) => toast.kind)).toEqual(["error", "error"]);
  });
});

describe("party pushes", () => {
  it("keep the newest state of the party and its chat", () => {
    const t = signedIn();
    t.client().push("party:state", party({ version: 2 }));
    t.client().push("party:state", party({ version: 1, members: [party().members[0]!] }));
    expect(t.state().party?.members).toHaveLength(2);
    t.client().push("chat:history", {
      scope: "party",
      roomId: "PTY234",
      messages: [chat("p1", { scope: "party", roomId: "PTY234" })],
    });
    t.client().push("chat:message", chat("p2", { scope: "party", roomId: "PTY234" }));
    expect(t.state().partyChat?.messages.map((m) => m.id)).toEqual(["p1", "p2"]);
  });

  it("tell a removed member who removed them, and a member who was away too long why they are out", () => {
    const t = signedIn();
    t.client().push("party:state", party({ leaderId: THEM.id }));
    t.client().push("party:left", { code: "PTY234", reason: "kicked" });
    expect(t.state().party).toBeNull();
    t.client().push("party:state", party({ code: "NEW234", version: 0 }));
    t.client().push("party:left", { code: "NEW234", reason: "expired" });
    expect(t.toasts).toEqual([
      { kind: "info", message: partyKickedMessage("Grace") },
      { kind: "info", message: PARTY_EXPIRED_MESSAGE },
    ]);
    expect(partyKickedMessage("Grace")).toBe("Grace removed you from the party.");
  });

  it("say nothing about our own leaving, or about a party no longer on screen", () => {
    const t = signedIn();
    t.client().push("party:state", party());
    t.client().push("party:left", { code: "PTY234", reason: "left" });
    t.client().push("party:left", { code: "OLD234", reason: "kicked" });
    expect(t.state().party).toBeNull();
    expect(t.toasts).toEqual([]);
  });

  it("take a member along, out of the finished game, when the leader searches again", () => {
    const t = signedIn();
    t.client().push("party:state", party({ leaderId: THEM.id }));
    t.client().push("room:state", room({ phase: "finished", result: { kind: "win", winners: [1], reason: "rules" } }));
    expect(t.state().room?.id).toBe("room-1");
    // The server took us out of the room with the leader's search: it says so with the queue, not the room.
    t.client().push("queue:status", queued("trails-teams", 20));
    expect(t.state()).toMatchObject({ room: null, queue: { state: "queued", mode: "trails-teams" } });
  });
});

describe("a /p/CODE link", () => {
  it("joins the party once signed in, then forgets the link", async () => {
    const t = setup();
    t.update((s) => setPendingParty(s, "PTY234"));
    t.connection.joinLobby("Ada");
    t.client().accept(session);
    expect(t.client().calls).toMatchObject([{ method: "joinParty", args: ["PTY234"] }]);
    t.client().answer("joinParty", { ok: true, data: party({ leaderId: THEM.id }) });
    await settle();
    expect(t.state()).toMatchObject({ pendingParty: null, party: { code: "PTY234" } });
  });

  it("says plainly when the party is not there, and forgets the link", async () => {
    const t = setup();
    t.update((s) => setPendingParty(s, "PTY234"));
    t.connection.joinLobby("Ada");
    t.client().accept(session);
    t.client().answer("joinParty", { ok: false, error: { code: ErrorCode.PartyNotFound, message: "None." } });
    await settle();
    expect(t.state()).toMatchObject({ pendingParty: null, party: null });
    expect(t.toasts).toEqual([
      { kind: "error", message: "No party has that code — check it, or the party may have broken up." },
    ]);
  });

  it("is no error after a resume that is already in that party", async () => {
    const t = setup({ name: "Ada", token: "token-0" });
    t.connection.signInOnStartUp();
    t.update((s) => setPendingParty(s, "PTY234"));
    // The server re-sends the party before the link's join is answered.
    t.client().accept({ ...session, resumed: true });
    t.client().push("party:state", party());
    t.client().answer("joinParty", { ok: false, error: { code: ErrorCode.AlreadyInParty, message: "Already." } });
    await settle();
    expect(t.state()).toMatchObject({ pendingParty: null, party: { code: "PTY234" } });
    expect(t.toasts).toEqual([]);
  });
});
