import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server as SocketIoServer } from "socket.io";
import { io, type Socket as ClientSocket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { createBalancer, type Balancer } from "./balancer";

interface Greeting {
  name: string;
  forwardedFor: string | null;
}

const header = (value: string | string[] | undefined) => (typeof value === "string" ? value : null);

/** A stand-in for a Lobby node: answers HTTP with its name and greets websocket clients with it. */
async function startBackend(name: string) {
  const httpServer = createServer((req, res) => {
    const greeting: Greeting = { name, forwardedFor: header(req.headers["x-forwarded-for"]) };
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(greeting));
  });
  const ioServer = new SocketIoServer(httpServer, { transports: ["websocket"] });
  ioServer.on("connection", (socket) => {
    const forwardedFor = header(socket.handshake.headers["x-forwarded-for"]);
    socket.emit("hello", { name, forwardedFor } satisfies Greeting);
    socket.on("echo", (text: string, ack: (reply: string) => void) => ack(`${text} from ${name}`));
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  return {
    name,
    url,
    /** Stop listening, so the port refuses connections, and drop every client. */
    close: async () => {
      httpServer.closeAllConnections();
      await ioServer.close();
    },
  };
}

type Backend = Awaited<ReturnType<typeof startBackend>>;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(names: string[]): Promise<{ backends: Backend[]; balancer: Balancer }> {
  const backends = await Promise.all(names.map(startBackend));
  cleanups.push(() => Promise.all(backends.map((b) => b.close())).then(() => undefined));
  const balancer = await createBalancer({ port: 0, targets: backends.map((b) => b.url) });
  cleanups.push(() => balancer.close());
  return { backends, balancer };
}

async function get(url: string): Promise<{ status: number; greeting: Greeting | null }> {
  const response = await fetch(url);
  return {
    status: response.status,
    greeting: response.ok ? ((await response.json()) as Greeting) : null,
  };
}

/** Connect over websocket only (as the Lobby SDK does) and resolve with the node's greeting. */
function connectAndGreet(url: string): Promise<{ client: ClientSocket; greeting: Greeting }> {
  const client = io(url, { transports: ["websocket"], reconnection: false, forceNew: true });
  cleanups.push(() => void client.disconnect());
  return new Promise((resolve, reject) => {
    client.once("hello", (greeting: Greeting) => resolve({ client, greeting }));
    client.once("connect_error", reject);
  });
}

describe("createBalancer", () => {
  it("sends successive HTTP requests to the targets in turn, with x-forwarded-for", async () => {
    const { balancer } = await setUp(["a", "b"]);
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await get(`${balancer.url}/healthz`));

    const names = replies.map((reply) => reply.greeting?.name);
    expect(new Set(names)).toEqual(new Set(["a", "b"]));
    expect(names[0]).not.toBe(names[1]);
    expect(names.slice(2)).toEqual(names.slice(0, 2));
    expect(replies.every((reply) => reply.greeting?.forwardedFor === "127.0.0.1")).toBe(true);
  });

  it("carries a socket.io websocket connection both ways", async () => {
    const { balancer } = await setUp(["a", "b"]);
    const { client, greeting } = await connectAndGreet(balancer.url);

    expect(["a", "b"]).toContain(greeting.name);
    expect(greeting.forwardedFor).toBe("127.0.0.1");
    expect(await client.emitWithAck("echo", "hi")).toBe(`hi from ${greeting.name}`);
  });

  it("lands new connections on the live target once the other has gone", async () => {
    const { backends, balancer } = await setUp(["a", "b"]);
    const [a, b] = backends as [Backend, Backend];
    await a.close();

    const greetings = [];
    for (let i = 0; i < 4; i++) greetings.push((await connectAndGreet(balancer.url)).greeting.name);
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await get(balancer.url));

    expect(greetings).toEqual(["b", "b", "b", "b"]);
    expect(replies.map((reply) => [reply.status, reply.greeting?.name])).toEqual(Array(4).fill([200, "b"]));
    expect(balancer.isDown(a.url)).toBe(true);
    expect(balancer.isDown(b.url)).toBe(false);
  });

  it("answers 502 when every target is down", async () => {
    const { backends, balancer } = await setUp(["a", "b"]);
    await Promise.all(backends.map((backend) => backend.close()));

    expect((await get(balancer.url)).status).toBe(502);
    await expect(connectAndGreet(balancer.url)).rejects.toThrow();
  });
});
