import { describe, expect, it } from "vitest";
import { plannedRuns } from "./scenario";

describe("plannedRuns", () => {
  it("runs each server kind, or each variant against Lobby alone", () => {
    expect(plannedRuns({}, ["lobby", "baseline", "cluster"])).toEqual([
      { kind: "lobby", variant: null },
      { kind: "baseline", variant: null },
      { kind: "cluster", variant: null },
    ]);
    expect(plannedRuns({ variants: ["no-attack", "attack"] }, ["lobby", "baseline", "cluster"])).toEqual([
      { kind: "lobby", variant: "no-attack" },
      { kind: "lobby", variant: "attack" },
    ]);
  });
});
