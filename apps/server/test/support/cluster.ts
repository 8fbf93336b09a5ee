import { fileURLToPath } from "node:url";
import { startCluster, type Cluster } from "@lobby/cluster";
import { createLobbyClient, type LobbyClient } from "@lobby/client";
import type { RoomView } from "@lobby/contracts";
import { afterAll, beforeAll, expect } from "vitest";
import { RedisStore } from "../../src/store/redis-store";
import { nextEvent } from "./test-server";

const ENTRY = fileURLToPath(new URL("../../src/main.ts", import.meta.url));

/**
 * Lobby nodes run from source (no build needed) over a redis-server the
 * cluster starts, unless `redisUrl` names one. Load-test friendly: no
 * connection cap per address, no web app.
 */
export function startSourceCluster(nodes: number, env: Record<string, string>, redisUrl?: string): Promise<Cluster> {
  return startCluster({
    nodes,
    ...(redisUrl ? { redisUrl } : {}),
    command: [process.execPath, "--import", "tsx", ENTRY],
    env: { MAX_CONNECTIONS_PER_ADDRESS: "0", NEW_SESSIONS_PER_MINUTE: "0", WEB_DIST: "", ...env },
  });
}

/**
 * A source cluster for one test file: started before its tests, with a
 * store on the same Redis for reading the shared state, and everything —
 * players, store, nodes, redis-server — stopped after them.
 */
export function useSourceCluster(nodes: number, env: Record<string, string>) {
  const players = playerFactory();
  let cluster: Cluster | null = null;
  let store: RedisStore | null = null;
  beforeAll(async () => {
    cluster = await startSourceCluster(nodes, env);
    store = await RedisStore.connect(cluster.redisUrl);
  }, 60_000);
  afterAll(async () => {
    players.disconnectAll();
    await store?.close();
    await cluster?.stop();
  }, 30_000);
  const started = <T>(value: T | null): T => {
    if (value === null) throw new Error("the cluster has not started");
    return value;
  };
  return {
    players,
    get cluster(): Cluster {
      return started(cluster);
    },
    get store(): RedisStore {
      return started(store);
    },
  };
}

/** SDK clients for a test, all disconnected by `disconnectAll`. */
export function playerFactory() {
  const clients: LobbyClient[] = [];
  return {
    /** A player on `url`: the balancer (reconnects wherever it sends them) or one node. */
    async connect(url: string, name: string, reconnection = false, identity?: string) {
      const client = createLobbyClient({
        url,
        name,
        reconnection,
        pingIntervalMs: 0,
        ...(identity ? { identity } : {}),
      });
      clients.push(client);
      const session = await client.connect();
      return { client, id: session.player.id };
    },
    disconnectAll() {
      for (const client of clients.splice(0)) client.disconnect();
    },
  };
}

type Player = { client: LobbyClient; id: string };

/**
 * Play a running Connect Four game to its end: whoever's turn it is drops
 * in the column of their seat, so seat 0 wins in column 0. `watcher` is the
 * player whose view of the room is followed. Resolves with the final view.
 */
export async function playConnectFourToTheEnd(
  players: [Player, Player],
  watcher: Player,
  from: RoomView,
): Promise<RoomView> {
  let view = from;
  while (view.phase === "playing" && view.game?.mode === "connect-four" && view.game.turn !== null) {
    const turn = view.game.turn;
    const mover = players.find((p) => p.id === view.seats[turn]?.player.id);
    if (!mover) throw new Error(`nobody holds seat ${turn}`);
    const version = view.version;
    const next = nextEvent(watcher.client, "room:state", (r) => r.version > version);
    expect(await mover.client.move({ mode: "connect-four", column: turn })).toMatchObject({ ok: true });
    view = await next;
  }
  return view;
}
