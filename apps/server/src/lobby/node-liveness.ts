import type { Cancel } from "../core/clock";
import type { LobbyDeps } from "./runtime";
import type { NodeRegistry } from "./node-registry";
import type { Operations } from "./operations";
import * as sessions from "./sessions";

/**
 * This process as one node of a cluster: it says it is alive, takes its
 * players back after the others took it for dead (a stall), and looks after
 * the players of nodes that died. Without a node registry (one process)
 * there is nothing to do.
 */
export class NodeLiveness {
  private heartbeatPending: Cancel | null = null;
  /** Whether this process has said it is alive at least once. */
  private beaten = false;
  /** Taking back our players or another node's is under way (it can outlast a beat). */
  private lookingAfterNodes = false;
  /** A beat found our word had run out; our players are to be taken back. */
  private reclaimDue = false;
  private closed = false;

  constructor(
    private readonly deps: LobbyDeps,
    private readonly operations: Operations,
    /** A session ended: drop what this process kept for it. */
    private readonly forget: (playerId: string) => void,
  ) {}

  /** Start the heartbeat, every `nodeHeartbeatMs`. */
  start(): void {
    this.scheduleHeartbeat();
  }

  close(): void {
    this.closed = true;
    this.heartbeatPending?.();
    this.heartbeatPending = null;
  }

  /**
   * This process stopped for good (its connections are closed and their
   * departures committed): other nodes need not look after its players.
   */
  async leave(): Promise<void> {
    await this.deps.nodes?.forgetNode(this.deps.settings.nodeId);
  }

  /**
   * Say this process is alive, and find nodes that stopped saying so: their
   * players' connections died with them, so those players are away — kept
   * for the grace period, like any dropped connection — until they come
   * back through another node.
   */
  private scheduleHeartbeat() {
    const every = this.deps.settings.nodeHeartbeatMs;
    const { nodes } = this.deps;
    if (this.closed || every <= 0 || !nodes) return;
    const { logger } = this.deps;
    this.heartbeatPending = this.deps.clock.setTimeout(() => {
      this.heartbeatPending = null;
      // The next beat comes on time whatever this one finds to do: taking over a big dead node's
      // players must never make this node miss its own beats and look dead in turn.
      this.scheduleHeartbeat();
      this.beat(nodes, every).catch((error: unknown) =>
        logger.error("node heartbeat failed", { error: String(error) }),
      );
    }, every);
  }

  private async beat(nodes: NodeRegistry, every: number) {
    const { settings, logger } = this.deps;
    const known = await this.operations.watch(nodes.heartbeat(settings.nodeId, every * 5));
    // Our word ran out (a stall): others may have marked our players away. Take back the ones still here.
    if (!known && this.beaten) this.reclaimDue = true;
    this.beaten = true;
    if (this.lookingAfterNodes) return;
    this.lookingAfterNodes = true;
    try {
      if (this.reclaimDue) {
        this.reclaimDue = false;
        const connections = this.deps.localConnections?.() ?? [];
        logger.warn("this node was silent too long; taking its players back", { connections: connections.length });
        for (const { playerId, connectionId } of connections) {
          await this.operations.run(this.operations.scopeOf(playerId), (ctx) =>
            sessions.reclaim(ctx, playerId, connectionId),
          );
        }
      }
      for (const node of await nodes.deadNodes()) {
        if (node === settings.nodeId) continue;
        const players = await nodes.playersOnNode(node);
        logger.warn("node stopped answering; its players are away", { node, players: players.length });
        for (const playerId of players) {
          await this.operations.run(this.operations.scopeOf(playerId), async (ctx) => {
            if (await sessions.nodeLost(ctx, playerId, node)) ctx.afterCommit(() => this.forget(playerId));
          });
        }
        if ((await nodes.playersOnNode(node)).length === 0) await nodes.forgetNode(node);
      }
    } finally {
      this.lookingAfterNodes = false;
    }
  }
}
