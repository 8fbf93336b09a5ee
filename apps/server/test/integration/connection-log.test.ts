import { afterEach, expect, it } from "vitest";
import { pinoLogger } from "../../src/core/pino-logger";
import { MemoryStore } from "../../src/store/memory-store";
import { startTestServer } from "../support/test-server";

let server: Awaited<ReturnType<typeof startTestServer>> | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

it("logs every connect and disconnect with the player's id and the node, never the name or a token", async () => {
  const raw: string[] = [];
  const logger = pinoLogger({
    level: "info",
    format: "json",
    nodeId: "node-7",
    destination: { write: (line) => raw.push(line) },
  });
  server = await startTestServer({}, {}, new MemoryStore(), logger);
  const lines = () => raw.map((line) => JSON.parse(line) as Record<string, unknown>);
  const about = (playerId: string) => lines().filter((line) => line.playerId === playerId);

  const ann = await server.connect("Annabel");
  await expect
    .poll(() => about(ann.id))
    .toEqual([expect.objectContaining({ level: "info", node: "node-7", message: "player connected", resumed: false })]);
  // Waiting for a match keeps her session while she is away.
  expect(await ann.client.quickMatch("trails")).toMatchObject({ ok: true });
  const token = ann.client.token!;
  ann.client.disconnect();
  await expect
    .poll(() => about(ann.id).at(-1))
    .toMatchObject({
      node: "node-7",
      message: "player disconnected",
      reason: "client namespace disconnect",
    });

  // Coming back by token is a connection of the same player.
  const back = await server.connect("Annabel", { token });
  expect(back.id).toBe(ann.id);
  await expect.poll(() => about(ann.id).at(-1)).toMatchObject({ message: "player connected", resumed: true });

  const text = raw.join("");
  expect(text).not.toContain("Annabel");
  expect(text).not.toContain(token);
  expect(text).not.toContain(back.client.token!);
});
