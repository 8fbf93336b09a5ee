import { ErrorCode } from "@lobby/contracts";
import { describe, expect, it } from "vitest";
import { DISCONNECTED_MESSAGE } from "./lobby-connection";
import { initialState } from "./lobby-state";
import { applyAnnouncement, applySessionClosed, dismissAnnouncement, dismissSessionClosed } from "./operator-state";
import { settle, setup, signedIn } from "./test-connection";
import { room, session } from "./test-fixtures";

/* What the operators do to a player: announcements, kicks and bans, closing their room. */

describe("announcements", () => {
  it("show the latest one wherever the player is, until dismissed", () => {
    const t = signedIn();
    t.connection.enteredRoom(room());
    t.client().push("lobby:announcement", { text: "Restart at 22:00.", at: 1 });
    t.client().push("lobby:announcement", { text: "Restart in 5 minutes.", at: 2 });
    expect(t.state().announcement).toEqual({ text: "Restart in 5 minutes.", at: 2 });
    expect(t.state().room).not.toBeNull();
    t.update(dismissAnnouncement);
    expect(t.state().announcement).toBeNull();
  });

  it("outlast signing out, which ends nothing meant for everyone", () => {
    const t = signedIn();
    t.client().push("lobby:announcement", { text: "Maintenance tonight.", at: 1 });
    t.connection.changeName();
    expect(t.state()).toMatchObject({ session: null, announcement: { text: "Maintenance tonight." } });
  });
});

describe("a session an admin ends", () => {
  it("stops on a kick, forgets the session, says why and does not reconnect", () => {
    const t = signedIn();
    const kicked = t.client();
    t.connection.enteredRoom(room());
    kicked.push("session:closed", { reason: "kicked", message: "An admin removed you: spam." });
    expect(kicked.disconnected).toBe(true);
    expect(t.clients).toHaveLength(1);
    expect(t.memory.saved).toBeNull();
    expect(t.state()).toMatchObject({
      session: null,
      room: null,
      nameError: null,
      sessionClosed: { reason: "kicked", message: "An admin removed you: spam." },
    });
    // The drop that follows changes nothing.
    kicked.setState("disconnected");
    expect(t.state().sessionClosed?.reason).toBe("kicked");
  });

  it("says why a ban ended it even when the reason lands after the drop", () => {
    const t = signedIn();
    const banned = t.client();
    banned.setState("disconnected");
    expect(t.state().nameError).toBe(DISCONNECTED_MESSAGE);
    banned.push("session:closed", { reason: "banned", message: "An admin banned you for 60 minutes: cheating." });
    expect(t.state()).toMatchObject({
      nameError: null,
      sessionClosed: { reason: "banned", message: "An admin banned you for 60 minutes: cheating." },
    });
  });

  it("ignores a late reason once the player has signed in again, and the other reasons of closing", () => {
    const t = signedIn();
    const old = t.client();
    old.push("session:closed", { reason: "shutdown", message: "Restarting." });
    expect(t.state().session).not.toBeNull();
    old.setState("disconnected");
    t.connection.joinLobby("Ada");
    t.client().accept(session);
    old.push("session:closed", { reason: "kicked", message: "Too late." });
    expect(t.state()).toMatchObject({ session, sessionClosed: null });
  });

  it("leaves the message on screen until the player moves on, and a new sign-in clears it", () => {
    const closed = applySessionClosed(initialState, { reason: "kicked", message: "Bye." });
    expect(dismissSessionClosed(closed).sessionClosed).toBeNull();
    const t = signedIn();
    t.client().push("session:closed", { reason: "kicked", message: "Bye." });
    t.connection.joinLobby("Ada");
    expect(t.state()).toMatchObject({ joining: true, sessionClosed: null });
  });

  it("shows a banned handshake's message on the name screen", async () => {
    const t = setup();
    t.connection.joinLobby("Ada");
    t.client().refuse(ErrorCode.Banned, "You are banned from this lobby for 12 more minutes.");
    await settle();
    expect(t.state()).toMatchObject({
      session: null,
      nameError: "You are banned from this lobby for 12 more minutes.",
    });
  });
});

describe("a room an admin closes", () => {
  it("puts the player back in the lobby with the admin's reason, until dismissed", () => {
    const t = signedIn();
    t.connection.enteredRoom(room());
    t.client().push("room:kicked", { roomId: "room-1", reason: "An admin closed the room: Abuse in chat." });
    expect(t.state().room).toBeNull();
    expect(t.toasts).toEqual([{ kind: "error", message: "An admin closed the room: Abuse in chat.", sticky: true }]);
  });
});

describe("operator transitions", () => {
  it("replace an announcement and dismiss only what is there", () => {
    const one = applyAnnouncement(initialState, { text: "One", at: 1 });
    expect(applyAnnouncement(one, { text: "Two", at: 2 }).announcement).toEqual({ text: "Two", at: 2 });
    expect(dismissAnnouncement(initialState)).toBe(initialState);
  });
});
