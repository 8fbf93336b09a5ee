import { monitorEventLoopDelay } from "node:perf_hooks";
import type { AdminNode, ModeId } from "@lobby/contracts";
import type { Clock } from "../core/clock";
import type { Metrics } from "../metrics/metrics";

/** What a node needs to report itself to the admin page. */
export interface NodeSources {
  nodeId: string;
  clock: Clock;
  busy(): boolean;
  draining(): boolean;
  connections(): number;
}

/**
 * This node's own figures for the admin page: CPU and event-loop delay since
 * its previous report, memory, and what it counted (matches made, queue
 * waits) as a `Metrics` it is told through.
 */
export class NodeFigures implements Pick<Metrics, "matchMade" | "queueWait"> {
  private matches = 0;
  private waits = { count: 0, totalMs: 0 };
  private readonly loop = monitorEventLoopDelay({ resolution: 10 });
  private last = { at: performance.now(), cpu: process.cpuUsage() };

  constructor(private readonly sources: NodeSources) {
    this.loop.enable();
  }

  matchMade(_mode: ModeId): void {
    this.matches++;
  }

  queueWait(_mode: ModeId, waitedMs: number): void {
    this.waits = { count: this.waits.count + 1, totalMs: this.waits.totalMs + Math.max(0, waitedMs) };
  }

  /** The node as of now; CPU and the event loop's delay are since the previous call. */
  report(): AdminNode {
    const now = performance.now();
    const cpu = process.cpuUsage();
    const elapsedMicros = Math.max(1, (now - this.last.at) * 1000);
    const usedMicros = cpu.user - this.last.cpu.user + (cpu.system - this.last.cpu.system);
    this.last = { at: now, cpu };
    const lag = this.loop.count > 0 ? this.loop.percentile(99) / 1e6 : 0;
    this.loop.reset();
    const memory = process.memoryUsage();
    return {
      id: this.sources.nodeId,
      at: this.sources.clock.now(),
      busy: this.sources.busy(),
      draining: this.sources.draining(),
      connections: this.sources.connections(),
      cpu: Math.max(0, usedMicros / elapsedMicros),
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      eventLoopLagMs: lag,
      uptimeSeconds: process.uptime(),
      matchesMade: this.matches,
      queueWaits: { ...this.waits },
    };
  }

  close(): void {
    this.loop.disable();
  }
}

/** Tell two metrics the same things. */
export function bothMetrics(first: Metrics, second: Pick<Metrics, "matchMade" | "queueWait">): Metrics {
  return {
    ...first,
    matchMade(mode) {
      first.matchMade(mode);
      second.matchMade(mode);
    },
    queueWait(mode, waitedMs) {
      first.queueWait(mode, waitedMs);
      second.queueWait(mode, waitedMs);
    },
  };
}
