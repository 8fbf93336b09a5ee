import { describe, expect, it } from "vitest";
import { FakeClock } from "../core/clock";
import type { LogFields, Logger } from "../core/logger";
import { CONNECTION_SUMMARY_INTERVAL_MS, ConnectionLog } from "./connection-log";

/** A logger that keeps every line. */
function capture() {
  const lines: ({ message: string } & LogFields)[] = [];
  const write = (message: string, fields?: LogFields) => void lines.push({ message, ...fields });
  const logger: Logger = { info: write, warn: write, error: write };
  return { lines, logger };
}

describe("the connection log", () => {
  it("logs each connect and its disconnect with the player's id, and nothing else about them", () => {
    const { lines, logger } = capture();
    const log = new ConnectionLog(logger, new FakeClock());
    const closed = log.connected("address-a", "p1", false);
    log.connected("address-a", "p2", true)("ping timeout");
    closed("transport close");
    expect(lines).toEqual([
      { message: "player connected", playerId: "p1", resumed: false },
      { message: "player connected", playerId: "p2", resumed: true },
      { message: "player disconnected", playerId: "p2", reason: "ping timeout" },
      { message: "player disconnected", playerId: "p1", reason: "transport close" },
    ]);
  });

  it("holds back an address that connects in a loop: a summary line per interval, others unaffected", () => {
    const { lines, logger } = capture();
    const clock = new FakeClock();
    const log = new ConnectionLog(logger, clock);
    for (let i = 0; i < 1000; i++) log.connected("loop", "p-loop", true)("client namespace disconnect");
    const one = (message: string) => lines.filter((line) => line.message === message).length;
    // Its first 20 are logged, both ends; the rest only counted.
    expect(one("player connected")).toBe(20);
    expect(one("player disconnected")).toBe(20);
    log.connected("elsewhere", "p-other", false);
    expect(lines.at(-1)).toEqual({ message: "player connected", playerId: "p-other", resumed: false });
    // It earns its lines back slowly: one every 3 s.
    clock.advance(1500);
    log.connected("loop", "p-loop", true);
    expect(one("player connected")).toBe(21);
    clock.advance(1500);
    log.connected("loop", "p-loop", true);
    expect(lines.at(-1)).toEqual({ message: "player connected", playerId: "p-loop", resumed: true });

    clock.advance(CONNECTION_SUMMARY_INTERVAL_MS);
    expect(lines.at(-1)).toEqual({
      message: "connections not logged one by one",
      intervalMs: CONNECTION_SUMMARY_INTERVAL_MS,
      connected: 981,
      disconnected: 980,
      addresses: 1,
    });
    // Nothing more held back: no more summaries.
    const written = lines.length;
    clock.advance(CONNECTION_SUMMARY_INTERVAL_MS);
    expect(lines).toHaveLength(written);
  });

  it("writes what it held back when it closes", () => {
    const { lines, logger } = capture();
    const log = new ConnectionLog(logger, new FakeClock());
    for (let i = 0; i < 21; i++) log.connected("loop", "p", true);
    log.close();
    expect(lines.at(-1)).toMatchObject({ message: "connections not logged one by one", connected: 1, disconnected: 0 });
  });
});
