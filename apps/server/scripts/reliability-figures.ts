import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { UserConsoleLog } from "vitest";
import { startVitest, type Reporter } from "vitest/node";

/*
 * Writes the figures table of docs/reliability.md ("Invariants, proven")
 * from a test run, never by hand: runs the test files behind it, keeps the
 * figures each one prints as `<name>: {json}` in test-results/figures/
 * (<name>.json), and rewrites the table between `<!-- figures:start -->`
 * and `<!-- figures:end -->`. A failing run leaves the document alone.
 *
 *   pnpm --filter @lobby/server figures
 */

const server = new URL("../", import.meta.url);
const figuresDir = new URL("test-results/figures/", server);
const docUrl = new URL("../../docs/reliability.md", server);
const START = "<!-- figures:start -->";
const END = "<!-- figures:end -->";

/** The figures one test file printed: counts, by name. */
type Figures = Record<string, unknown>;

interface Proof {
  /** The prefix of the test's figures line, e.g. `property` for `property: {...}`. */
  name: string;
  files: string[];
  proof: string;
  where: string;
  figures: (f: Figures) => string;
}

/** A table cell written as several phrases, one per source line. */
const sentence = (...parts: string[]) => parts.join(" ");

const proofs: Proof[] = [
  {
    name: "property",
    files: ["test/property/lobby-invariants.test.ts"],
    proof: sentence(
      "Property-based (fast-check): random sequences of connect, drop, reconnect, queue, cancel, create, join by code,",
      "watch, kick, ready, start, settings, move, chat, rematch, leave and clock jumps past countdowns and grace periods,",
      "6 players, fake clock, on the memory store and on Redis. Three steps in four are aimed at whoever they make sense",
      "for (the player whose turn it is, a host, a room that exists); the rest are wild",
    ),
    where: "`apps/server/test/property/lobby-invariants.test.ts`",
    figures: (f) =>
      sentence(
        `${count(f, "sequences")} sequences, ${count(f, "steps")} steps,`,
        `${count(f, "refusals")} refusals (${percent(f, "refusals", "steps")} of steps, all stable \`LobbyError\` codes),`,
        `${count(f, "gamesStarted")} games started and ${count(f, "gamesFinished")} played to the end, 0 invariant violations`,
      ),
  },
  {
    name: "wire fuzz",
    files: ["test/integration/wire-fuzz.test.ts"],
    proof: sentence(
      "Wire fuzzer: payloads from each event's contract, mutated (fields dropped, added, replaced with hostile values,",
      "deep nesting, 3,000-character strings, prototype keys) plus random JSON to random event names, over real sockets",
    ),
    where: "`apps/server/test/integration/wire-fuzz.test.ts`",
    figures: (f) =>
      sentence(
        `${count(f, "payloads")} payloads, ${count(f, "accepted")} accepted, ${count(f, "refused")} refused,`,
        "every ack well-formed, 0 crashes, 0 violations afterwards",
      ),
  },
  {
    name: "faults",
    files: ["test/integration/faults.test.ts"],
    proof: "Faults with real clients",
    where: "`apps/server/test/integration/faults.test.ts`, `reliability.test.ts`",
    // The test fails unless every victim's game is forfeited and every reconnecting player is back in their seat.
    figures: (f) =>
      sentence(
        `${count(f, "killed")} clients killed mid-game (all ${count(f, "killed")} games forfeited to the survivors, no ghost sessions);`,
        `a storm of ${count(f, "reconnects")} simultaneous reconnects (all ${count(f, "reconnects")} back in their seats, 0 lost seats);`,
        "network dropped under a socket (engine closed) and restored; SIGTERM during play (both players told, exit code 0)",
      ),
  },
  {
    name: "handshakes",
    files: ["test/integration/hostile-address.test.ts"],
    proof: sentence(
      "One hostile address: 100 handshakes refused for a bad name and 100 for a busy server, then a valid one is accepted;",
      "random sequences of accepted, refused (bad name, malformed token, root namespace, the cap) and closed handshakes",
    ),
    where: "`apps/server/test/integration/hostile-address.test.ts`",
    figures: (f) =>
      sentence(
        `${count(f, "sequences")} sequences, ${count(f, "handshakes")} handshakes (${count(f, "accepted")} accepted,`,
        `${count(f, "capped")} refused at the cap): after every step the server counted exactly the connections still open`,
      ),
  },
  {
    name: "flood",
    files: ["test/integration/reliability.test.ts"],
    proof: "Floods",
    where: "`apps/server/test/integration/reliability.test.ts`",
    figures: (f) =>
      sentence(
        `${count(f, "sent")} requests from one connection: ${count(f, "rateLimited")} of its opening burst are refused`,
        'with `RATE_LIMITED`, the flood is cut off with `session:closed { reason: "abuse" }`, the server stays healthy',
      ),
  },
];

