import { parseArgs } from "node:util";
import { SCENARIOS, type ScenarioName } from "./metrics";

/** Everything a bench run is told on the command line. */
export interface BenchOptions {
  players: number;
  scenarios: ScenarioName[];
  /** Measurement window of each scenario (churn: how long it churns), seconds. */
  durationS: number;
  /** A running Lobby to test instead of starting one. */
  target: string | null;
  baseline: boolean;
  smoke: boolean;
  /** Bot worker processes; 0 picks one per bot core (at least two). */
  workers: number;
  /** Relay: Trails moves per second per bot. */
  hz: number;
  /** Scale: stop adding steps once this much time has gone. */
  scaleBudgetS: number;
  pin: boolean;
  /** Where JSON and HTML go; null for `bench-results/` at the repo root. */
  outDir: string | null;
  /** Runs of each scenario against each server (interleaved); the report quotes medians. */
  repeat: number;
  /** Also run every scenario against this many Lobby nodes over a throwaway redis-server; 0 = off. */
  cluster: number;
  /** Write a V8 CPU profile of every Lobby server process into this folder; null = off. */
  cpuProfDir: string | null;
  /** More flags for node, for every server process it starts (e.g. `--perf-basic-prof`). */
  nodeFlags: string[];
  help: boolean;
}

export const USAGE = `Usage: pnpm bench [--players N] [--scenario burst|relay|chat|churn|scale|abuse|all] [--duration S]
                  [--target URL] [--no-baseline] [--smoke] [--hz N] [--workers N]
                  [--scale-budget S] [--repeat N] [--cluster N] [--no-pin] [--out DIR]
                  [--cpu-prof DIR] [--node-flags=FLAGS] [--help]

  --players N        bots (scale: the largest step; abuse: honest players)  default 1000
  --scenario NAME    burst, relay, chat, churn, scale, abuse or all         default all
                     (comma-separated ok; --smoke leaves abuse out unless named)
                     chat: players sit in private rooms of 4 by invite code, then
                     each says a line to the room 1.25 times a second (5 a room);
                     CPU per player seated by code and per chat line delivered
                     abuse: honest players quick-match and play, each from its own
                     X-Forwarded-For address, on Lobby with rate limits on — once alone,
                     once beside an attacker (one address, full speed: new identities,
                     junk events, lobby chat, rooms, invite-code guesses); reports what
                     got through per second and honest p99, CPU and memory both ways.
                     Lobby only (no baseline, no cluster); a --target must run with
                     RATE_LIMITS=on TRUST_PROXY=on
  --duration S       measurement window per scenario, seconds              default 20
  --target URL       a running Lobby (local or remote); no server is started, and the
                     baseline is skipped unless --baseline is given
  --baseline         also run the bare Socket.IO baseline (default unless --target)
  --no-baseline      Lobby only
  --smoke            CI preset: 40 players, 3 s per scenario, all scenarios but abuse, both servers,
                     one repetition; exits non-zero on lost/duplicated messages, violations
                     or a bad report
  --hz N             relay: Trails moves per second per bot (abuse: at most 10) default 10
  --workers N        bot worker processes                                  default: bot cores, min 2
  --scale-budget S   scale: no new step after S seconds (per repetition)   default 180
  --repeat N         runs of each scenario per server                      default 1
                     (Lobby, baseline, Lobby, … each on a fresh server); figures are
                     medians (targets too), the markdown adds min–max of the main ones;
                     lost/duplicated counts, failures and checks take the worst repetition
  --cluster N        also run each scenario against N ≥ 2 Lobby nodes over a throwaway
                     redis-server, all on the server cores, bot i on node i mod N
                     (no balancer); reported beside Lobby and the baseline  default 0 (off)
  --no-pin           do not pin server and bots to separate cores with taskset
  --out DIR          JSON and HTML report folder                           default <repo>/bench-results
  --cpu-prof DIR     write a V8 CPU profile (.cpuprofile) of every Lobby server process it
                     starts into DIR (open it in Chrome DevTools); the profiler costs CPU,
                     so a profiled run's figures are not comparable with others
  --node-flags=FLAGS more flags for node, space-separated, for every server process it
                     starts, Lobby's and the baseline's alike: --node-flags=--perf-basic-prof
                     lets Linux perf name their JavaScript (perf record -g -p PID)

Pass options after "--" with pnpm: pnpm bench -- --smoke
Many players need many open files: run "ulimit -n 65536" first (the bench raises each
child's soft limit to the hard limit, and reports EMFILE when it still runs out).`;

