import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { ensurePortFree, PortUnavailableError } from "../src/port";

const MAIN = fileURLToPath(new URL("../src/main.ts", import.meta.url));

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A port some other program holds on 127.0.0.1. */
async function takenPort(): Promise<number> {
  const server = createServer();
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

describe("a taken balancer port", () => {
  it("is refused up front with what to do: another port, named, and how to ask for it", async () => {
    const port = await takenPort();
    const refused = await ensurePortFree(port, "127.0.0.1").then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(PortUnavailableError);
    const { message, suggestion } = refused as PortUnavailableError;
    expect(message).toContain(`Port ${port} on 127.0.0.1 is taken`);
    expect(message).toContain(`pnpm dev:cluster -- --port ${suggestion}`);
    expect(suggestion).not.toBe(port);
    // The suggestion was free when checked.
    await expect(ensurePortFree(suggestion, "127.0.0.1")).resolves.toBeUndefined();
  });

  it("stops pnpm dev:cluster before it builds or starts anything, with the hint and no stack", async () => {
    const port = await takenPort();
    const child = spawn(process.execPath, ["--import", "tsx", MAIN, "--", "--no-build", "--port", String(port)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(1);
    expect(stderr).toContain(`Port ${port} on 127.0.0.1 is taken`);
    expect(stderr).toContain("--port");
    expect(stderr).not.toContain("    at ");
    expect(stdout).toBe("");
  });
});
