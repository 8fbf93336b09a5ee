import { createServer } from "node:net";
import getPort, { portNumbers } from "get-port";

/** The balancer's port cannot be listened on: taken by another program, or not this user's to take. */
export class PortUnavailableError extends Error {
  constructor(
    readonly port: number,
    readonly host: string,
    readonly code: string,
    /** A port on `host` that was free when checked, to suggest instead. */
    readonly suggestion: number,
  ) {
    const why =
      code === "EADDRINUSE"
        ? `is taken: another program listens there (a cluster started earlier, or any other server)`
        : code === "EACCES"
          ? `is not this user's to listen on (ports below 1024 need root)`
          : `cannot be listened on (${code})`;
    super(
      `Port ${port} on ${host} ${why}.\n` +
        `Pick another with --port, e.g.: pnpm dev:cluster -- --port ${suggestion}` +
        ` (or bash scripts/dev-cluster.sh --port ${suggestion})`,
    );
    this.name = "PortUnavailableError";
  }
}

/**
 * Resolve when `host:port` can be listened on now; otherwise reject with a
 * `PortUnavailableError` that says why and names a free port to use instead.
 * Checked before anything starts, so a taken port costs neither a build nor
 * a half-started cluster. Port 0 (any) is always fine.
 */
export async function ensurePortFree(port: number, host: string): Promise<void> {
  if (port === 0) return;
  const code = await listenError(port, host);
  if (code === null) return;
  // A port near the one asked for, or near 8080 when that one was privileged.
  const from = Math.min(code === "EACCES" ? 8080 : port + 1, 65535);
  const suggestion = await getPort({ host, port: portNumbers(from, Math.min(from + 100, 65535)) });
  throw new PortUnavailableError(port, host, code, suggestion);
}

/** The error code of listening on `host:port` (the listener is closed again at once); null when it worked. */
function listenError(port: number, host: string): Promise<string | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? String(error)));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(null)));
  });
}
