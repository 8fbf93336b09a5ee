import { HandshakeError } from "@lobby/client";
import { describe, expect, it } from "vitest";
import { describeError, describeHandshakeError } from "./errors";

describe("describeError", () => {
  it("shows the server's own words for player-caused refusals", () => {
    expect(describeError({ code: "ILLEGAL_MOVE", message: "Column 3 is full." })).toBe("Column 3 is full.");
    expect(describeError({ code: "NOT_YOUR_TURN", message: "It is not your turn." })).toBe(
      "It is not your turn.",
    );
  });

  it("rewords SDK and technical failures", () => {
    expect(describeError({ code: "TIMEOUT", message: "The server did not answer in time." })).toMatch(
      /didn't answer in time/,
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
    expect(describeHandshakeError(error)).toBe(
      "That name can't be used: name must not contain control characters.",
    );
  });

  it("falls back to a connection message for anything else", () => {
    expect(describeHandshakeError(new Error("boom"))).toMatch(/Couldn't connect/);
  });
});
