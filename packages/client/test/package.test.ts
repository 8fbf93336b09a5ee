import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLobby } from "./support/lobby-server";

/*
 * The SDK and the contracts as a game maker outside this repository gets them: packed with `pnpm pack`,
 * installed from the tarballs into a scratch project in the system's temporary folder (no workspace above
 * it), type-checked as Node and as bundler code, bundled for the browser, and run with plain Node through a
 * whole quick match against a real server.
 */

const run = promisify(execFile);
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const require = createRequire(import.meta.url);
const PACKAGES = [here("../../contracts"), here("..")];
const CONSUMER = here("./consumer");
const TSC = require.resolve("typescript/bin/tsc");

/** pnpm as the test was started with (`pnpm test` sets npm_execpath), else the one on PATH. */
function pnpm(args: string[], cwd: string) {
  const execPath = process.env.npm_execpath;
  const [file, argv] = execPath && /pnpm/.test(execPath) ? [process.execPath, [execPath, ...args]] : ["pnpm", args];
  return run(file, argv, { cwd, env: { ...process.env, npm_config_loglevel: "warn" }, maxBuffer: 16 << 20 });
}

let scratch = "";
let tarballs: string[] = [];

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "lobby-sdk-consumer-"));
  const packed = join(scratch, "packed");
  for (const dir of PACKAGES) await pnpm(["pack", "--pack-destination", packed], dir);
  tarballs = readdirSync(packed).map((file) => join(packed, file));
  const project = join(scratch, "project");
  cpSync(CONSUMER, project, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(project, "package.json"), "utf8")) as Record<string, unknown>;
  const local = Object.fromEntries(
    tarballs.map((file) => [file.includes("contracts") ? "@lobby/contracts" : "@lobby/client", `file:${file}`]),
  );
  manifest.dependencies = local;
  // The client's own dependency on the contracts is to their packed version too, not to the registry's.
  manifest.pnpm = { overrides: local };
  writeFileSync(join(project, "package.json"), JSON.stringify(manifest, null, 2));
  // The scratch project is its own root: no workspace, no lockfile, packages from the store when it has them.
  await pnpm(["install", "--prefer-offline", "--ignore-workspace", "--config.confirmModulesPurge=false"], project);
}, 180_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("the packed SDK and contracts", () => {
  const project = () => join(scratch, "project");

  it("ship built ESM, declarations and exports, and no TypeScript source or workspace links", () => {
    expect(tarballs.map((file) => file.replace(/.*\//, "")).sort()).toEqual([
      "lobby-client-0.1.0.tgz",
      "lobby-contracts-0.1.0.tgz",
    ]);
    for (const name of ["client", "contracts"]) {
      const dir = join(project(), "node_modules", "@lobby", name);
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
        exports: Record<string, unknown>;
        dependencies: Record<string, string>;
      };
      expect(manifest.exports["."]).toEqual({ types: "./dist/index.d.ts", default: "./dist/index.js" });
      for (const version of Object.values(manifest.dependencies)) expect(version).not.toMatch(/^workspace:/);
      expect(Object.keys(manifest.dependencies).filter((dep) => dep.startsWith("@lobby/"))).toEqual(
        name === "client" ? ["@lobby/contracts"] : [],
      );
      const files = readdirSync(join(dir, "dist"));
      expect(files).toEqual(expect.arrayContaining(["index.js", "index.d.ts"]));
      expect(files.filter((file) => /\.tsx?$/.test(file) && !file.endsWith(".d.ts"))).toEqual([]);
    }
  });

  it("type-check a client as Node (NodeNext) and as bundler code", async () => {
    for (const config of ["tsconfig.node.json", "tsconfig.bundler.json"]) {
      const checked = await run(process.execPath, [TSC, "-p", config, "--noEmit"], { cwd: project() }).then(
        () => "ok",
        (error: Error & { stdout?: string }) => error.stdout ?? error.message,
      );
      expect(checked, config).toBe("ok");
    }
    // Two full type-checks of the packed declarations: seconds alone, much longer when CI runs every package at once.
  }, 90_000);

  it("bundle for the browser with nothing of Node's pulled in", async () => {
    const { build } = await import("esbuild");
    const result = await build({
      absWorkingDir: project(),
      entryPoints: ["play.ts"],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      logLevel: "silent",
      metafile: true,
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.includes("@lobby/client/dist/index.js"))).toBe(true);
    expect(inputs.some((input) => input.includes("@lobby/contracts/dist/index.js"))).toBe(true);
    expect(result.outputFiles[0]?.text).not.toMatch(/from\s*["']node:/);
  });

  it("play a quick match against a real server from plain Node", async () => {
    await run(process.execPath, [TSC, "-p", "tsconfig.node.json"], { cwd: project() });
    const lobby = await startLobby();
    try {
      const consumer = (await import(pathToFileURL(join(project(), "out", "play.js")).href)) as {
        playQuickMatch: (url: string) => Promise<{ result: unknown; moves: number; seats: string[][] }>;
      };
      const outcome = await consumer.playQuickMatch(lobby.url);
      expect(outcome.result).toEqual({ kind: "win", winners: [0], reason: "rules" });
      expect(outcome.moves).toBe(7);
      expect(outcome.seats.map((names) => [...names].sort())).toEqual([
        ["Ada", "Grace"],
        ["Ada", "Grace"],
      ]);
    } finally {
      await lobby.close();
    }
  }, 90_000);
});
