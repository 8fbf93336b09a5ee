import { connect } from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { haproxyAgent, type AgentState } from "./haproxy-agent";

let close: (() => void) | null = null;
afterEach(() => close?.());

/** What the agent says to one check, as HAProxy reads it: one line, then the connection closes. */
async function ask(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let line = "";
    socket.on("data", (chunk: Buffer) => (line += chunk.toString()));
    socket.on("end", () => resolve(line));
    socket.on("error", reject);
  });
}

describe("the HAProxy agent", () => {
  it("says up at full weight, a tenth while busy, and drain while draining", async () => {
    let state: AgentState = "ready";
    const agent = haproxyAgent(() => state).listen(0, "127.0.0.1");
    await new Promise((resolve) => agent.once("listening", resolve));
    close = () => agent.close();
    const { port } = agent.address() as AddressInfo;
    expect(await ask(port)).toBe("up 100%\n");
    state = "busy";
    expect(await ask(port)).toBe("up 10%\n");
    state = "draining";
    expect(await ask(port)).toBe("drain\n");
  });

  it("outlives a checker that resets the connection", async () => {
    const agent = haproxyAgent(() => "ready").listen(0, "127.0.0.1");
    await new Promise((resolve) => agent.once("listening", resolve));
    close = () => agent.close();
    const { port } = agent.address() as AddressInfo;
    const socket = connect(port, "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.resetAndDestroy();
    expect(await ask(port)).toBe("up 100%\n");
  });
});
