// A stand-in for apps/server/dist/main.js in the cluster tests: it reads the environment the server
// reads, answers GET /healthz, and answers anything else with the settings it was given.
import { createServer } from "node:http";

const server = createServer((req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  if (req.url === "/healthz") {
    res.end(JSON.stringify({ status: "ok" }));
    return;
  }
  const { NODE_ID, REDIS_URL, ALLOWED_ORIGINS, SESSION_SECRET, HOST, EXTRA } = process.env;
  res.end(JSON.stringify({ NODE_ID, REDIS_URL, ALLOWED_ORIGINS, SESSION_SECRET, HOST, EXTRA }));
});

server.listen(Number(process.env.PORT), process.env.HOST, () => {
  console.info(`listening as ${process.env.NODE_ID}`);
});

process.on("SIGTERM", () => {
  console.info("SIGTERM: closing");
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
