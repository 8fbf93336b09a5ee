import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { FakeClock } from "../core/clock";
import type { LogFields, Logger } from "../core/logger";
import { originAllowed } from "./origin";
import { RefusalLog } from "./refusal-log";
import { sessionTokens } from "./session-token";

function recordingLogger() {
  const lines: { message: string; fields?: LogFields }[] = [];
  const logger: Logger = {
    info: () => undefined,
    warn: (message, fields) => lines.push({ message, ...(fields ? { fields } : {}) }),
    error: () => undefined,
  };
  return { logger, lines };
}

describe("the refusal log", () => {
  it("writes one summary line per interval, however many refusals, and nothing when there were none", () => {
    const clock = new FakeClock();
    const { logger, lines } = recordingLogger();
    const log = new RefusalLog(logger, clock, 10_000);
    for (let i = 0; i < 50_000; i++) log.note(i % 3 === 0 ? "UNKNOWN_EVENT" : "RATE_LIMITED", `address-${i % 2000}`);
    expect(lines).toHaveLength(0);
    clock.advance(10_000);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.fields).toMatchObject({ total: 50_000, reasons: { UNKNOWN_EVENT: 16_667, RATE_LIMITED: 33_333 } });
    expect(Object.keys(lines[0]?.fields?.top as object)).toHaveLength(5);
    clock.advance(60_000);
    expect(lines).toHaveLength(1);
  });
});

describe("the origin check", () => {
  const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

  it("accepts the server's own origin, configured origins and non-browser clients", () => {
    expect(originAllowed(request({ host: "lobby.example:3000", origin: "http://lobby.example:3000" }), [])).toBe(true);
    expect(
      originAllowed(request({ host: "lobby.example:3000", origin: "http://localhost:5173" }), [
        "http://localhost:5173",
      ]),
    ).toBe(true);
    expect(originAllowed(request({ host: "lobby.example:3000" }), [])).toBe(true);
    expect(originAllowed(request({ host: "lobby.example:3000", origin: "http://evil.example" }), [])).toBe(false);
  });

  it("with public host names configured, refuses a foreign Host even when Origin matches it (DNS rebinding)", () => {
    const rebound = request({ host: "evil.example:3000", origin: "http://evil.example:3000" });
    expect(originAllowed(rebound, [])).toBe(true);
    expect(originAllowed(rebound, [], ["lobby.example:3000"])).toBe(false);
    expect(
      originAllowed(
        request({ host: "LOBBY.example:3000", origin: "http://lobby.example:3000" }),
        [],
        ["lobby.example:3000"],
      ),
    ).toBe(true);
  });
});

describe("session tokens", () => {
  it("carry the player and generation, and stop verifying when they expire or are tampered with", () => {
    const clock = new FakeClock();
    const tokens = sessionTokens("s".repeat(32), clock, 60_000);
    const token = tokens.sign("player1", 7);
    expect(tokens.verify(token)).toMatchObject({ id: "player1", generation: 7 });
    expect(tokens.verify(token.replace("player1", "player2"))).toBeNull();
    expect(sessionTokens("t".repeat(32), clock, 60_000).verify(token)).toBeNull();
    clock.advance(60_000);
    expect(tokens.verify(token)).toBeNull();
  });
});
