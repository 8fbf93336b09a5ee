/**
 * `pnpm bench`: the load generator. Starts Lobby (and the bare baseline, and
 * with `--cluster N` N Lobby nodes over a redis-server) pinned to one core,
 * bot workers on the other, runs the scenarios against each server in turn
 * (`--repeat N`: N times, Lobby, baseline and cluster interleaved; the abuse
 * scenario instead runs Lobby without and with an attacker),
 * and prints a markdown table of medians; JSON and an HTML report go to
 * `bench-results/`. Exits non-zero when a correctness check fails
 * (lost or duplicated messages, invariant violations, leftovers, a bad
 * report) — never on a timing.
 */
import { availableParallelism, loadavg } from "node:os";
import { aggregateAll } from "./aggregate";
import { compilePrograms, type Programs } from "./compile";
import type { RunVariant, ScenarioName, ScenarioRun } from "./metrics";
import { parseOptions, USAGE, UsageError, type BenchOptions } from "./options";
import { killChildren, pinSelf, placementNote, planPinning, type Pinning } from "./pinning";
import { ProgressLine } from "./progress";
import { writeReport } from "./report-files";
import { renderMarkdown } from "./report-markdown";
import { abuse } from "./scenarios/abuse";
import { burst } from "./scenarios/burst";
import { chat } from "./scenarios/chat";
import { churn } from "./scenarios/churn";
import { relay } from "./scenarios/relay";
import { scale } from "./scenarios/scale";
import { plannedRuns, type Scenario } from "./scenarios/scenario";
import { startCluster } from "./cluster-process";
import { attachServer, startServer, type ServerHandle, type ServerKind } from "./server-process";
import { evaluateTargets, type BenchReport } from "./targets";
import { WorkerPool } from "./worker-pool";

const PER_ADDRESS_HINT =
  "the target refused bots by address: every bot connects from this machine (through a balancer, from its address), so run the target without per-address limits — MAX_CONNECTIONS_PER_ADDRESS=0 RATE_LIMITS=off, which pnpm dev:cluster -- --bench sets";

const SCENARIO_BY_NAME: Record<ScenarioName, Scenario> = { burst, relay, chat, churn, scale, abuse };

interface Setup {
  options: BenchOptions;
  pinning: Pinning;
  programs: Programs;
  pool: WorkerPool;
  /** The abuse scenario's attacker, in a worker of its own; null when it is not run. */
  attacker: WorkerPool | null;
  progress: ProgressLine;
}

