import type { RunVariant, ScenarioName, ScenarioRun } from "../metrics";
import type { BenchOptions } from "../options";
import type { ServerEnv, ServerKind } from "../server-process";
import type { ScenarioContext } from "./common";

/** A scenario: the server settings it needs, and how to drive the bots. */
export interface Scenario {
  name: ScenarioName;
  /** Environment for a server the bench starts (timings shortened for the run); null leaves a variable at the server's default. */
  env(options: BenchOptions): ServerEnv;
  /** The reconnect grace `env` sets, so the end-of-run check knows how long to wait. */
  graceMs: number;
  /**
   * Set when the scenario compares Lobby with itself instead of with the
   * baseline: it then runs once per variant, against Lobby only, in this
   * order within each repetition (the abuse scenario: without, then with an attacker).
   */
  variants?: readonly RunVariant[];
  run(ctx: ScenarioContext, label: string): Promise<Omit<ScenarioRun, "scenario" | "server" | "variant">>;
}

/** One run of a scenario within a repetition: the server it is against and, for a scenario with variants, which one. */
export interface PlannedRun {
  kind: ServerKind;
  variant: RunVariant | null;
}

/**
 * The runs of one repetition of `scenario`, in order: one per server kind
 * (Lobby, baseline, cluster — whichever `kinds` holds); or, for a scenario
 * with variants, one per variant against Lobby alone (the baseline has no
 * limits to compare, and the cluster is left out to keep the run short).
 */
export function plannedRuns(scenario: Pick<Scenario, "variants">, kinds: readonly ServerKind[]): PlannedRun[] {
  if (scenario.variants) return scenario.variants.map((variant) => ({ kind: "lobby", variant }));
  return kinds.map((kind) => ({ kind, variant: null }));
}
