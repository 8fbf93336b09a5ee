import { createServer, type Server } from "node:net";

/** What the node tells HAProxy's agent check. */
export type AgentState = "ready" | "busy" | "draining";

/** The weight a busy node keeps: new players mostly go to the others, none is turned away for want of a node. */
const BUSY_WEIGHT = "10%";

/**
 * HAProxy's agent check: HAProxy connects every `agent-inter`, reads one
 * line and closes. `up 100%` for a ready node; a busy one (it refuses new
 * players with SERVER_BUSY) keeps a tenth of its weight, so the balancer
 * sends new players elsewhere while the others can take them; a draining
 * node says `drain` (no new connections; those it holds stay). The HTTP
 * check on /healthz still decides whether the node is up at all.
 */
export function haproxyAgent(state: () => AgentState): Server {
  return createServer((socket) => {
    socket.on("error", () => socket.destroy());
    const now = state();
    socket.end(now === "draining" ? "drain\n" : now === "busy" ? `up ${BUSY_WEIGHT}\n` : "up 100%\n");
  });
}
