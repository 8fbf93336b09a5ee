import { HandshakeError } from "@lobby/client";
import { describe, expect, it } from "vitest";
import {
  attackMetrics,
  describeRefusals,
  emptyAttackCounts,
  honestRefusalCount,
  memoryGrowth,
  splitErrorAcks,
  topCounts,
  type HonestRefusals,
} from "./abuse-metrics";
import { describeHandshakeFailure } from "./handshake";
import { connectErrorKey } from "./meters";
import type { AttackCounts } from "./protocol";

const counts = (over: Partial<AttackCounts>): AttackCounts => ({ ...emptyAttackCounts(), wallMs: 2000, ...over });
const value = (metrics: ReturnType<typeof attackMetrics>, key: string) => metrics.find((m) => m.key === key)?.value;

describe("attackMetrics", () => {
  it("turns what the attacker tried and got through into rates over its own run", () => {
    const metrics = attackMetrics(
      counts({
        attempted: { handshake: 100, chat: 40, room: 10, "join-guess": 20 },
        accepted: { handshake: 8, chat: 4, "join-guess": 1 },
        refusedHandshakes: { TOO_MANY_CONNECTIONS: 90, TOO_MANY_SESSIONS: 2 },
        errorAcks: { RATE_LIMITED: 30, ROOM_NOT_FOUND: 19 },
        cutOffs: { abuse: 6 },
        cpuMicros: 500_000,
      }),
    );
    expect(value(metrics, "attack.handshake.tried")).toBe(50);
    expect(value(metrics, "attack.handshake.through")).toBe(4);
    expect(value(metrics, "attack.chat.through")).toBe(2);
    // A kind never tried is a rate of 0, not a missing row.
    expect(value(metrics, "attack.watch-guess.tried")).toBe(0);
    expect(value(metrics, "attack.codesFound")).toBe(1);
    expect(value(metrics, "attack.refusedHandshakes")).toBe(46);
    expect(value(metrics, "attack.refused.TOO_MANY_CONNECTIONS")).toBe(45);
    expect(value(metrics, "attack.ack.RATE_LIMITED")).toBe(15);
    expect(value(metrics, "attack.errorAcks")).toBe(24.5);
    expect(value(metrics, "attack.cutOffs")).toBe(3);
    expect(value(metrics, "attack.cpu")).toBe(25);
  });

  it("has no rates for a run that took no time", () => {
    const metrics = attackMetrics(counts({ attempted: { handshake: 3 }, wallMs: 0 }));
    expect(value(metrics, "attack.handshake.tried")).toBeNull();
    expect(value(metrics, "attack.cpu")).toBeNull();
  });

  it("keeps the largest codes and adds the rest up", () => {
    expect(topCounts({ A: 1, B: 5, C: 2 }, 3)).toEqual([
      ["B", 5],
      ["C", 2],
      ["A", 1],
    ]);
    expect(topCounts({ A: 1, B: 5, C: 2, D: 2 }, 3)).toEqual([
      ["B", 5],
      ["C", 2],
      ["other", 3],
    ]);
  });
});

const refusals = (over: Partial<HonestRefusals>): HonestRefusals => ({
  errorAcks: {},
  staleView: {},
  handshakes: {},
  drops: {},
  notSeated: 0,
  ...over,
});

describe("honest refusals", () => {
  it("counts every refusal but not the game's answers to a stale view", () => {
    const split = splitErrorAcks({ RATE_LIMITED: 2, ILLEGAL_MOVE: 5, GAME_NOT_RUNNING: 1, TIMEOUT: 1 });
    expect(split).toEqual({
      errorAcks: { RATE_LIMITED: 2, TIMEOUT: 1 },
      staleView: { ILLEGAL_MOVE: 5, GAME_NOT_RUNNING: 1 },
    });
    const all = refusals({
      ...split,
      handshakes: { TOO_MANY_CONNECTIONS: 1 },
      drops: { "ping timeout": 2 },
      notSeated: 1,
    });
    expect(honestRefusalCount(all)).toBe(7);
    expect(describeRefusals(all)).toBe(
      "error acks: RATE_LIMITED 2, TIMEOUT 1; handshakes: TOO_MANY_CONNECTIONS 1; dropped: ping timeout 2; not seated: 1; not counted, the game's answers to a stale view: ILLEGAL_MOVE 5, GAME_NOT_RUNNING 1",
    );
  });

  it("says none when nothing was refused", () => {
    expect(honestRefusalCount(refusals({ staleView: { ILLEGAL_MOVE: 3 } }))).toBe(0);
    expect(describeRefusals(refusals({}))).toBe("none");
  });

  it("counts a refused handshake by the server's code", () => {
    const refused = describeHandshakeFailure(
      new HandshakeError("TOO_MANY_CONNECTIONS", "Too many connections from your address."),
    );
    expect(refused).toBe("refused TOO_MANY_CONNECTIONS: Too many connections from your address.");
    expect(connectErrorKey(refused)).toBe("TOO_MANY_CONNECTIONS");
    const viaData = describeHandshakeFailure(
      Object.assign(new Error("busy"), { data: { code: "SERVER_BUSY", message: "busy" } }),
    );
    expect(connectErrorKey(viaData)).toBe("SERVER_BUSY");
    expect(
      connectErrorKey(
        describeHandshakeFailure(
          Object.assign(new Error("websocket error"), { description: { message: "connect EMFILE" } }),
        ),
      ),
    ).toBe("EMFILE");
  });
});

describe("memoryGrowth", () => {
  it("gives RSS and heap growth in MiB, negative when memory was returned", () => {
    const mib = 2 ** 20;
    expect(
      memoryGrowth({ rssBytes: 100 * mib, heapUsedBytes: 20 * mib }, { rssBytes: 110 * mib, heapUsedBytes: 18 * mib }),
    ).toEqual({ rssMiB: 10, heapMiB: -2 });
    expect(memoryGrowth(null, { rssBytes: 1, heapUsedBytes: 1 })).toBeNull();
  });
});
