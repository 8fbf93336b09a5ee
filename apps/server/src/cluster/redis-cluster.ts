import { createAdapter } from "@socket.io/redis-streams-adapter";
import type { ServerOptions } from "socket.io";
import type { NodeRegistry } from "../lobby/node-registry";
import { redisClient } from "../store/redis-client";
import { RedisStore } from "../store/redis-store";
import type { Clock } from "../core/clock";
import { addressBudgets, type AddressBudgets, type AddressLimits } from "../transport/address-budgets";
import { redisBans, type Bans } from "../transport/bans";

/**
 * What a node of a cluster needs besides a plain server: the shared store,
 * the registry of the cluster's nodes and the broadcast adapter.
 */
export interface ClusterParts {
  store: RedisStore;
  nodes: NodeRegistry;
  adapter: NonNullable<ServerOptions["adapter"]>;
  /** Per-address budgets kept in Redis, so they hold across every node. */
  budgets(limits: AddressLimits): AddressBudgets;
  /** Admins' bans, kept in Redis, so every node refuses them. */
  bans(clock: Clock): Bans;
  /** Close the Redis connections (after the Socket.IO server closed). */
  close(): Promise<void>;
}

/**
 * Connect one node to the cluster's Redis: lobby state and the node
 * registry through the Redis store, and broadcasts through Socket.IO's
 * official Redis Streams adapter. The streams adapter (rather than the
 * pub/sub one) reads the stream from where it left off after Redis drops
 * the connection, so a short Redis outage loses no broadcast between nodes.
 */
export async function connectCluster(url: string, prefix = "lobby:"): Promise<ClusterParts> {
  const store = await RedisStore.connect(url, prefix);
  const adapterClient = redisClient(url);
  // Budgets judge by this node's own counts while Redis is away, rather than queue their commands.
  const budgetClient = redisClient(url, { disableOfflineQueue: true });
  await Promise.all([adapterClient.connect(), budgetClient.connect()]);
  const adapter = createAdapter(adapterClient, {
    streamName: `${prefix}io`,
    // Every broadcast, chat line and tick goes through it; the bound keeps the stream from growing without end.
    maxLen: 100_000,
    onlyPlaintext: true,
  });
  return {
    store,
    nodes: store.nodes,
    adapter,
    budgets: (limits) => addressBudgets(limits, { client: budgetClient, prefix }),
    bans: (clock) => redisBans(budgetClient, prefix, clock),
    async close() {
      await Promise.all([store.close(), adapterClient.close(), budgetClient.close()]);
    },
  };
}
