import { describe, expect, it } from "vitest";
import { parseSeats, roomSettings } from "./room-settings";

const trails = { minPlayers: 2, maxPlayers: 8 };

describe("the create-room form", () => {
  it("sends the seats, the visibility and whether the room is rated", () => {
    expect(roomSettings({ seats: " 4 ", isPrivate: true, rated: true }, trails)).toEqual({
      ok: true,
      settings: { maxPlayers: 4, visibility: "private", rated: true },
    });
    expect(roomSettings({ seats: "2", isPrivate: false, rated: false }, trails)).toEqual({
      ok: true,
      settings: { maxPlayers: 2, visibility: "public", rated: false },
    });
  });

  it("says why a seat count cannot be used, in the mode's terms", () => {
    expect(roomSettings({ seats: "9", isPrivate: false, rated: true }, trails)).toEqual({
      ok: false,
      error: "Choose between 2 and 8 seats.",
    });
    expect(parseSeats("2.5", trails).ok).toBe(false);
    expect(parseSeats("", trails).ok).toBe(false);
    expect(parseSeats("3", { minPlayers: 2, maxPlayers: 2 })).toEqual({
      ok: false,
      error: "This game always has 2 seats.",
    });
  });
});
