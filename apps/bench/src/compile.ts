import { build, type BuildOptions, type Plugin } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The programs the bench starts, ready for plain `node`. */
export interface Programs {
  lobby: string[];
  baseline: string[];
  worker: string[];
  /** Module search path for the compiled files' npm dependencies. */
  nodePath: string;
  /** How they were built, for the report. */
  note: string;
  /** Delete the temporary build. */
  dispose(): void;
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const SERVER_ENTRY = here("../../server/src/main.ts");
const SERVER_CONFIG = here("../../server/src/config.ts");
const BASELINE_ENTRY = here("./baseline-server.ts");
const WORKER_ENTRY = here("./bot-worker.ts");
/**
 * Where the compiled files find their npm dependencies: they stay external (as in the server's own
 * production build) and pnpm keeps each package's dependencies beside it, so the bundles, written to a
 * temporary folder, look in the folders of the packages they came from.
 */
const NODE_PATH = [
  here("../node_modules"),
  here("../../server/node_modules"),
  here("../../../packages/contracts/node_modules"),
].join(delimiter);

/** Workspace packages are compiled in (they ship as TypeScript); npm packages stay external. */
const externalNpm: Plugin = {
  name: "externalize-npm-dependencies",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@lobby/") ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * Compile Lobby, the baseline and the bot worker to CommonJS with esbuild,
 * once per run. Everything under test then runs on plain
 * `node` like a production build, with the same compiler for Lobby and the
 * baseline, instead of through tsx's loader, whose per-function `__name`
 * helper showed up in Lobby's CPU profile. Falls back to tsx if compiling fails.
 */
export async function compilePrograms(): Promise<Programs> {
  const tsx = import.meta.resolve("tsx");
  const viaTsx = (entry: string) => ["--import", tsx, entry];
  const fallback = (why: string): Programs => ({
    lobby: viaTsx(SERVER_ENTRY),
    baseline: viaTsx(BASELINE_ENTRY),
    worker: viaTsx(WORKER_ENTRY),
    nodePath: NODE_PATH,
    note: `run through tsx (${why})`,
    dispose: () => undefined,
  });
  let dir: string | null = null;
  try {
    dir = mkdtempSync(join(tmpdir(), "lobby-bench-"));
    const out = {
      lobby: join(dir, "lobby.cjs"),
      baseline: join(dir, "baseline.cjs"),
      worker: join(dir, "bot-worker.cjs"),
    };
    const common: BuildOptions = {
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      logLevel: "silent",
      plugins: [externalNpm],
    };
    await Promise.all([
      // config.ts reads import.meta.url for its default web folder; CommonJS has none, so pin it.
      build({
        ...common,
        entryPoints: [SERVER_ENTRY],
        outfile: out.lobby,
        define: { "import.meta.url": JSON.stringify(pathToFileURL(SERVER_CONFIG).href) },
      }),
      build({ ...common, entryPoints: [BASELINE_ENTRY], outfile: out.baseline }),
      build({ ...common, entryPoints: [WORKER_ENTRY], outfile: out.worker }),
    ]);
    const built = dir;
    return {
      lobby: [out.lobby],
      baseline: [out.baseline],
      worker: [out.worker],
      nodePath: NODE_PATH,
      note: "compiled with esbuild",
      dispose: () => rmSync(built, { recursive: true, force: true }),
    };
  } catch (error) {
    if (dir) rmSync(dir, { recursive: true, force: true });
    return fallback(error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error));
  }
}