function value(f: Figures, key: string): number {
  const n = f[key];
  if (typeof n !== "number") throw new Error(`the figures have no number "${key}": ${JSON.stringify(f)}`);
  return n;
}

const count = (f: Figures, key: string) => value(f, key).toLocaleString("en-US");
const percent = (f: Figures, part: string, whole: string) =>
  `${((100 * value(f, part)) / Math.max(value(f, whole), 1)).toFixed(1)} %`;

const fileName = (name: string) => `${name.replaceAll(" ", "-")}.json`;

/** Keeps the figures lines the tests print, as JSON files. */
class FiguresReporter implements Reporter {
  readonly written = new Set<string>();
  private readonly pending: Promise<void>[] = [];

  onUserConsoleLog(log: UserConsoleLog) {
    for (const line of log.content.split("\n")) {
      const [, name, json] = /^([a-z][a-z ]*): (\{.*\})$/.exec(line.trim()) ?? [];
      if (name === undefined || json === undefined || !proofs.some((p) => p.name === name)) continue;
      const figures = JSON.parse(json) as Figures;
      const body = `${JSON.stringify({ name, recordedAt: new Date().toISOString(), figures }, null, 2)}\n`;
      this.pending.push(writeFile(new URL(fileName(name), figuresDir), body));
      this.written.add(name);
    }
  }

  async flushed() {
    await Promise.all(this.pending);
  }
}

async function readFigures(name: string): Promise<Figures> {
  const json = JSON.parse(await readFile(new URL(fileName(name), figuresDir), "utf8")) as { figures: Figures };
  return json.figures;
}

function renderTable(all: Map<string, Figures>): string {
  const cell = (text: string) => text.replaceAll("|", "\\|");
  const rows = proofs.map((p) => `| ${cell(p.proof)} | ${p.where} | ${cell(p.figures(all.get(p.name)!))} |`);
  return ["| proof | where | figures from one run of the suite |", "| --- | --- | --- |", ...rows].join("\n");
}

async function main() {
  // Stale figures from an earlier run must never reach the document.
  await rm(figuresDir, { recursive: true, force: true });
  await mkdir(figuresDir, { recursive: true });

  const reporter = new FiguresReporter();
  const vitest = await startVitest(
    "test",
    proofs.flatMap((p) => p.files),
    { run: true, watch: false, root: fileURLToPath(server) },
    { test: { reporters: ["default", reporter] } },
  );
  const failed = vitest.state.getCountOfFailedTests() > 0 || Boolean(process.exitCode);
  await vitest.close();
  await reporter.flushed();
  if (failed) throw new Error("the run failed: docs/reliability.md is left as it was");
  const missing = proofs.filter((p) => !reporter.written.has(p.name)).map((p) => p.name);
  if (missing.length > 0) throw new Error(`no figures were printed for: ${missing.join(", ")}`);

  const all = new Map(await Promise.all(proofs.map(async (p) => [p.name, await readFigures(p.name)] as const)));
  const doc = await readFile(docUrl, "utf8");
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/reliability.md has no ${START} … ${END} markers`);
  const next = `${doc.slice(0, start + START.length)}\n${renderTable(all)}\n${doc.slice(end)}`;
  await writeFile(docUrl, next);
  console.info(`wrote the figures table of ${fileURLToPath(docUrl)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
