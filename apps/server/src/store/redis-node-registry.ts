import type { NodeRegistry } from "../lobby/node-registry";
import type { RedisClient, RedisKeys } from "./redis-client";

/**
 * The nodes of a cluster in Redis: `node:<id>` (expires: the node's word
 * that it is alive), `nodes` (the set of nodes that ever said so, until
 * forgotten) and `node-players:<id>` (the set of players whose connection
 * the node holds, which the Redis store's transactions keep in step with
 * the records' `node`).
 */
export class RedisNodeRegistry implements NodeRegistry {
  constructor(
    private readonly reads: RedisClient,
    private readonly key: RedisKeys,
  ) {}

  async heartbeat(nodeId: string, ttlMs: number) {
    const [previous] = await this.reads
      .multi()
      .set(this.key("node", nodeId), "alive", { PX: ttlMs, GET: true })
      .sAdd(this.key("nodes"), nodeId)
      .exec();
    return previous !== null;
  }

  async deadNodes() {
    const nodes = await this.reads.sMembers(this.key("nodes"));
    const alive = await Promise.all(nodes.map((id) => this.reads.exists(this.key("node", id))));
    return nodes.filter((_, i) => alive[i] === 0);
  }

  playersOnNode(nodeId: string) {
    return this.reads.sMembers(this.key("node-players", nodeId));
  }

  async forgetNode(nodeId: string) {
    await this.reads.multi().sRem(this.key("nodes"), nodeId).del(this.key("node", nodeId)).exec();
  }
}
