import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import getPort from "get-port";
import { E2E_ADMIN_TOKEN } from "./tests/support/admin-token";
import { chromiumLaunchOptions } from "./tests/support/chromium";

// A free loopback port, chosen once in the runner and inherited by the workers.
process.env.E2E_PORT ??= String(await getPort({ host: "127.0.0.1" }));
const port = Number(process.env.E2E_PORT);
const serverDir = fileURLToPath(new URL("../apps/server", import.meta.url));
const webDist = fileURLToPath(new URL("../apps/web/dist", import.meta.url));

export default defineConfig({
  testDir: "./tests",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromiumLaunchOptions,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  // The production build: one process serves the web app and Socket.IO.
  webServer: {
    command: "node dist/main.js",
    cwd: serverDir,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      WEB_DIST: webDist,
      ALLOWED_ORIGINS: `http://127.0.0.1:${port}`,
      RECONNECT_GRACE_MS: "5000",
      // Every browser here is one address (127.0.0.1), for the whole run: not the one person the default is for.
      NEW_SESSIONS_PER_MINUTE: "600",
      // The /admin page's journeys sign in with it.
      ADMIN_TOKEN: E2E_ADMIN_TOKEN,
      // The development check the built server skips: a stray mutation of a stored record throws.
      FREEZE_RECORDS: "on",
    },
  },
});
