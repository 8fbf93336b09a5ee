import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonSize, RECEIPT_BYTES, RECEIPTS_KEPT, receiptFor, withReceipt } from "./receipts";

/** JSON values whose strings need no escapes and whose numbers are small integers: `jsonSize` is exact but for numbers. */
const plainJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.string({ unit: fc.constantFrom(..."abcdefghij :-_.") }),
    fc.boolean(),
    fc.constant(null),
    fc.integer({ min: 0, max: 9 }),
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(fc.string({ unit: fc.constantFrom(..."abcxyz"), minLength: 1 }), tie("value"), { maxKeys: 5 }),
  ),
})).value;

/** How many numbers a value holds: each is one character as JSON here and `NUMBER_SIZE` (16) to `jsonSize`. */
const numbers = (value: unknown): number =>
  typeof value === "number"
    ? 1
    : Array.isArray(value)
      ? value.reduce((n: number, v) => n + numbers(v), 0)
      : value !== null && typeof value === "object"
        ? Object.values(value).reduce((n: number, v) => n + numbers(v), 0)
        : 0;

describe("the size of an answer kept for a second try", () => {
  it("counts a value as JSON writes it, each number as 16 characters", () => {
    fc.assert(
      fc.property(plainJson, (value) => {
        expect(jsonSize(value)).toBe(JSON.stringify(value).length + 15 * numbers(value));
      }),
    );
  });

  it("leaves out what JSON leaves out of an object: undefined fields", () => {
    expect(jsonSize({ a: 1, b: undefined, c: "x" })).toBe(jsonSize({ a: 1, c: "x" }));
    expect(jsonSize([undefined])).toBe(JSON.stringify([null]).length);
  });

  it("measures a room's view within a few percent of its JSON", () => {
    const seat = (i: number) => ({
      seat: i,
      player: { id: `player-${i}`, name: `Player ${i}` },
      status: "connected",
      ready: false,
      graceEndsAt: null,
      rating: { value: 1000 + i, provisional: true },
      team: null,
    });
    const line = (i: number) => ({
      id: `line${i}`,
      scope: "room",
      roomId: "room-1",
      kind: "system",
      text: `Player ${i} joined.`,
      at: 1_700_000_000_000 + i,
    });
    const view = {
      id: "room-1",
      code: "ABCDEF",
      phase: "waiting",
      version: 4,
      seats: [0, 1, 2, 3].map(seat),
      chat: [0, 1, 2, 3].map(line),
    };
    const exact = JSON.stringify(view).length;
    expect(jsonSize(view)).toBeGreaterThan(exact * 0.95);
    expect(jsonSize(view)).toBeLessThan(exact * 1.25);
  });

  it("keeps the newest answer whatever its size, and older ones only within the bytes", () => {
    const key = (id: string) => ({ playerId: "p", requestId: id, event: "chat:send" });
    const big = receiptFor(key("big"), { text: "x".repeat(RECEIPT_BYTES) }, 2);
    const small = receiptFor(key("small"), { text: "hi" }, 1);
    expect(withReceipt([small], big).map((r) => r.id)).toEqual(["big"]);
    const many = Array.from({ length: RECEIPTS_KEPT + 4 }, (_, i) => receiptFor(key(`r${i}`), { text: "hi" }, 100 - i));
    expect(withReceipt(many.slice(1), many[0]!)).toHaveLength(RECEIPTS_KEPT);
  });
});
