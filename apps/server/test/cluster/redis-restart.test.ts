import { fileURLToPath } from "node:url";
import { startCluster, type Cluster } from "@lobby/cluster";
import { createLobbyClient, type LobbyClient } from "@lobby/client";
import type { RoomView } from "@lobby/contracts";
import { startRedis, type RedisServer } from "@lobby/redis-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { checkInvariants } from "../../src/lobby/invariants";
import { RedisStore } from "../../src/lobby/redis-store";
import { nextEvent } from "../support/test-server";

/*
 * Redis itself goes away mid-game and comes back with its data (an
 * append-only file, as production should run it). The nodes reconnect on
 * their own and the game goes on where it was.
 */

const CF = "connect-four" as const;
const ENTRY = fileURLToPath(new URL("../../src/main.ts", import.meta.url));

let redis: RedisServer;
let cluster: Cluster;
const clients: LobbyClient[] = [];

beforeAll(async () => {
  redis = await startRedis({ persistent: true });
  cluster = await startCluster({
    nodes: 2,
    redisUrl: redis.url,
    command: [process.execPath, "--import", "tsx", ENTRY],
    env: { MAX_CONNECTIONS_PER_ADDRESS: "0", COUNTDOWN_MS: "50", WEB_DIST: "" },
  });
}, 60_000);

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await cluster.stop();
  await redis.stop();
}, 30_000);

async function player(url: string, name: string) {
  const client = createLobbyClient({ url, name, reconnection: false, pingIntervalMs: 0 });
  clients.push(client);
  const session = await client.connect();
  return { client, id: session.player.id };
}

it("goes on with the game after Redis restarts mid-game", async () => {
  const [one, two] = cluster.nodes;
  const ann = await player(one!.url, "Ann");
  const bob = await player(two!.url, "Bob");
  const playing = nextEvent(bob.client, "room:state", (r) => r.phase === "playing");
  await ann.client.quickMatch(CF);
  await bob.client.quickMatch(CF);
  let view: RoomView = await playing;

  /** The player whose turn it is drops in the column of their seat (seat 0 wins in column 0). */
  const play = async () => {
    if (view.game?.mode !== CF || view.game.turn === null) throw new Error("not a running Connect Four game");
    const turn = view.game.turn;
    const mover = view.seats[turn]?.player.id === ann.id ? ann : bob;
    const next = nextEvent(bob.client, "room:state", (r) => r.version > view.version);
    expect(await mover.client.move({ mode: CF, column: turn })).toMatchObject({ ok: true });
    view = await next;
  };

  await play();
  await play();
  await redis.restart();
  while (view.phase === "playing") await play();
  expect(view.result).toMatchObject({ kind: "win", reason: "rules" });

  const store = await RedisStore.connect(redis.url);
  try {
    expect(await checkInvariants(store, Date.now())).toEqual([]);
    expect((await store.getRoom(view.id))?.phase).toBe("finished");
  } finally {
    await store.close();
  }
}, 60_000);
