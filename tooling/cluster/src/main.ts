// `pnpm dev:cluster`: build once, then redis-server, N server nodes and HAProxy in front of them at one URL.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startCluster, type Cluster } from "./cluster";
import { ensurePortFree } from "./port";

const USAGE = `Usage: pnpm dev:cluster [-- options]

Builds the app (pnpm build), starts redis-server (or uses $REDIS_URL), several Lobby server nodes on
free loopback ports and HAProxy in front of them (deploy/haproxy.cfg), and prints the one URL to open.
Needs redis-server and haproxy installed: bash scripts/dev-cluster.sh installs them (Debian) first.

  --nodes N      server nodes (default 3)
  --port P       HAProxy's port (default $PORT, else 8080)
  --host H       HAProxy's interface (default 127.0.0.1; 0.0.0.0 for other machines)
  --no-build     skip pnpm build; apps/server/dist and apps/web/dist must exist
  --bench        ready for pnpm bench --target: every bot comes from this machine's address
                 through the balancer, so the nodes run without the per-address limits
                 (MAX_CONNECTIONS_PER_ADDRESS=0, RATE_LIMITS=off) and serve /debug/stats
                 (STATS_ENDPOINT=on); never for players on the open internet
  -h, --help     this text

Ctrl-C stops the nodes (SIGTERM), then HAProxy and redis-server, and exits with code 0; a second
Ctrl-C leaves at once. A node that exits (a crash, a kill) stays down: nothing here restarts it.`;

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
/**
 * A Ctrl-C reaches this process twice: from the terminal, and passed on by
 * pnpm, which runs this script. A repeat this soon is the same key press.
 */
const SAME_SIGNAL_MS = 500;
const COLORS = [36, 33, 35, 32, 34, 91, 96, 93];

interface CliOptions {
  nodes: number;
  port: number;
  host: string;
  build: boolean;
  bench: boolean;
}

/** What `--bench` sets on every node (see USAGE). */
const BENCH_ENV: Readonly<Record<string, string>> = {
  MAX_CONNECTIONS_PER_ADDRESS: "0",
  RATE_LIMITS: "off",
  STATS_ENDPOINT: "on",
};

function parseCli(argv: readonly string[]): CliOptions | null {
  const { values } = parseArgs({
    // pnpm forwards a literal "--" before the script's own arguments.
    args: argv.filter((arg) => arg !== "--"),
    options: {
      nodes: { type: "string", default: "3" },
      port: { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      "no-build": { type: "boolean", default: false },
      bench: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return null;
  const nodes = Number(values.nodes);
  const port = Number(values.port ?? process.env.PORT ?? 8080);
  if (!Number.isInteger(nodes) || nodes < 1) throw new Error(`--nodes must be a whole number of at least 1`);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number`);
  return { nodes, port, host: values.host, build: !values["no-build"], bench: values.bench };
}

/** `pnpm build` at the repository root (turbo: cached when nothing changed). */
async function build(): Promise<void> {
  // pnpm sets npm_execpath to its own entry point; fall back to the pnpm on PATH.
  const pnpm = process.env.npm_execpath;
  const [command, args] = pnpm ? [process.execPath, [pnpm, "build"]] : ["pnpm", ["build"]];
  const child = spawn(command, args, { cwd: REPO_ROOT, stdio: "inherit" });
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0) throw new Error(`pnpm build failed (exit code ${code})`);
}

/** Prefix every line with its source's name, padded and coloured per source. */
function printer(width: number): (source: string, line: string) => void {
  const colors = new Map<string, number>();
  return (source, line) => {
    const color = colors.get(source) ?? COLORS[colors.size % COLORS.length] ?? 0;
    colors.set(source, color);
    const label = `[${source}]`.padEnd(width + 2);
    const prefix = process.stdout.isTTY ? `\u001b[${color}m${label}\u001b[0m` : label;
    process.stdout.write(`${prefix} ${line}\n`);
  };
}

async function main(): Promise<void> {
  const cli = parseCli(process.argv.slice(2));
  if (!cli) {
    console.info(USAGE);
    return;
  }
  const print = printer(Math.max("balancer".length, `node-${cli.nodes}`.length));
  const redisUrl = process.env.REDIS_URL;
  let cluster: Cluster | null = null;
  let stoppingSince: number | null = null;
  const stop = async (signal: string) => {
    if (stoppingSince !== null) {
      if (Date.now() - stoppingSince < SAME_SIGNAL_MS) return;
      print("cluster", `${signal} again: leaving at once`);
      process.exit(1);
    }
    stoppingSince = Date.now();
    print("cluster", `${signal}: ${cluster ? "stopping the nodes, then HAProxy and redis-server" : "stopping"}`);
    await cluster?.stop();
    print("cluster", "stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  // Before the build: a taken port should cost seconds, not a build and a half-started cluster.
  await ensurePortFree(cli.port, cli.host);
  if (cli.build) await build();

  cluster = await startCluster({
    nodes: cli.nodes,
    port: cli.port,
    host: cli.host,
    ...(redisUrl ? { redisUrl } : {}),
    ...(cli.bench ? { env: { ...BENCH_ENV } } : {}),
    onOutput: print,
    onNodeExit: (id) => {
      // While the cluster still starts, startCluster reports the failure itself.
      if (cluster) for (const line of stayingDown(id, cluster)) print("cluster", line);
    },
  });
  const open =
    cli.host === "127.0.0.1" || cli.host === "0.0.0.0" ? `http://localhost:${cluster.balancer.port}` : cluster.url;
  print("cluster", `redis: ${cluster.redisUrl}${cluster.redis ? " (started here)" : " (from REDIS_URL)"}`);
  for (const node of cluster.nodes) print("cluster", `${node.id}: ${node.url} (pid ${node.pid})`);
  console.info(`\n  Lobby cluster of ${cluster.nodes.length} nodes is ready — open ${open}\n`);
  if (cli.bench) {
    console.info(`  Per-address limits are off (--bench): pnpm bench -- --target ${cluster.url} --no-baseline\n`);
  }
}

/** What a node's exit means here, and how a deployment differs. */
function stayingDown(id: string, cluster: Cluster): string[] {
  const running = cluster.nodes.filter((node) => node.running).length;
  return [
    `${id} stays down: dev:cluster does not restart nodes. ` +
      (running === 0
        ? "No node is left running: the lobby is down."
        : `HAProxy sends its players to ${running === 1 ? "the other node" : `the ${running} nodes still running`}, ` +
          "where they resume their seats."),
    `To have all ${cluster.nodes.length} nodes again, stop the cluster (Ctrl-C) and start it again.`,
    "In a deployment, what runs the nodes restarts one that exits: systemd Restart=always, or the " +
      "orchestrator's restart policy (docs/scaling.md).",
  ];
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(message);
  if (message.includes("Address already in use")) {
    // Taken between the check and HAProxy's start: HAProxy's own words are in the message.
    console.error("The balancer's port is taken: pick another with --port.");
  }
  process.exit(1);
});
