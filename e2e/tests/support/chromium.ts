import type { LaunchOptions } from "@playwright/test";

/**
 * Debian's Chromium (Playwright cannot download its own browsers here).
 * The flags keep it from reaching for the network at start-up.
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};
