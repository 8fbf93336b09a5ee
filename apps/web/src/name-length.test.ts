import { NAME_MAX_LENGTH, PlayerName } from "@lobby/contracts";
import { describe, expect, it } from "vitest";
import { nameLength } from "./name-length";

describe("nameLength", () => {
  it("counts a name as the server does: trimmed and normalised", () => {
    expect(nameLength("  Ann  ")).toBe(3);
    // "é" typed as e + combining accent is one character once normalised.
    expect(nameLength("Jose\u0301")).toBe(4);
  });

  it("agrees with the server's limit at the edge", () => {
    const longest = "a".repeat(NAME_MAX_LENGTH);
    expect(nameLength(longest)).toBe(NAME_MAX_LENGTH);
    expect(PlayerName.safeParse(longest).success).toBe(true);
    expect(nameLength(`${longest}b`)).toBe(NAME_MAX_LENGTH + 1);
    expect(PlayerName.safeParse(`${longest}b`).success).toBe(false);
  });
});
