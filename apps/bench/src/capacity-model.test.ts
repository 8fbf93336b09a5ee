import { describe, expect, it } from "vitest";
import { capacityOf, partsFrom } from "./capacity-model";
import type { ScenarioRun } from "./metrics";

const run = (scenario: ScenarioRun["scenario"], metrics: Record<string, number>, players = 1000): ScenarioRun => ({
  scenario,
  server: "cluster",
  players,
  metrics: Object.entries(metrics).map(([key, value]) => ({ key, label: key, unit: "", value })),
  latencies: {},
  checks: [],
  notes: [],
});

describe("the capacity model", () => {
  const runs = [
    run("burst", {
      "cluster.nodeCpuPer.seat": 600,
      "cluster.redisCpuPer.seat": 200,
      "cluster.redisCommandsPer.seat": 20,
    }),
    run("relay", {
      "cluster.nodeCpuPer.move": 100,
      "cluster.redisCpuPer.move": 40,
      "cluster.redisCommandsPer.move": 6,
      "moves.rate": 2000,
    }),
  ];

  it("reads the measured parts of a report's cluster runs", () => {
    expect(partsFrom(runs)).toEqual({
      seat: { nodeCpuMicros: 600, redisCpuMicros: 200, redisCommands: 20 },
      move: { nodeCpuMicros: 100, redisCpuMicros: 40, redisCommands: 6 },
      movesPerPlayerSecond: 2,
    });
    expect(() => partsFrom(runs.slice(0, 1))).toThrow(/no cluster relay run/);
  });

  it("adds them up per player-second and divides a core among them", () => {
    // A match a minute: 1/60 seat a second, plus one move a second.
    const model = capacityOf(partsFrom(runs), {
      players: 10_000,
      movesPerSecond: 1,
      matchMinutes: 1,
      utilisation: 0.5,
    });
    expect(model.nodeMicrosPerPlayerSecond).toBeCloseTo(600 / 60 + 100);
    expect(model.redisMicrosPerPlayerSecond).toBeCloseTo(200 / 60 + 40);
    expect(model.playersPerNodeCore).toBeCloseTo(500_000 / 110);
    expect(model.nodeCores).toBe(Math.ceil(10_000 / (500_000 / 110)));
    expect(model.redisCommandsPerSecond).toBeCloseTo((20 / 60 + 6) * 10_000);
  });
});
