import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { startRedis, type RedisServer } from "@lobby/redis-server";
import getPort from "get-port";
import { procUsage, type ProcUsage } from "./proc";
import { redisCommandCount } from "./redis-info";
import { spawnServer, type ServerHandle, type ServerStats, type StartOptions } from "./server-process";

/*
 * `--cluster N`: a throwaway redis-server and N Lobby nodes — the same
 * compiled program and environment as the single Lobby server of the
 * scenario, plus REDIS_URL, NODE_ID and a shared SESSION_SECRET — all pinned
 * to the server cores. Bots connect to the nodes directly (bot i to node
 * i mod N); there is no balancer, which is not part of Lobby.
 */

/**
 * One set of server figures for the whole cluster: CPU and memory summed over
 * the nodes plus redis-server (its RSS only when /proc told it), heap summed
 * over the nodes, event-loop delay the worst node's, the lobby scan from the
 * first node (the state is shared in Redis, so one node sees all of it).
 * Null when any node did not answer: a stalled node stalls the cluster's figures.
 */
export function combineStats(
  nodes: readonly (ServerStats | null)[],
  redis: ProcUsage | null,
  redisCommands: number | null = null,
): ServerStats | null {
  const answered = nodes.filter((n): n is ServerStats => n !== null);
  if (answered.length === 0 || answered.length < nodes.length) return null;
  const sum = (pick: (s: ServerStats) => number) => answered.reduce((total, s) => total + pick(s), 0);
  const worst = (pick: (s: ServerStats) => number) => Math.max(...answered.map(pick));
  const lobby = answered[0]?.lobby;
  return {
    memory: {
      rssBytes: sum((s) => s.memory.rssBytes) + (redis?.rssBytes ?? 0),
      heapUsedBytes: sum((s) => s.memory.heapUsedBytes),
      collected: answered.every((s) => s.memory.collected),
    },
    // Only the sum of user and system time is ever used; redis-server's (utime + stime) goes to user.
    cpu: {
      userMicros: sum((s) => s.cpu.userMicros) + (redis?.cpuMicros ?? 0),
      systemMicros: sum((s) => s.cpu.systemMicros),
    },
    ...(answered.every((s) => s.gc)
      ? { gc: { pauses: sum((s) => s.gc?.pauses ?? 0), pauseMs: sum((s) => s.gc?.pauseMs ?? 0) } }
      : {}),
    eventLoopDelayMs: {
      p50: worst((s) => s.eventLoopDelayMs.p50),
      p99: worst((s) => s.eventLoopDelayMs.p99),
      max: worst((s) => s.eventLoopDelayMs.max),
    },
    cluster: {
      nodes: answered.length,
      redisCpuMicros: redis?.cpuMicros ?? null,
      redisRssBytes: redis?.rssBytes ?? null,
      redisCommands,
    },
    ...(lobby ? { lobby } : {}),
  };
}

/** `NODE_ID` of node i (0-based): `node-1`, `node-2`, … like `pnpm dev:cluster`. */
export const nodeId = (index: number) => `node-${index + 1}`;

/** Pin every thread of an already running process (redis-server has background threads) to `cpus`. */
function pinProcess(pid: number | null, cpus: string | null): void {
  if (pid === null || !cpus) return;
  spawnSync("taskset", ["-a", "-cp", cpus, String(pid)], { stdio: "ignore" });
}

/** Start redis-server and `nodes` Lobby nodes on it; resolves once every node answers `/healthz`. */
export async function startCluster(nodes: number, options: StartOptions): Promise<ServerHandle> {
  const redis: RedisServer = await startRedis({ persistent: false });
  pinProcess(redis.pid, options.cpus);
  // Lobby refuses a session token signed by another secret: every node must share it.
  const secret = randomBytes(32).toString("hex");
  const started: ServerHandle[] = [];
  try {
    // get-port gives no port twice in a while (15 s or more) within a process, so the nodes' ports differ.
    const ports: number[] = [];
    for (let i = 0; i < nodes; i++) ports.push(await getPort({ host: "127.0.0.1" }));
    const results = await Promise.allSettled(
      ports.map(async (port, i) => {
        const env = { ...options.env, REDIS_URL: redis.url, NODE_ID: nodeId(i), SESSION_SECRET: secret };
        const node = await spawnServer(
          "cluster",
          `cluster ${nodeId(i)}`,
          options.programs.lobby,
          { ...options, env },
          port,
        );
        started.push(node);
        return node;
      }),
    );
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason instanceof Error ? failed.reason : new Error(String(failed.reason));
    // In NODE_ID order, whatever order they came up in.
    const members = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const redisPid = redis.pid;
    return {
      kind: "cluster",
      url: members[0]?.url ?? "",
      urls: members.map((m) => m.url),
      managed: true,
      pids: [...members.flatMap((m) => m.pids), ...(redisPid === null ? [] : [redisPid])],
      async stats(query = {}) {
        // The lobby scan reads the shared state: one node is enough (and it is the costly part).
        const [figures, commands] = await Promise.all([
          Promise.all(members.map((m, i) => m.stats(i === 0 ? query : { ...query, lobby: false }))),
          redisCommandCount(redis.url),
        ]);
        return combineStats(figures, procUsage(redis.pid), commands);
      },
      logTail: () =>
        members
          .map((m, i) =>
            m
              .logTail()
              .split("\n")
              .slice(-20)
              .map((line) => `[${nodeId(i)}] ${line}`)
              .join("\n"),
          )
          .join("\n"),
      async stop() {
        await Promise.all(members.map((m) => m.stop()));
        await redis.stop();
      },
    };
  } catch (error) {
    await Promise.all(started.map((node) => node.stop().catch(() => undefined)));
    await redis.stop();
    throw error;
  }
}
