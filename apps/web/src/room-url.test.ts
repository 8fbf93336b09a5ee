import { describe, expect, it } from "vitest";
import { desiredPath, inviteLink, parseRoomPath, readCodeInput, roomPath } from "./room-url";

describe("parseRoomPath", () => {
  it("reads the code from /r/CODE, normalised", () => {
    expect(parseRoomPath("/r/ABC234")).toBe("ABC234");
    expect(parseRoomPath("/r/abc234/")).toBe("ABC234");
  });

  it("rejects other paths and malformed codes", () => {
    expect(parseRoomPath("/")).toBeNull();
    expect(parseRoomPath("/r/")).toBeNull();
    expect(parseRoomPath("/r/ABC23")).toBeNull();
    expect(parseRoomPath("/r/ABC2345")).toBeNull();
    // 0, O, 1, I and L are not in the alphabet.
    expect(parseRoomPath("/r/ABC230")).toBeNull();
    expect(parseRoomPath("/r/ABCDEL")).toBeNull();
    expect(parseRoomPath("/r/ABC234/extra")).toBeNull();
    expect(parseRoomPath("/x/ABC234")).toBeNull();
    expect(parseRoomPath("/r/%E0%A4%A")).toBeNull();
  });
});

describe("links", () => {
  it("builds the shareable link and the address-bar path", () => {
    expect(roomPath("ABC234")).toBe("/r/ABC234");
    expect(inviteLink("https://lobby.example", "ABC234")).toBe("https://lobby.example/r/ABC234");
    expect(desiredPath("ABC234", null)).toBe("/r/ABC234");
    expect(desiredPath(null, "XYZ789")).toBe("/r/XYZ789");
    expect(desiredPath("ABC234", "XYZ789")).toBe("/r/ABC234");
    expect(desiredPath(null, null)).toBe("/");
  });
});

describe("readCodeInput", () => {
  it("accepts a typed code or a pasted link", () => {
    expect(readCodeInput(" abc234 ")).toEqual({ ok: true, code: "ABC234" });
    expect(readCodeInput("ABC-234")).toEqual({ ok: true, code: "ABC234" });
    expect(readCodeInput("http://localhost:5173/r/abc234")).toEqual({ ok: true, code: "ABC234" });
  });

  it("explains what a code looks like", () => {
    expect(readCodeInput("").ok).toBe(false);
    const bad = readCodeInput("HELLO");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/6 letters and digits/);
  });
});
