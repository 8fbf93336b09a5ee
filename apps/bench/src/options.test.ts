import { describe, expect, it } from "vitest";
import { parseOptions, UsageError } from "./options";
import { assignModes } from "./scenarios/common";
import { scaleSteps } from "./scenarios/scale";

describe("parseOptions", () => {
  it("has defaults and takes pnpm's literal --", () => {
    const options = parseOptions(["--", "--players", "500", "--scenario", "relay,burst", "--no-baseline"]);
    expect(options).toMatchObject({
      players: 500,
      scenarios: ["burst", "relay"],
      baseline: false,
      durationS: 20,
      hz: 10,
    });
  });

  it("makes the smoke preset small and skips the baseline for a target unless asked", () => {
    expect(parseOptions(["--smoke"])).toMatchObject({
      players: 40,
      durationS: 3,
      baseline: true,
      scenarios: ["burst", "relay", "chat", "churn", "scale"],
    });
    expect(parseOptions(["--target", "http://example.test:3000"]).baseline).toBe(false);
    expect(parseOptions(["--target", "http://example.test:3000", "--baseline"]).baseline).toBe(true);
  });

  it("runs abuse with everything else, but not in the smoke preset unless named", () => {
    expect(parseOptions([]).scenarios).toContain("abuse");
    expect(parseOptions(["--smoke"]).scenarios).not.toContain("abuse");
    expect(parseOptions(["--smoke", "--scenario", "abuse"]).scenarios).toEqual(["abuse"]);
    expect(parseOptions(["--smoke", "--scenario", "all"]).scenarios).toContain("abuse");
  });

  it("repeats once unless told, also for the smoke preset", () => {
    expect(parseOptions([]).repeat).toBe(1);
    expect(parseOptions(["--smoke"]).repeat).toBe(1);
    expect(parseOptions(["--repeat", "5"]).repeat).toBe(5);
    expect(() => parseOptions(["--repeat", "0"])).toThrow(UsageError);
    expect(() => parseOptions(["--repeat", "2.5"])).toThrow(UsageError);
    expect(() => parseOptions(["--repeat", "x"])).toThrow(UsageError);
  });

  it("passes node flags to the servers, and nothing that is not one", () => {
    expect(parseOptions([]).nodeFlags).toEqual([]);
    expect(parseOptions(["--node-flags=--perf-basic-prof  --max-semi-space-size=32 "]).nodeFlags).toEqual([
      "--perf-basic-prof",
      "--max-semi-space-size=32",
    ]);
    expect(() => parseOptions(["--node-flags=--perf-basic-prof; rm -rf /"])).toThrow(UsageError);
    expect(() => parseOptions(["--node-flags=-e process.exit()"])).toThrow(UsageError);
  });

  it("refuses nonsense", () => {
    expect(() => parseOptions(["--players", "x"])).toThrow(UsageError);
    expect(() => parseOptions(["--scenario", "soak"])).toThrow(UsageError);
    expect(() => parseOptions(["--target", "localhost:3000"])).toThrow(UsageError);
    expect(() => parseOptions(["--frobnicate"])).toThrow(UsageError);
  });
});

describe("assignModes", () => {
  it("seats everyone: an even Connect Four count and no lone Trails player", () => {
    for (const players of [4, 5, 17, 40, 41, 999, 2000]) {
      const modes = assignModes(players);
      const c4 = modes.filter((m) => m === "connect-four").length;
      const trails = players - c4;
      expect(modes).toHaveLength(players);
      expect(c4 % 2).toBe(0);
      expect(trails === 0 || trails % 8 !== 1).toBe(true);
    }
  });
});

describe("scaleSteps", () => {
  it("caps the standard steps with --players", () => {
    expect(scaleSteps(20_000)).toEqual([1000, 2000, 5000, 10_000, 20_000]);
    expect(scaleSteps(3000)).toEqual([1000, 2000, 3000]);
    expect(scaleSteps(40)).toEqual([20, 40]);
  });
});
