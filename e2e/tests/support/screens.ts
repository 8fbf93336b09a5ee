import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { expectAccessible } from "./axe";

/*
 * Screenshots of the screens a journey passes, for people to look at: with
 * SCREENSHOTS=1 in the environment, `capture(page, name)` writes
 * `<name>-desktop.png` and `<name>-phone.png` (whole pages) into the
 * repository's `.screenshots/screens/` folder, which git ignores. Without it,
 * `capture` does nothing, so the journeys run as fast as ever. `look` is a
 * stop of the screen tour: the accessibility check, then the pictures.
 */

const SCREENSHOTS_DIR = fileURLToPath(new URL("../../../.screenshots/screens/", import.meta.url));

const SIZES = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

const capturing = process.env.SCREENSHOTS === "1";

/** Save `page` as `<name>-desktop.png` and `<name>-phone.png`, then give it back its own size. */
export async function capture(page: Page, name: string): Promise<void> {
  if (!capturing) return;
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const own = page.viewportSize();
  for (const [size, viewport] of Object.entries(SIZES)) {
    await page.setViewportSize(viewport);
    // From the top, so the fixed header is drawn where it belongs on the whole page.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({
      path: join(SCREENSHOTS_DIR, `${name}-${size}.png`),
      fullPage: true,
      animations: "disabled",
      caret: "hide",
    });
  }
  if (own) await page.setViewportSize(own);
}

/** A stop of the screen tour: axe on the page as it stands (see `expectAccessible`), then `capture`. */
export async function look(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  await capture(page, name);
}
