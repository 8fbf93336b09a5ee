import { connect } from "node:net";

/**
 * Commands redis-server has run, from `INFO commandstats`: the sum of every
 * command's `calls`, leaving out the `INFO` calls this very count makes.
 * Null when the server cannot be asked (a dead or stalled redis-server
 * answers nothing within `timeoutMs`).
 */
export async function redisCommandCount(url: string, timeoutMs = 2000): Promise<number | null> {
  const text = await ask(url, "INFO commandstats\r\n", timeoutMs);
  return text === null ? null : commandCalls(text);
}

/** The total `calls` of every `cmdstat_*` line but `cmdstat_info`. */
export function commandCalls(info: string): number {
  let total = 0;
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    if (match[1] !== "info") total += Number(match[2]);
  }
  return total;
}

/** Send one inline command and read its bulk-string answer. */
function ask(url: string, command: string, timeoutMs: number): Promise<string | null> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    const chunks: Buffer[] = [];
    const done = (value: string | null) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(value);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    socket.on("connect", () => socket.write(command));
    socket.on("error", () => done(null));
    socket.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      const reply = Buffer.concat(chunks).toString("utf8");
      // "$<length>\r\n<body>\r\n"; an error is "-ERR …".
      if (reply.startsWith("-")) return done(null);
      const header = /^\$(\d+)\r\n/.exec(reply);
      if (header?.[1] && Buffer.byteLength(reply) >= header[0].length + Number(header[1])) {
        done(reply.slice(header[0].length));
      }
    });
  });
}
