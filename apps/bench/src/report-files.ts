import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { renderHtml } from "./report-html";
import type { BenchReport } from "./targets";

/** The monorepo root (where pnpm-workspace.yaml is), for the git-ignored `bench-results/`. */
export function repoRoot(): string {
  let dir = fileURLToPath(new URL(".", import.meta.url));
  for (let i = 0; i < 10; i++) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

/** Write `<stamp>.json` and `<stamp>.html`, read both back, and say whether they are well formed. */
export async function writeReport(
  report: BenchReport,
  outDir: string | null,
): Promise<{ json: string; html: string; wellFormed: boolean; problem: string | null }> {
  const dir = resolve(outDir ?? join(repoRoot(), "bench-results"));
  await mkdir(dir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, "-");
  const json = join(dir, `bench-${stamp}.json`);
  const html = join(dir, `bench-${stamp}.html`);
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(html, renderHtml(report));
  let problem: string | null = null;
  try {
    const parsed = JSON.parse(await readFile(json, "utf8")) as Partial<BenchReport>;
    if (!Array.isArray(parsed.runs) || !Array.isArray(parsed.targets)) problem = "JSON report lacks runs or targets";
    const page = await readFile(html, "utf8");
    if (!page.startsWith("<!doctype html>") || !page.trimEnd().endsWith("</html>") || !page.includes("<svg")) {
      problem ??= "HTML report is incomplete or has no chart";
    }
  } catch (error) {
    problem = `report unreadable: ${error instanceof Error ? error.message : String(error)}`;
  }
  return { json, html, wellFormed: problem === null, problem };
}
