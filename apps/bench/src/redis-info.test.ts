import { startRedis } from "@lobby/redis-server";
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { commandCalls, redisCommandCount } from "./redis-info";

describe("redisCommandCount", () => {
  it("sums every command's calls but its own INFO", () => {
    const info =
      "# Commandstats\r\ncmdstat_get:calls=7,usec=1\r\ncmdstat_info:calls=3,usec=9\r\ncmdstat_set:calls=2,usec=1\r\n";
    expect(commandCalls(info)).toBe(9);
  });

  it("counts what a real redis-server ran, and is null when nothing answers", async () => {
    const redis = await startRedis({ persistent: false });
    try {
      const before = await redisCommandCount(redis.url);
      expect(before).not.toBeNull();
      await fiveSets(redis.url);
      expect(await redisCommandCount(redis.url)).toBe((before ?? 0) + 5);
    } finally {
      await redis.stop();
    }
    expect(await redisCommandCount("redis://127.0.0.1:1", 500)).toBeNull();
  });
});

/** Five SETs, pipelined on one connection, answered "+OK" each. */
function fiveSets(url: string): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => {
      socket.write(Array.from({ length: 5 }, (_, i) => `SET k${i} v\r\n`).join(""));
    });
    let answers = "";
    socket.on("data", (chunk: Buffer) => {
      answers += chunk.toString("utf8");
      if (answers.split("+OK").length - 1 === 5) {
        socket.destroy();
        resolve();
      }
    });
    socket.on("error", reject);
  });
}
