// `pnpm dev:cluster`: build once, then redis-server, N server nodes and HAProxy in front of them at one URL.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startCluster, type Cluster } from "./cluster";

const USAGE = `Usage: pnpm dev:cluster [-- options]

Builds the app (pnpm build), starts redis-server (or uses $REDIS_URL), several Lobby server nodes on
free loopback ports and HAProxy in front of them (deploy/haproxy.cfg), and prints the one URL to open.
Needs redis-server and haproxy installed: bash scripts/dev-cluster.sh installs them (Debian) first.

  --nodes N      server nodes (default 3)
  --port P       HAProxy's port (default $PORT, else 8080)
  --host H       HAProxy's interface (default 127.0.0.1; 0.0.0.0 for other machines)
  --no-build     skip pnpm build; apps/server/dist and apps/web/dist must exist
  -h, --help     this text

Ctrl-C stops the nodes (SIGTERM), then HAProxy and redis-server.`;

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const COLORS = [36, 33, 35, 32, 34, 91, 96, 93];

interface CliOptions {
  nodes: number;
  port: number;
  host: string;
  build: boolean;
}

function parseCli(argv: readonly string[]): CliOptions | null {
  const { values } = parseArgs({
    // pnpm forwards a literal "--" before the script's own arguments.
    args: argv.filter((arg) => arg !== "--"),
    options: {
      nodes: { type: "string", default: "3" },
      port: { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      "no-build": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return null;
  const nodes = Number(values.nodes);
  const port = Number(values.port ?? process.env.PORT ?? 8080);
  if (!Number.isInteger(nodes) || nodes < 1) throw new Error(`--nodes must be a whole number of at least 1`);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number`);
  return { nodes, port, host: values.host, build: !values["no-build"] };
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
  if (cli.build) await build();

  const print = printer(Math.max("balancer".length, `node-${cli.nodes}`.length));
  const redisUrl = process.env.REDIS_URL;
  let cluster: Cluster | null = null;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      print("cluster", `${signal} again: leaving at once`);
      process.exit(1);
    }
    stopping = true;
    print("cluster", `${signal}: stopping the nodes, then HAProxy and redis-server`);
    await cluster?.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  cluster = await startCluster({
    nodes: cli.nodes,
    port: cli.port,
    host: cli.host,
    ...(redisUrl ? { redisUrl } : {}),
    onOutput: print,
  });
  const open =
    cli.host === "127.0.0.1" || cli.host === "0.0.0.0" ? `http://localhost:${cluster.balancer.port}` : cluster.url;
  print("cluster", `redis: ${cluster.redisUrl}${cluster.redis ? " (started here)" : " (from REDIS_URL)"}`);
  for (const node of cluster.nodes) print("cluster", `${node.id}: ${node.url} (pid ${node.pid})`);
  console.info(`\n  Lobby cluster of ${cluster.nodes.length} nodes is ready — open ${open}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
