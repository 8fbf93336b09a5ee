import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ratingRecord as rating } from "../../test/support/records";
import { MemoryStore } from "./memory-store";

const CF = "connect-four" as const;

const identity = (id: string) => ({ id, generation: 1, sessions: [], expiresAt: Date.now() + 60_000 });

/** The board as it must be: every identity's latest rating once, highest first. */
function expected(latest: Map<string, number>): [string, number][] {
  return [...latest].sort((a, b) => b[1] - a[1]);
}

async function board(store: MemoryStore): Promise<[string, number][]> {
  const { top, total } = await store.leaderboard(CF, 1_000);
  expect(top.length).toBe(total);
  return top.map((r) => [r.identityId, r.value]);
}

/** Boards compared by value at each place; among equal values any order (and each identity once). */
function sameBoard(actual: [string, number][], wanted: [string, number][]) {
  expect(actual.map(([, value]) => value)).toEqual(wanted.map(([, value]) => value));
  expect(actual.map(([id]) => id).sort()).toEqual(wanted.map(([id]) => id).sort());
}

describe("the memory store's leaderboards", () => {
  it("keep every identity once, highest first, through rating changes, failed transactions and evictions", async () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant("rate" as const), who: fc.nat(7), value: fc.integer({ min: 990, max: 1010 }) }),
      fc.record({ kind: fc.constant("fail" as const), who: fc.nat(7), value: fc.integer({ min: 990, max: 1010 }) }),
      fc.record({ kind: fc.constant("evict" as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), async (steps) => {
        // Six identities kept: a seventh pushes the least recently stored out, with its ratings.
        const store = new MemoryStore({ maxIdentities: 6 });
        const latest = new Map<string, number>();
        const kept: string[] = [];
        let minted = 0;
        const mint = async () => {
          const id = `id${minted++}`;
          await store.transaction((tx) => tx.putIdentity(identity(id), 60_000));
          kept.push(id);
          if (kept.length > 6) latest.delete(kept.shift()!);
        };
        for (let i = 0; i < 6; i++) await mint();
        for (const s of steps) {
          if (s.kind === "evict") {
            await mint();
          } else if (s.kind === "rate") {
            const who = kept[s.who % kept.length]!;
            await store.transaction((tx) => tx.putRating(rating(who, s.value), 60_000));
            latest.set(who, s.value);
          } else {
            // A rating written, then the operation throws: nothing of it stays.
            const who = kept[s.who % kept.length]!;
            await expect(
              store.transaction(async (tx) => {
                await tx.putRating(rating(who, s.value), 60_000);
                await tx.putRating(rating(kept[(s.who + 1) % kept.length]!, s.value + 1), 60_000);
                throw new Error("lost a race");
              }),
            ).rejects.toThrow("lost a race");
          }
          sameBoard(await board(store), expected(latest));
          for (const value of latest.values()) {
            expect(await store.countAbove(CF, value)).toBe([...latest.values()].filter((v) => v > value).length);
          }
          for (const id of kept) expect((await store.getRating(id, CF))?.value).toBe(latest.get(id));
        }
      }),
      { numRuns: 150 },
    );
  });
});
