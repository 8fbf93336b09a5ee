import { spawn } from "node:child_process";
import { io } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { quickMatchedGame } from "../support/games";
import { startTestServer } from "../support/test-server";

/*
 * The Prometheus metrics of a running server: scraped over HTTP after real
 * play, checked for what happened, and checked by Prometheus' own linter
 * (`promtool check metrics`, from Debian's prometheus package, which the
 * test script installs when missing).
 */

let server: Awaited<ReturnType<typeof startTestServer>>;

afterEach(async () => {
  await server.close();
});

async function scrape(): Promise<{ contentType: string; body: string }> {
  const response = await fetch(`${server.url}/metrics`);
  expect(response.status).toBe(200);
  return { contentType: response.headers.get("content-type") ?? "", body: await response.text() };
}

/** The value of one series, by its name and labels (in any order; `node` is always test-node), or undefined. */
function value(body: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries({ ...labels, node: "test-node" })
    .map(([k, v]) => `${k}="${v}"`)
    .sort()
    .join(",");
  for (const line of body.split("\n")) {
    const match = /^([a-z_:]+)\{(.*)\} (\S+)$/.exec(line);
    if (match?.[1] === name && match[2]!.split(",").sort().join(",") === wanted) return Number(match[3]);
  }
  return undefined;
}

/** Run `promtool check metrics` on a scrape: its exit code and what it printed. */
function promtool(body: string): Promise<{ code: number; output: string }> {
  const bin = process.env.PROMTOOL_BIN ?? "promtool";
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ["check", "metrics"], { stdio: ["pipe", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", (error) =>
      reject(
        new Error(
          `${bin} could not be run (${error.message}). Run the tests with scripts/test.sh, which installs it, ` +
            "or install Prometheus' promtool (Debian/Ubuntu: apt-get install prometheus) or set PROMTOOL_BIN.",
        ),
      ),
    );
    child.on("close", (code) => resolve({ code: code ?? -1, output }));
    child.stdin.end(body);
  });
}

describe("metrics", () => {
  it("count what happened, label every series with the node, and pass promtool's checks", async () => {
    server = await startTestServer();
    const ann = await server.connect("Ann");
    const bob = await server.connect("Bob");
    const room = await quickMatchedGame(ann, bob);
    expect(room.phase).toBe("playing");
    // Refused: a bad name in the handshake, and a payload that breaks its contract.
    await expect(server.connect("")).rejects.toMatchObject({ code: "INVALID_NAME" });
    expect(await ann.client.request("room:ready", { ready: "yes" } as never)).toMatchObject({
      ok: false,
      error: { code: "INVALID_PAYLOAD" },
    });

    const { contentType, body } = await scrape();
    expect(contentType).toContain("text/plain");
    expect(value(body, "lobby_matches_made_total", { mode: "connect-four" })).toBe(1);
    expect(value(body, "lobby_games_started_total", { mode: "connect-four" })).toBe(1);
    expect(value(body, "lobby_queue_wait_seconds_count", { mode: "connect-four" })).toBe(2);
    expect(value(body, "lobby_acks_total", { event: "queue:join", code: "OK" })).toBe(2);
    expect(value(body, "lobby_acks_total", { event: "room:ready", code: "INVALID_PAYLOAD" })).toBe(1);
    expect(value(body, "lobby_operation_duration_seconds_count", { event: "queue:join" })).toBe(2);
    expect(value(body, "lobby_handshakes_refused_total", { reason: "INVALID_NAME" })).toBe(1);
    expect(value(body, "lobby_players_online")).toBe(2);
    expect(value(body, "lobby_players_seated", { mode: "connect-four" })).toBe(2);
    expect(value(body, "lobby_rooms", { mode: "connect-four", phase: "playing" })).toBe(1);
    expect(value(body, "lobby_connections")).toBe(2);
    expect(value(body, "lobby_busy")).toBe(0);
    expect(body).toMatch(/^nodejs_eventloop_lag_seconds\{node="test-node"\} [0-9.e-]+$/m);
    expect(body).toMatch(/^process_cpu_user_seconds_total\{node="test-node"\} /m);

    const checked = await promtool(body);
    expect(checked.output).toBe("");
    expect(checked.code).toBe(0);
  });

  it("counts rate-limit refusals", async () => {
    server = await startTestServer({ chatBurst: 1, chatRefillMs: 60_000 });
    const ann = await server.connect("Ann");
    expect(await ann.client.sendChat("lobby", "one")).toMatchObject({ ok: true });
    expect(await ann.client.sendChat("lobby", "two")).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
    // A socket on the root namespace is refused in its handshake too.
    const stray = io(server.url, { transports: ["websocket"], reconnection: false, forceNew: true });
    await new Promise<void>((resolve) => stray.on("connect_error", () => resolve()));
    stray.close();

    const { body } = await scrape();
    expect(value(body, "lobby_rate_limited_total", { event: "chat:send", code: "RATE_LIMITED" })).toBe(1);
    expect(value(body, "lobby_handshakes_refused_total", { reason: "UNKNOWN_NAMESPACE" })).toBe(1);
  });
});
