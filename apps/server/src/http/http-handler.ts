import type { IncomingMessage, ServerResponse } from "node:http";
import sirv from "sirv";
import type { StatsQuery } from "./server-stats";

export interface HttpOptions {
  /** The built web app to serve, with index.html for client-side routes. */
  webDist: string | null;
  /** When set, `GET /debug/stats` answers with these figures (load tests only). */
  stats?: ((options: StatsQuery) => Promise<unknown>) | null;
  /** Whether the lobby is shedding load (`Lobby.busy`); `/healthz` says so. */
  busy?: () => boolean;
  /** Whether an admin drains this node; `/healthz` says so. */
  draining?: () => boolean;
  /** When set, `GET /metrics` answers with these (Prometheus' text format). */
  metrics?: (() => Promise<Scrape>) | null;
}

/** A scrape of the metrics: the body and its content type. */
export interface Scrape {
  contentType: string;
  body: string;
}

/**
 * Plain HTTP: `GET /healthz` (200 while the process runs; its status is
 * "busy" instead of "ok" while the lobby sheds load, "draining" while an
 * admin drains the node), the metrics and stats
 * endpoints when they are on, and the built web app. Socket.IO handles its own path before
 * this runs.
 */
export function httpHandler(options: HttpOptions) {
  const serveWeb = options.webDist ? sirv(options.webDist, { single: true, etag: true, gzip: false }) : null;
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://lobby.invalid");
    if (url.pathname === "/healthz") {
      json(res, 200, { status: options.draining?.() ? "draining" : options.busy?.() ? "busy" : "ok" });
      return;
    }
    if (url.pathname === "/metrics" && options.metrics) {
      options
        .metrics()
        .then(({ contentType, body }) => {
          res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" });
          res.end(body);
        })
        .catch(() => json(res, 500, { error: "metrics failed" }));
      return;
    }
    if (url.pathname === "/debug/stats" && options.stats) {
      options
        .stats({
          reset: url.searchParams.has("reset"),
          gc: url.searchParams.has("gc"),
          lobby: url.searchParams.has("lobby"),
        })
        .then((figures) => json(res, 200, figures))
        .catch(() => json(res, 500, { error: "stats failed" }));
      return;
    }
    // Switched off, they are not found: never the web app's page with a 200.
    if (url.pathname === "/metrics" || url.pathname.startsWith("/debug/")) {
      notFound(res);
      return;
    }
    if (serveWeb) {
      serveWeb(req, res, () => notFound(res));
      return;
    }
    notFound(res);
  };
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

function notFound(res: ServerResponse) {
  res.writeHead(404, { "content-type": "text/plain" });
  res.end("Not found");
}
