import { describe, expect, it } from "vitest";
import { applyRoomState, signedOut } from "./lobby-state";
import { dismissNotice, roomLinkNotice, showNotice, type Notice } from "./notice-state";
import { room, signedIn } from "./test-fixtures";

const restarted: Notice = { kind: "server-restarted", title: "The server restarted", message: "Your game ended." };

describe("notices", () => {
  it("show the latest news until dismissed", () => {
    const link = roomLinkNotice("ABC234", "No room has that code.");
    const state = showNotice(showNotice(signedIn(), link), restarted);
    expect(state.notice).toEqual(restarted);
    expect(dismissNotice(state).notice).toBeNull();
    const none = signedIn();
    expect(dismissNotice(none)).toBe(none);
  });

  it("name the link's room, or say the link is broken", () => {
    expect(roomLinkNotice("ABC234", "Gone.")).toEqual({
      kind: "link",
      title: "Couldn't join room ABC234",
      message: "Gone.",
    });
    expect(roomLinkNotice(null, "Broken.").title).toBe("That link doesn't work");
  });

  it("go once the player is in a room: they have moved on", () => {
    expect(applyRoomState(showNotice(signedIn(), restarted), room()).notice).toBeNull();
  });

  it("outlive signing out only when about the page's link", () => {
    const link = roomLinkNotice(null, "Broken.");
    expect(signedOut(showNotice(signedIn(), link), null).notice).toEqual(link);
    expect(signedOut(showNotice(signedIn(), restarted), null).notice).toBeNull();
  });
});
