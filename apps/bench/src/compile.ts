import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { build, type BuildOptions, type Plugin } from "esbuild";

/** The programs the bench starts: arguments to plain `node`. */
export interface Programs {
  lobby: string[];
  baseline: string[];
  worker: string[];
  /** How they were built, for the report. */
  note: string;
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
/** The Lobby server's package folder (its export is `src/index.ts`); servers run with it as their working folder. */
export const SERVER_ROOT = fileURLToPath(new URL("../", import.meta.resolve("@lobby/server")));
const SERVER_ENTRY = `${SERVER_ROOT}src/main.ts`;
/** What the server's own `build` script (`build.mjs`, for `pnpm start`) writes. */
const SERVER_BUNDLE = `${SERVER_ROOT}dist/main.js`;
const BASELINE_ENTRY = here("./baseline-server.ts");
const WORKER_ENTRY = here("./bot-worker.ts");
/**
 * The baseline's and the bot worker's bundles (gitignored). Their npm imports stay external and, from
 * inside this package, resolve from its own node_modules, as Lobby's bundle in apps/server/dist does from
 * the server's: every package a bundle imports is a dependency of the package it sits in.
 */
const BUILD_DIR = here("../.bench-build/");

/** Workspace packages are compiled in (they ship as TypeScript); npm packages stay external. */
const externalNpm: Plugin = {
  name: "externalize-npm-dependencies",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@lobby/") ? undefined : { path: args.path, external: true },
    );
  },
};

/** The server's `build.mjs` settings but for its source map and log: Lobby and the baseline are compiled alike. */
const SERVER_BUILD_SETTINGS: BuildOptions = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  logLevel: "silent",
  plugins: [externalNpm],
};

/** Run the server's production build, as `pnpm --filter @lobby/server build` does; its log only on failure. */
async function buildServer(): Promise<void> {
  try {
    await promisify(execFile)(process.execPath, ["build.mjs"], { cwd: SERVER_ROOT });
  } catch (error) {
    // esbuild's "✘ [ERROR] …" or Node's "Error: …", not the stack around it.
    const lines = ((error as { stderr?: string }).stderr ?? "").split("\n");
    const why = lines.find((line) => /error/i.test(line))?.trim() ?? lines[0]?.trim();
    throw new Error(`the server's build failed${why ? `: ${why}` : ""}`, { cause: error });
  }
}

/**
 * Build Lobby with the server's production build and the baseline and the bot worker
 * with the same esbuild settings, once per run. Everything under test then runs on plain
 * `node` as it does in production, with the same compiler for Lobby and the baseline,
 * instead of through tsx's loader, whose per-function `__name` helper showed up in
 * Lobby's CPU profile. Falls back to tsx if building fails.
 */
export async function compilePrograms(): Promise<Programs> {
  try {
    const bundle = (entry: string, name: string) =>
      build({ ...SERVER_BUILD_SETTINGS, entryPoints: [entry], outfile: `${BUILD_DIR}${name}` });
    await Promise.all([
      buildServer(),
      bundle(BASELINE_ENTRY, "baseline-server.js"),
      bundle(WORKER_ENTRY, "bot-worker.js"),
    ]);
    return {
      lobby: [SERVER_BUNDLE],
      baseline: [`${BUILD_DIR}baseline-server.js`],
      worker: [`${BUILD_DIR}bot-worker.js`],
      note: "built with esbuild (Lobby by its production build)",
    };
  } catch (error) {
    const tsx = import.meta.resolve("tsx");
    const viaTsx = (entry: string) => ["--import", tsx, entry];
    const why = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    return {
      lobby: viaTsx(SERVER_ENTRY),
      baseline: viaTsx(BASELINE_ENTRY),
      worker: viaTsx(WORKER_ENTRY),
      note: `run through tsx (${why})`,
    };
  }
}
