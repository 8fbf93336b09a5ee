import { describe, expect, it } from "vitest";
import { placementNote } from "./pinning";

describe("placementNote", () => {
  const pinned = "server on CPU 0, bots on CPU 1";

  it("says where the servers run when the bench starts them", () => {
    expect(placementNote(pinned, { target: null, baseline: true })).toBe(pinned);
  });

  it("never claims a target runs on a core here, and says whose figures it reports", () => {
    const alone = placementNote(pinned, { target: "http://127.0.0.1:8080", baseline: false });
    expect(alone).toContain("target http://127.0.0.1:8080 (not started or pinned here");
    expect(alone).toContain("one node, not the sum");
    expect(alone).not.toContain("server on CPU 0");
    expect(alone.endsWith("bots on CPU 1")).toBe(true);
    const withBaseline = placementNote(pinned, { target: "http://127.0.0.1:8080", baseline: true });
    expect(withBaseline.endsWith("baseline on CPU 0, bots on CPU 1")).toBe(true);
  });
});
