import { describe, expect, it } from "vitest";
import {
  desiredPath,
  inviteLink,
  isAdminPath,
  looksLikeInvite,
  parsePartyPath,
  parseRoomPath,
  partyPath,
  readCodeInput,
  roomPath,
} from "./room-url";

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

describe("party links", () => {
  it("reads the code from /p/CODE, normalised", () => {
    expect(parsePartyPath("/p/PTY234")).toBe("PTY234");
    expect(parsePartyPath("/p/pty234/")).toBe("PTY234");
    expect(parsePartyPath("/p/%70ty234")).toBe("PTY234");
  });

  it("rejects other paths and malformed codes, while still seeing a broken party link as one", () => {
    for (const path of ["/", "/p/", "/p/PTY23", "/p/PTY2345", "/p/PTY230", "/p/PTY234/x", "/r/PTY234", "/p/%E0%A4%A"]) {
      expect(parsePartyPath(path), path).toBeNull();
    }
    expect(parseRoomPath("/p/PTY234")).toBeNull();
    expect(looksLikeInvite("/p/NOPE0", "party")).toBe(true);
    expect(looksLikeInvite("/p/NOPE0", "room")).toBe(false);
    expect(looksLikeInvite("/", "party")).toBe(false);
  });

  it("builds the party's link, and keeps it in the address bar until the party is joined", () => {
    expect(partyPath("PTY234")).toBe("/p/PTY234");
    expect(inviteLink("https://lobby.example", "PTY234", "party")).toBe("https://lobby.example/p/PTY234");
    expect(desiredPath(null, null, "PTY234")).toBe("/p/PTY234");
    expect(desiredPath("ABC234", null, "PTY234")).toBe("/r/ABC234");
    expect(desiredPath(null, "ABC234", "PTY234")).toBe("/r/ABC234");
  });

  it("accepts a typed party code or a pasted party link, and explains what a code looks like", () => {
    expect(readCodeInput(" pty-234 ", "party")).toEqual({ ok: true, code: "PTY234" });
    expect(readCodeInput("http://localhost:5173/p/pty234", "party")).toEqual({ ok: true, code: "PTY234" });
    const bad = readCodeInput("HELLO", "party");
    expect(bad).toEqual({ ok: false, error: "A party code is 6 letters and digits, like K7QX3P." });
    expect(readCodeInput("", "party")).toEqual({ ok: false, error: "Type the party's code first." });
  });
});

describe("isAdminPath", () => {
  it("knows the operators' page, and nothing else as it", () => {
    expect(isAdminPath("/admin")).toBe(true);
    expect(isAdminPath("/admin/")).toBe(true);
    for (const path of ["/", "/admins", "/admin/x", "/r/admin", "/p/ADMIN1"]) expect(isAdminPath(path)).toBe(false);
  });
});
