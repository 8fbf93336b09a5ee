import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { createLobbyClient } from "@lobby/client";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { checkInvariants } from "../../src/lobby/invariants";
import { nextEvent, startTestServer } from "../support/test-server";

const CF = "connect-four" as const;
let server: Awaited<ReturnType<typeof startTestServer>> | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

export const faultFigures = { killed: 0, reconnects: 0 };

afterAll(() => {
  console.info(`faults: ${JSON.stringify(faultFigures)}`);
});

async function seatPairs(s: NonNullable<typeof server>, pairs: number) {
  const players = await Promise.all(
    Array.from({ length: pairs * 2 }, (_, i) => s.connect(`P${i}`, { reconnection: true })),
  );
  for (const p of players) {
    p.client.socket.io.reconnectionDelay(20);
    p.client.socket.io.reconnectionDelayMax(100);
  }
  const playing = players.map((p) => nextEvent(p.client, "room:state", (r) => r.phase === "playing"));
  for (const p of players) {
    const result = await p.client.quickMatch(CF);
    if (!result.ok) throw new Error(result.error.code);
  }
  const rooms = await Promise.all(playing);
  return players.map((p, i) => ({ ...p, room: rooms[i]! }));
}

describe("faults with real clients", () => {
  it("clients killed mid-game forfeit after the grace period, leaving no ghosts", async () => {
    server = await startTestServer({ reconnectGraceMs: 300, countdownMs: 10 });
    const players = await seatPairs(server, 10);
    const victims = players.filter((_, i) => i % 2 === 1);
    const survivors = players.filter((_, i) => i % 2 === 0);
    const results = survivors.map((p) => nextEvent(p.client, "room:state", (r) => r.result !== null));
    for (const v of victims) {
      v.client.socket.io.reconnection(false);
      v.client.socket.io.engine.close();
      faultFigures.killed++;
    }
    for (const result of await Promise.all(results)) {
      expect(result.result).toEqual({ kind: "win", winners: [0], reason: "forfeit" });
    }
    await expect.poll(async () => (await server!.store.listPlayerIds()).length).toBe(survivors.length);
    expect(await checkInvariants(server.store, Date.now())).toEqual([]);
  }, 60_000);

  it("a reconnect storm brings every player back to the same seat", async () => {
    server = await startTestServer({ reconnectGraceMs: 10_000, countdownMs: 10 });
    const players = await seatPairs(server, 50);
    const back = players.map(
      (p) => new Promise<void>((resolve) => p.client.socket.io.once("reconnect", () => resolve())),
    );
    for (const p of players) p.client.socket.io.engine.close();
    await Promise.all(back);
    faultFigures.reconnects += players.length;
    await expect.poll(() => players.every((p) => p.client.state === "connected")).toBe(true);
    await server.server.lobby.idle();
    for (const p of players) {
      const room = await server.store.getRoom(p.room.id);
      expect(room?.seats.find((s) => s.playerId === p.id)?.status).toBe("connected");
    }
    expect(await checkInvariants(server.store, Date.now())).toEqual([]);
    // And the games go on.
    const [first, second] = players;
    expect(await first!.client.move({ mode: CF, column: 0 })).toMatchObject({ ok: true });
    expect(second!.room.id).toBe(first!.room.id);
  }, 90_000);
});

describe("graceful shutdown", () => {
  it("on SIGTERM stops, tells every client, and exits cleanly", async () => {
    const main = fileURLToPath(new URL("../../src/main.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", main], {
      env: { ...process.env, PORT: "0", HOST: "127.0.0.1", WEB_DIST: "", COUNTDOWN_MS: "10" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const match = /"url":"(http:\/\/[^"]+)"/.exec(out);
          if (match?.[1]) resolve(match[1].replace("localhost", "127.0.0.1"));
        });
        child.once("exit", () => reject(new Error(`server exited early: ${out}`)));
      });
      const clients = ["Ann", "Bob"].map((name) =>
        createLobbyClient({ url, name, reconnection: false, pingIntervalMs: 0 }),
      );
      await Promise.all(clients.map((c) => c.connect()));
      const playing = nextEvent(clients[1]!, "room:state", (r) => r.phase === "playing");
      await clients[0]!.quickMatch(CF);
      await clients[1]!.quickMatch(CF);
      await playing;
      await clients[0]!.move({ mode: CF, column: 3 });

      const told = clients.map((c) => nextEvent(c, "session:closed"));
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      for (const notice of await Promise.all(told)) expect(notice.reason).toBe("shutdown");
      const [code] = (await exited) as [number | null];
      expect(code).toBe(0);
      for (const c of clients) c.disconnect();
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 60_000);
});
