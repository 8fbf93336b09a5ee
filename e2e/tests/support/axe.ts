import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect } from "./player";

/*
 * The accessibility check: axe-core over the whole page as it stands, failing
 * on any serious or critical violation (minor and moderate ones are listed in
 * the failure message only when something serious fails too). Every rule runs;
 * none is switched off for the whole app.
 */

const BLOCKING = new Set(["serious", "critical"]);

/** Run axe on `page` and expect no serious or critical violation; `screen` names the stop in the failure. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  // Wait for entrance animations to settle: a half-faded element has no fixed contrast. One cancelled
  // meanwhile (its element went away, which rejects `finished`) has settled as well.
  await page.evaluate(() =>
    Promise.allSettled(
      document
        .getAnimations()
        .filter((a) => a.playState === "running" && a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished),
    ),
  );
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations.filter((v) => v.impact != null && BLOCKING.has(v.impact));
  const report = blocking.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map((node) => `    ${node.target.join(" ")}\n      ${node.failureSummary?.replaceAll("\n", "\n      ")}`)
        .join("\n"),
  );
  expect(blocking.length, `axe on the ${screen}:\n${report.join("\n")}`).toBe(0);
}
