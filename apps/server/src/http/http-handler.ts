import type { IncomingMessage, ServerResponse } from "node:http";
import sirv from "sirv";

/**
 * Plain HTTP: `GET /healthz`, and the built web app when `webDist` is set
 * (with index.html for client-side routes). Socket.IO handles its own path
 * before this runs.
 */
export function httpHandler(webDist: string | null) {
  const serveWeb = webDist ? sirv(webDist, { single: true, etag: true, gzip: false }) : null;
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === "/healthz") {
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify({ status: "ok" }));
      return;
    }
    if (serveWeb) {
      serveWeb(req, res, () => notFound(res));
      return;
    }
    notFound(res);
  };
}

function notFound(res: ServerResponse) {
  res.writeHead(404, { "content-type": "text/plain" });
  res.end("Not found");
}
