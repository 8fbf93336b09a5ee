// A stand-in for apps/server/dist/main.js in the cluster tests: it reads the environment the server
// reads, answers GET /healthz, and answers anything else with the settings it was given.
import { createServer } from "node:http";
import { createServer as createTcpServer } from "node:net";

const server = createServer((req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  if (req.url === "/healthz") {
    res.end(JSON.stringify({ status: "ok" }));
    return;
  }
  const { NODE_ID, REDIS_URL, ALLOWED_ORIGINS, SESSION_SECRET, HOST, EXTRA } = process.env;
  res.end(JSON.stringify({ NODE_ID, REDIS_URL, ALLOWED_ORIGINS, SESSION_SECRET, HOST, EXTRA }));
});

// HAProxy's agent check, as the server answers it: FAKE_AGENT says what (default "up 100%").
// HAProxy resets the connection once it has read the line.
const agent = createTcpServer((socket) => {
  socket.on("error", () => socket.destroy());
  socket.end(`${process.env.FAKE_AGENT ?? "up 100%"}\n`);
});
if (process.env.HAPROXY_AGENT_PORT) agent.listen(Number(process.env.HAPROXY_AGENT_PORT), process.env.HOST);

server.listen(Number(process.env.PORT), process.env.HOST, () => {
  console.info(`listening as ${process.env.NODE_ID}`);
});

process.on("SIGTERM", () => {
  console.info("SIGTERM: closing");
  server.closeAllConnections();
  agent.close();
  server.close(() => process.exit(0));
});
