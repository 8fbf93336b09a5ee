import { describe, expect, it } from "vitest";
import { pinoLogger } from "./pino-logger";

/** A logger writing JSON lines into an array. */
function capture(level: string) {
  const lines: Record<string, unknown>[] = [];
  const destination = { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) };
  return { lines, logger: pinoLogger({ level, format: "json", nodeId: "node-7", destination }) };
}

describe("the pino logger", () => {
  it("writes one JSON object a line with the level's name, the node, the message and the fields", () => {
    const { lines, logger } = capture("info");
    logger.warn("refused", { playerId: "p1", total: 3 });
    logger.info("lobby listening");
    expect(lines).toEqual([
      expect.objectContaining({ level: "warn", node: "node-7", message: "refused", playerId: "p1", total: 3 }),
      expect.objectContaining({ level: "info", node: "node-7", message: "lobby listening" }),
    ]);
    expect(typeof lines[0]?.time).toBe("string");
  });

  it("writes nothing below LOG_LEVEL", () => {
    const { lines, logger } = capture("error");
    logger.info("quiet");
    logger.warn("quiet too");
    logger.error("loud");
    expect(lines.map((l) => l.message)).toEqual(["loud"]);
  });
});
