import type { Cluster } from "@lobby/cluster";
import type { RoomView } from "@lobby/contracts";
import { startRedis, type RedisServer } from "@lobby/redis-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { checkInvariants } from "../../src/lobby/invariants";
import { RedisStore } from "../../src/store/redis-store";
import { playConnectFourToTheEnd, playerFactory, startSourceCluster } from "../support/cluster";
import { nextEvent } from "../support/test-server";

/*
 * Redis itself goes away mid-game and comes back with its data (an
 * append-only file, as production should run it). The nodes reconnect on
 * their own and the game goes on where it was.
 */

const CF = "connect-four" as const;

let redis: RedisServer;
let cluster: Cluster;
const players = playerFactory();

beforeAll(async () => {
  redis = await startRedis({ persistent: true });
  cluster = await startSourceCluster(2, { COUNTDOWN_MS: "50" }, redis.url);
}, 60_000);

afterAll(async () => {
  players.disconnectAll();
  await cluster.stop();
  await redis.stop();
}, 30_000);

it("goes on with the game after Redis restarts mid-game", async () => {
  const [one, two] = cluster.nodes;
  const ann = await players.connect(one!.url, "Ann");
  const bob = await players.connect(two!.url, "Bob");
  const playing = nextEvent(bob.client, "room:state", (r) => r.phase === "playing");
  await ann.client.quickMatch(CF);
  await bob.client.quickMatch(CF);
  const start = await playing;

  // Two moves, Redis goes down and comes back, then the game is played out.
  const first = nextEvent(bob.client, "room:state", (r) => r.version > start.version);
  const opener = start.game?.mode === CF ? start.game.turn : null;
  const openerPlayer = start.seats[opener ?? 0]?.player.id === ann.id ? ann : bob;
  expect(await openerPlayer.client.move({ mode: CF, column: opener ?? 0 })).toMatchObject({ ok: true });
  const afterFirst: RoomView = await first;
  await redis.restart();
  const view = await playConnectFourToTheEnd([ann, bob], bob, afterFirst);
  expect(view.result).toMatchObject({ kind: "win", winners: [opener], reason: "rules" });

  const store = await RedisStore.connect(redis.url);
  try {
    expect(await checkInvariants(store, Date.now())).toEqual([]);
    expect((await store.getRoom(view.id))?.phase).toBe("finished");
  } finally {
    await store.close();
  }
}, 60_000);