async function runOne(
  scenario: Scenario,
  kind: ServerKind,
  variant: RunVariant | null,
  label: string,
  { options, pinning, programs, pool, attacker, progress }: Setup,
): Promise<ScenarioRun> {
  const which = { scenario: scenario.name, server: kind, ...(variant ? { variant } : {}) };
  progress.set(`${label} starting server`);
  const external = kind === "lobby" && options.target !== null;
  let server: ServerHandle | null = null;
  try {
    // A cluster's nodes get the very environment the single Lobby server gets, plus what makes them one cluster.
    const start = {
      env: scenario.env(options),
      cpus: pinning.serverCpus,
      programs,
      cpuProfDir: options.cpuProfDir,
      nodeFlags: options.nodeFlags,
    };
    server = external
      ? attachServer("lobby", options.target ?? "")
      : kind === "cluster"
        ? await startCluster(options.cluster, start)
        : await startServer(kind, start);
    const context = {
      options,
      pool,
      server,
      progress,
      botCores: pinning.botCores,
      graceMs: external ? null : scenario.graceMs,
      variant,
      attacker,
    };
    const result = await scenario.run(context, label);
    // Bots all come from this machine's address: a target with per-address limits refuses most of them.
    const limited = external && /TOO_MANY_CONNECTIONS|RATE_LIMITED/.test(result.notes.join(" "));
    return { ...which, ...result, notes: limited ? [...result.notes, PER_ADDRESS_HINT] : result.notes };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    progress.note(`${label} failed: ${message}`);
    // Leave no bots behind for the next scenario.
    await pool.all({ kind: "disconnect" }).catch(() => undefined);
    pool.forgetBots();
    return {
      ...which,
      players: options.players,
      metrics: [],
      latencies: {},
      checks: [{ name: "scenario completed", ok: false, detail: message.split("\n")[0] ?? message }],
      notes: [server?.logTail().split("\n").slice(-5).join(" | ") ?? ""].filter(Boolean),
    };
  } finally {
    await server?.stop();
  }
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const startedAt = new Date().toISOString();
  // Other work on the machine skews every figure; the report says how busy it was.
  const loadStart = loadavg().map((n) => Number(n.toFixed(2)));
  // Read before pinning: afterwards this process sees only the bots' cores.
  const cores = availableParallelism();
  const pinning = planPinning(options.pin);
  pinSelf(pinning);
  const workers = options.workers || Math.max(2, pinning.botCores);
  const programs = await compilePrograms();
  const pool = await WorkerPool.start(workers, pinning.botCpus, programs);
  // The attacker gets a process of its own: its loops must not delay an honest bot's event loop.
  const attacker = options.scenarios.includes("abuse") ? await WorkerPool.start(1, pinning.botCpus, programs) : null;
  const progress = new ProgressLine(() => pool.progress(), pinning.botCores);
  progress.start();
  const where = placementNote(pinning.note, options);
  progress.note(
    `bench: ${where}, ${workers} bot workers, servers and bots ${programs.note}, open-file limit ${pinning.fileLimit ?? "unknown"}`,
  );
  if (options.cluster > 0) {
    progress.note(
      `bench: cluster of ${options.cluster} Lobby nodes + redis-server, all on the server cores (${pinning.serverCpus ?? "unpinned"}); bot i connects to node i mod ${options.cluster}`,
    );
  }
  if (options.cluster > 0 && options.scenarios.includes("abuse")) {
    progress.note(
      "bench: abuse compares Lobby with and without an attacker on one node; it does not run against the baseline or the cluster",
    );
  }
  if (pinning.fileLimit !== null && pinning.fileLimit < options.players + 100) {
    progress.note(
      `bench: warning — ${options.players} players need more than ${pinning.fileLimit} open files in the server; expect EMFILE (ulimit -n 65536)`,
    );
  }

  const kinds: ServerKind[] = [
    "lobby",
    ...(options.baseline ? (["baseline"] as const) : []),
    ...(options.cluster > 0 ? (["cluster"] as const) : []),
  ];
  // Every repetition's own run, in the order they ran; the report folds them per scenario and server.
  const raw: ScenarioRun[] = [];
  try {
    for (const name of options.scenarios) {
      const scenario = SCENARIO_BY_NAME[name];
      // Lobby, baseline, cluster, Lobby, baseline, cluster, … (abuse: no attack, attack, …): background noise hits them alike.
      for (let rep = 1; rep <= options.repeat; rep++) {
        for (const { kind, variant } of plannedRuns(scenario, kinds)) {
          const which = variant ?? kind;
          const label = options.repeat > 1 ? `${name}/${which} #${rep}/${options.repeat}` : `${name}/${which}`;
          const run = await runOne(scenario, kind, variant, label, {
            options,
            pinning,
            programs,
            pool,
            attacker,
            progress,
          });
          raw.push(run);
          const failed = run.checks.filter((c) => !c.ok).map((c) => c.name);
          progress.note(`${label}: ${failed.length === 0 ? "ok" : `FAILED ${failed.join(", ")}`}`);
        }
      }
    }
  } finally {
    progress.stop();
    await Promise.all([pool.close(), attacker?.close()]);
  }

  // Medians over the repetitions (worst for lost/duplicated counts and failures; a check fails if any repetition failed it).
  const runs = aggregateAll(raw);
  const report: BenchReport = {
    startedAt,
    finishedAt: new Date().toISOString(),
    command: `pnpm bench ${process.argv
      .slice(2)
      .filter((a) => a !== "--")
      .join(" ")}`.trim(),
    options: { ...options },
    machine: {
      cpus: cores,
      node: process.versions.node,
      platform: process.platform,
      pinning: where,
      workers,
      fileLimit: pinning.fileLimit,
      build: programs.note,
      loadAverage: { start: loadStart, end: loadavg().map((n) => Number(n.toFixed(2))) },
    },
    repeat: options.repeat,
    clusterNodes: options.cluster,
    runs,
    targets: evaluateTargets(runs, { players: options.players, hz: options.hz }),
    // Judged on every repetition's own checks: one failure anywhere fails the run.
    ok: raw.length > 0 && raw.every((r) => r.checks.every((c) => c.ok)),
  };
  const files = await writeReport(report, options.outDir);
  process.stdout.write(renderMarkdown(report));
  process.stderr.write(`JSON: ${files.json}\nHTML: ${files.html}\n`);
  if (!files.wellFormed) process.stderr.write(`report problem: ${files.problem ?? "unknown"}\n`);
  return report.ok && files.wellFormed ? 0 : 1;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    killChildren();
    process.exit(130);
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    killChildren();
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
