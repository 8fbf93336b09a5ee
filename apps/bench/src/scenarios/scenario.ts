import type { ScenarioName, ScenarioRun } from "../metrics";
import type { BenchOptions } from "../options";
import type { ScenarioContext } from "./common";

/** A scenario: the server settings it needs, and how to drive the bots. */
export interface Scenario {
  name: ScenarioName;
  /** Environment for a server the bench starts (timings shortened for the run). */
  env(options: BenchOptions): Record<string, string>;
  /** The reconnect grace `env` sets, so the end-of-run check knows how long to wait. */
  graceMs: number;
  run(ctx: ScenarioContext, label: string): Promise<Omit<ScenarioRun, "scenario" | "server">>;
}
