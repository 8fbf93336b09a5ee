import { startRedis, type RedisServer } from "@lobby/redis-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { newRoom } from "../../src/lobby/match-room";
import type { PlayerRecord } from "../../src/lobby/records";
import { redisClient, type RedisClient } from "../../src/store/redis-client";
import { RedisStore } from "../../src/store/redis-store";
import { ratingRecord as rating } from "../support/records";

/*
 * If every node stops, nothing is left to end sessions or close rooms:
 * Redis's own expiry must, so no key outlives a dead cluster for good.
 */

let redis: RedisServer;
let store: RedisStore;
let raw: RedisClient;

beforeAll(async () => {
  redis = await startRedis();
  store = await RedisStore.connect(redis.url, "expiry:");
  raw = redisClient(redis.url);
  await raw.connect();
});

afterAll(async () => {
  await raw.close();
  await store.close();
  await redis.stop();
});

const player = (id: string, awayUntil: number | null): PlayerRecord => ({
  id,
  name: id,
  connectedAt: 0,
  location: { kind: "idle" },
  connectionId: awayUntil === null ? `c-${id}` : null,
  node: awayUntil === null ? "n1" : null,
  awayUntil,
  tokenGeneration: 1,
  address: "",
  identityId: "identity1",
});

it("gives an away player's record an expiry after their grace period, and a connected one none", async () => {
  const graceEnds = Date.now() + 30_000;
  await store.transaction(async (tx) => {
    await tx.putPlayer(player("here", null));
    await tx.putPlayer(player("away", graceEnds));
  });
  expect(await raw.pTTL("expiry:player:here")).toBe(-1);
  const left = await raw.pTTL("expiry:player:away");
  expect(left).toBeGreaterThan(30_000);
  expect(left).toBeLessThanOrEqual(30_000 + 60 * 60 * 1000);

  // Back before the grace period ends: the expiry goes again.
  await store.transaction((tx) => tx.putPlayer(player("away", null)));
  expect(await raw.pTTL("expiry:player:away")).toBe(-1);
});

it("lets a room and its code expire a day after the room last changed", async () => {
  const room = newRoom({
    id: "r1",
    code: "EXP234",
    kind: "custom",
    mode: "connect-four",
    visibility: "private",
    maxPlayers: 2,
    now: 0,
  });
  await store.transaction(async (tx) => {
    await tx.claimCode(room.code, room.id);
    await tx.putRoom(room);
  });
  const day = 24 * 60 * 60 * 1000;
  for (const key of ["expiry:room:r1", "expiry:code:EXP234"]) {
    const left = await raw.pTTL(key);
    expect(left).toBeGreaterThan(day - 60_000);
    expect(left).toBeLessThanOrEqual(day);
  }
});

it("lets an identity expire when it is not used, and every use extends it", async () => {
  const day = 24 * 60 * 60 * 1000;
  const identity = { id: "i1", generation: 1, sessions: [], expiresAt: Date.now() + day };
  await store.transaction((tx) => tx.putIdentity(identity, day));
  const left = await raw.pTTL("expiry:identity:i1");
  expect(left).toBeGreaterThan(day - 60_000);
  expect(left).toBeLessThanOrEqual(day);
  // Its rating and history, written with the identity's expiry of the time, are extended with it.
  await store.transaction(async (tx) => {
    await tx.putRating(
      {
        identityId: "i1",
        // Trails: the leaderboard test below reads Connect Four's.
        mode: "trails",
        name: "I",
        value: 1000,
        mu: 25,
        sigma: 8,
        games: 1,
        wins: 0,
        losses: 0,
        draws: 1,
      },
      day,
    );
    tx.appendHistory(
      "i1",
      {
        game: "r#1",
        at: 0,
        mode: "connect-four",
        players: ["I", "J"],
        seat: 0,
        outcome: "draw",
        rated: true,
        ratingBefore: 1000,
        ratingAfter: 1000,
      },
      20,
      day,
    );
  });
  await store.transaction((tx) =>
    tx.putIdentity({ ...identity, generation: 2, expiresAt: Date.now() + 2 * day }, 2 * day),
  );
  for (const key of ["expiry:identity:i1", "expiry:rating:i1:trails", "expiry:history:i1"]) {
    expect(await raw.pTTL(key)).toBeGreaterThan(2 * day - 60_000);
  }
});

it("drops a rating that expired from its leaderboard when the leaderboard is read", async () => {
  await store.transaction(async (tx) => {
    await tx.putRating(rating("short", 1200), 50);
    await tx.putRating(rating("long", 1100), 60_000);
  });
  await expect.poll(() => raw.exists("expiry:rating:short:connect-four")).toBe(0);
  const board = await store.leaderboard("connect-four", 10);
  expect(board.top.map((r) => r.identityId)).toEqual(["long"]);
  expect(board.total).toBe(1);
  await expect.poll(() => raw.zCard("expiry:leaderboard:connect-four")).toBe(1);
});