/** A bad command line; main prints it with the usage. */
export class UsageError extends Error {}

function positive(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new UsageError(`--${name} must be a number ≥ ${min}, got "${raw}"`);
  return value;
}

function wholeNumber(name: string, raw: string | undefined, fallback: number): number {
  const value = positive(name, raw, fallback);
  if (!Number.isInteger(value)) throw new UsageError(`--${name} must be a whole number, got "${raw ?? ""}"`);
  return value;
}

/** Scenarios `--smoke` runs when none is named: abuse would add two runs' worth of time to every CI run. */
const SMOKE_SCENARIOS: readonly ScenarioName[] = SCENARIOS.filter((s) => s !== "abuse");

function scenarioList(raw: string | undefined, smoke: boolean): ScenarioName[] {
  if (raw === undefined && smoke) return [...SMOKE_SCENARIOS];
  if (raw === undefined || raw === "all") return [...SCENARIOS];
  const names = raw.split(",").map((s) => s.trim());
  for (const name of names) {
    if (!(SCENARIOS as readonly string[]).includes(name)) {
      throw new UsageError(`--scenario must be one of ${SCENARIOS.join(", ")} or all, got "${name}"`);
    }
  }
  return SCENARIOS.filter((s) => names.includes(s));
}

/** `--cluster N`: 0 (off, also when absent) or a whole number of at least 2 nodes. */
function clusterNodes(raw: string | undefined): number {
  if (raw === undefined) return 0;
  const value = Number(raw);
  if (!Number.isInteger(value) || (value !== 0 && value < 2)) {
    throw new UsageError(`--cluster must be 0 (off) or a whole number of nodes ≥ 2, got "${raw}"`);
  }
  return value;
}

/** Parse the command line (without `node` and the script); throws UsageError. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  // pnpm forwards a literal "--" before the script's own arguments.
  const args = argv.filter((arg) => arg !== "--");
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        players: { type: "string" },
        scenario: { type: "string" },
        duration: { type: "string" },
        target: { type: "string" },
        baseline: { type: "boolean" },
        "no-baseline": { type: "boolean" },
        smoke: { type: "boolean" },
        hz: { type: "string" },
        workers: { type: "string" },
        "scale-budget": { type: "string" },
        "no-pin": { type: "boolean" },
        out: { type: "string" },
        repeat: { type: "string" },
        cluster: { type: "string" },
        "cpu-prof": { type: "string" },
        "node-flags": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const smoke = values.smoke ?? false;
  const target = values.target ?? null;
  if (target !== null && !/^https?:\/\//.test(target))
    throw new UsageError(`--target must be an http(s) URL, got "${target}"`);
  if (values.baseline && values["no-baseline"])
    throw new UsageError("--baseline and --no-baseline contradict each other");
  const cluster = clusterNodes(values.cluster);
  if (cluster > 0 && target !== null)
    throw new UsageError("--cluster starts its own nodes on this machine; it cannot be combined with --target");
  return {
    players: Math.round(positive("players", values.players, smoke ? 40 : 1000, 4)),
    scenarios: scenarioList(values.scenario, smoke),
    durationS: positive("duration", values.duration, smoke ? 3 : 20),
    target,
    baseline: values["no-baseline"] ? false : (values.baseline ?? target === null),
    smoke,
    workers: Math.round(positive("workers", values.workers, 0, 0)),
    hz: positive("hz", values.hz, 10, 0.1),
    scaleBudgetS: positive("scale-budget", values["scale-budget"], smoke ? 30 : 180),
    pin: !(values["no-pin"] ?? false),
    outDir: values.out ?? null,
    repeat: wholeNumber("repeat", values.repeat, 1),
    cluster,
    cpuProfDir: values["cpu-prof"] ?? null,
    nodeFlags: nodeFlags(values["node-flags"]),
    help: values.help ?? false,
  };
}

/** `--node-flags`: node options only, so nothing else rides in the servers' command line. */
function nodeFlags(raw: string | undefined): string[] {
  const flags = (raw ?? "").split(/\s+/).filter(Boolean);
  const bad = flags.find((flag) => !/^--[a-z0-9][a-z0-9-]*(=\S+)?$/.test(flag));
  if (bad !== undefined) throw new UsageError(`--node-flags takes node options like --perf-basic-prof, got "${bad}"`);
  return flags;
}
