import { describe, expect, it } from "vitest";
import { FakeClock } from "../core/clock";
import type { RedisClient } from "../store/redis-client";
import { banKey, memoryBans, redisBans } from "./bans";

describe("bans", () => {
  it("hold for their time, the longest of several keys counting, and then lapse", async () => {
    const clock = new FakeClock(1_000);
    const bans = memoryBans(clock);
    await bans.ban([banKey.address("a1"), banKey.identity("i1")], 60_000);
    await bans.ban([banKey.identity("i1")], 120_000);
    expect(await bans.remainingMs([banKey.address("a1")])).toBe(60_000);
    expect(await bans.remainingMs([banKey.address("a2"), banKey.identity("i1")])).toBe(120_000);
    expect(await bans.remainingMs([banKey.address("a2")])).toBeNull();
    clock.advance(60_000);
    expect(await bans.remainingMs([banKey.address("a1")])).toBeNull();
    expect(await bans.remainingMs([banKey.identity("i1")])).toBe(60_000);
  });

  it("keep at most their bound in memory, the soonest to end going first", async () => {
    const bans = memoryBans(new FakeClock(0), 2);
    await bans.ban(["k1"], 10);
    await bans.ban(["k2"], 30);
    await bans.ban(["k3"], 20);
    expect(await bans.remainingMs(["k1"])).toBeNull();
    expect(await bans.remainingMs(["k2", "k3"])).toBe(30);
  });

  it("let a handshake through when Redis does not answer, after half a second", async () => {
    // A Redis that stalls: the connection stays open and no answer comes.
    const stalled = { mGet: () => new Promise<never>(() => undefined) } as unknown as RedisClient;
    const clock = new FakeClock(0);
    const answer = redisBans(stalled, "t:", clock).remainingMs([banKey.address("a1")]);
    clock.advance(500);
    expect(await answer).toBeNull();
  });
});
