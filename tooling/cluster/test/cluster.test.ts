import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { serverStates } from "../src/haproxy";
import { startCluster, type Cluster, type ClusterOptions } from "../src/index";

const FAKE_NODE = fileURLToPath(new URL("./fake-node.mjs", import.meta.url));

interface NodeSettings {
  NODE_ID: string;
  REDIS_URL: string;
  ALLOWED_ORIGINS: string;
  SESSION_SECRET: string;
  HOST: string;
  EXTRA?: string;
}

const clusters: Cluster[] = [];
afterEach(async () => {
  await Promise.all(clusters.splice(0).map((cluster) => cluster.stop()));
});

async function start(options: Partial<ClusterOptions> = {}): Promise<Cluster> {
  const cluster = await startCluster({ nodes: 2, command: [process.execPath, FAKE_NODE], ...options });
  clusters.push(cluster);
  return cluster;
}

async function settings(url: string): Promise<NodeSettings> {
  return (await (await fetch(`${url}/settings`)).json()) as NodeSettings;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("startCluster", () => {
  it("gives every node its id, the cluster's redis-server, the balancer's origin and one session secret", async () => {
    const lines: string[] = [];
    const cluster = await start({
      env: { EXTRA: "passed on" },
      onOutput: (source, line) => lines.push(`${source}: ${line}`),
    });
    const [one, two] = await Promise.all(cluster.nodes.map((node) => settings(node.url)));

    expect(cluster.nodes.map((node) => node.id)).toEqual(["node-1", "node-2"]);
    expect([one?.NODE_ID, two?.NODE_ID]).toEqual(["node-1", "node-2"]);
    expect(cluster.redis?.url).toBe(cluster.redisUrl);
    expect(one?.REDIS_URL).toBe(cluster.redisUrl);
    expect(one?.ALLOWED_ORIGINS.split(",")).toContain(`http://localhost:${cluster.balancer.port}`);
    expect(one?.SESSION_SECRET).toHaveLength(64);
    expect(two?.SESSION_SECRET).toBe(one?.SESSION_SECRET);
    expect(one?.HOST).toBe("127.0.0.1");
    expect(one?.EXTRA).toBe("passed on");
    expect(lines).toContain("node-1: listening as node-1");
    expect(lines.some((line) => line.startsWith("redis: ") && line.includes("Ready to accept connections"))).toBe(true);
  });

  it("serves through the balancer from every node, and from the others once one is SIGKILLed", async () => {
    const exits: [string, string][] = [];
    const lines: string[] = [];
    const cluster = await start({
      onNodeExit: (id, how) => exits.push([id, how]),
      onOutput: (source, line) => lines.push(`${source}: ${line}`),
    });
    const viaBalancer = async () => (await settings(cluster.url)).NODE_ID;
    expect(new Set([await viaBalancer(), await viaBalancer()])).toEqual(new Set(["node-1", "node-2"]));

    const [first] = cluster.nodes;
    await first?.kill("SIGKILL");

    expect(first?.running).toBe(false);
    // Said, and nothing brings it back.
    expect(lines).toContain("cluster: node-1 exited (SIGKILL)");
    expect(exits).toEqual([["node-1", "SIGKILL"]]);
    const after = [await viaBalancer(), await viaBalancer(), await viaBalancer()];
    expect(after).toEqual(["node-2", "node-2", "node-2"]);
  });

  it("runs HAProxy with the repository's configuration, which drains a node whose agent says so", async () => {
    const cluster = await start({ env: { FAKE_AGENT: "drain" }, nodes: 1 });
    // The agent answers every second; HAProxy then takes the node out of rotation but keeps it up.
    await expect
      .poll(async () => serverStates(await cluster.balancer.command("show stat")).get("node-1"), { timeout: 5_000 })
      .toBe("DRAIN (agent)");
    const config = await cluster.balancer.command("show servers state nodes");
    expect(config).toContain("node-1");
  });

  it("stop() ends every node and the redis-server it started, and tells of no node exit", async () => {
    const exits: string[] = [];
    const cluster = await start({ onNodeExit: (id) => exits.push(id) });
    const pids = [...cluster.nodes.map((node) => node.pid), cluster.redis?.pid ?? -1];
    expect(pids.every(isAlive)).toBe(true);

    await cluster.stop();

    expect(pids.some(isAlive)).toBe(false);
    expect(exits).toEqual([]);
    await expect(fetch(cluster.url)).rejects.toThrow();
  });

  it("uses the given REDIS_URL instead of starting redis-server", async () => {
    const cluster = await start({ nodes: 1, redisUrl: "redis://127.0.0.1:1" });
    expect(cluster.redis).toBeNull();
    expect((await settings(cluster.nodes[0]?.url ?? "")).REDIS_URL).toBe("redis://127.0.0.1:1");
  });

  it("fails with the node's last lines when a node cannot start", async () => {
    const failing = startCluster({
      nodes: 1,
      redisUrl: "redis://127.0.0.1:1",
      command: [process.execPath, "-e", "console.error('no config'); process.exit(3)"],
    });
    await expect(failing).rejects.toThrow(/node-1 exited \(code 3\) before answering \/healthz:\nno config/);
  });
});
