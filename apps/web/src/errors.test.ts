import { HandshakeError } from "@lobby/client";
import { describe, expect, it } from "vitest";
import { describeError, describeHandshakeError } from "./errors";

describe("describeError", () => {
  it("shows the server's own words for player-caused refusals", () => {
    expect(describeError({ code: "ILLEGAL_MOVE", message: "Column 3 is full." })).toBe("Column 3 is full.");
    expect(describeError({ code: "NOT_YOUR_TURN", message: "It is not your turn." })).toBe("It is not your turn.");
  });

  it("rewords SDK and technical failures", () => {
    expect(describeError({ code: "TIMEOUT", message: "The server did not answer in time." })).toMatch(
      /still hasn.t confirmed that/,
    );
    expect(describeError({ code: "INTERNAL", message: "stack trace" })).not.toContain("stack");
  });

  it("never produces an empty message", () => {
    expect(describeError({ code: "ALREADY_QUEUED", message: "  " })).not.toBe("");
  });
});

describe("describeHandshakeError", () => {
  it("explains a refused name", () => {
    const error = new HandshakeError("INVALID_NAME", "Name must not contain control characters");
    expect(describeHandshakeError(error)).toBe("That name can't be used: name must not contain control characters.");
  });

  it("falls back to a connection message for anything else", () => {
    expect(describeHandshakeError(new Error("boom"))).toMatch(/Couldn't connect/);
  });
});

describe("room refusals", () => {
  it("explains every room and chat code in our own words", () => {
    const codes = [
      "ROOM_NOT_FOUND",
      "ROOM_FULL",
      "ROOM_IN_PLAY",
      "ROOM_NOT_WATCHABLE",
      "KICKED",
      "NOT_HOST",
      "NOT_ALL_READY",
      "WRONG_PLAYER_COUNT",
      "INVALID_SETTINGS",
      "NOT_IN_LOBBY_PHASE",
      "PLAYER_NOT_FOUND",
      "SPECTATOR",
      "RATE_LIMITED",
    ];
    for (const code of codes) {
      const text = describeError({ code, message: "technical detail" });
      expect(text, code).not.toContain("technical detail");
      expect(text.length, code).toBeGreaterThan(10);
    }
    expect(describeError({ code: "ROOM_NOT_FOUND", message: "" })).toBe(
      "No room has that code — check it, or the room may have closed.",
    );
    expect(describeError({ code: "RATE_LIMITED", message: "" })).toBe(
      "You're sending messages too fast — wait a moment.",
    );
  });
});

describe("party refusals", () => {
  it("explain every party code in plain words", () => {
    for (const code of ["PARTY_NOT_FOUND", "PARTY_FULL", "ALREADY_IN_PARTY", "NOT_IN_PARTY", "NOT_PARTY_LEADER"]) {
      const text = describeError({ code, message: "technical detail" });
      expect(text, code).not.toContain("technical detail");
      expect(text.length, code).toBeGreaterThan(10);
    }
    expect(describeError({ code: "PARTY_NOT_FOUND", message: "" })).toBe(
      "No party has that code — check it, or the party may have broken up.",
    );
    expect(describeError({ code: "PARTY_FULL", message: "" })).toBe(
      "That party is full — a party has at most 4 players.",
    );
  });

  it("keep the server's specifics where it names them, and say what to do next", () => {
    expect(describeError({ code: "PARTY_NOT_READY", message: "Bob is still in a game." })).toBe(
      "Bob is still in a game. Search again once everyone is back in the lobby.",
    );
    expect(describeError({ code: "PARTY_TOO_LARGE", message: "Trails: Teams takes parties of up to 2." })).toBe(
      "Trails: Teams takes parties of up to 2. Leave the party to play it on your own, or pick another game.",
    );
    expect(describeError({ code: "PARTY_NOT_READY", message: " " })).toBe(
      "Someone in your party is still in a game. Search again once everyone is back in the lobby.",
    );
  });
});
