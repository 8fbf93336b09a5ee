import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { httpHandler, type HttpOptions } from "./http-handler";

let server: Server | null = null;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** The handler on a real port, serving a one-page web app; resolves with its base URL. */
async function serve(options: Omit<HttpOptions, "webDist">): Promise<string> {
  const webDist = mkdtempSync(join(tmpdir(), "lobby-web-"));
  writeFileSync(join(webDist, "index.html"), "<html>the app</html>");
  server = createServer(httpHandler({ ...options, webDist }));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("plain HTTP", () => {
  it("answers 404 for the metrics and stats endpoints when they are off, not the web app's page", async () => {
    const url = await serve({});
    for (const path of ["/metrics", "/debug/stats", "/debug/stats?lobby=1"]) {
      const response = await fetch(`${url}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain("the app");
    }
    // Any other path is the web app's (client-side routes such as /r/CODE and /admin).
    const page = await fetch(`${url}/admin`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("the app");
  });

  it("says what state the node is in at /healthz", async () => {
    let state = { busy: false, draining: false };
    const url = await serve({ busy: () => state.busy, draining: () => state.draining });
    const health = async () => (await (await fetch(`${url}/healthz`)).json()) as { status: string };
    expect(await health()).toEqual({ status: "ok" });
    state = { busy: true, draining: false };
    expect(await health()).toEqual({ status: "busy" });
    state = { busy: true, draining: true };
    expect(await health()).toEqual({ status: "draining" });
  });
});
