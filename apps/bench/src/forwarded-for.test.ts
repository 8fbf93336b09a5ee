import { createLobbyClient } from "@lobby/client";
import { describe, expect, it } from "vitest";
import { ATTACKER_ADDRESS, forwardedForHeaders, honestAddress } from "./forwarded-for";

describe("honestAddress", () => {
  it("gives every bot an address of its own, never the attacker's", () => {
    const indexes = [...Array.from({ length: 70_000 }, (_, i) => i), 1_000_000, 3_000_000];
    const addresses = indexes.map(honestAddress);
    expect(new Set(addresses).size).toBe(indexes.length);
    expect(addresses).not.toContain(ATTACKER_ADDRESS);
    expect(honestAddress(0)).toBe("127.10.0.0");
    expect(honestAddress(65_537)).toBe("127.11.0.1");
    for (const address of addresses.slice(-3)) expect(address).toMatch(/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/);
  });

  it("refuses an index it cannot place", () => {
    expect(() => honestAddress(-1)).toThrow();
    expect(() => honestAddress(1.5)).toThrow();
    expect(() => honestAddress(56 * 65_536)).toThrow();
  });
});

describe("forwardedForHeaders", () => {
  it("puts the address on the client's handshake", () => {
    // The SDK does not connect until asked: nothing is opened here.
    const client = createLobbyClient({
      url: "http://127.0.0.1:9",
      name: "bot",
      reconnection: false,
      pingIntervalMs: 0,
      headers: forwardedForHeaders("127.10.0.7"),
    });
    expect(client.socket.io.opts.extraHeaders).toEqual({ "x-forwarded-for": "127.10.0.7" });
    expect(client.socket.connected).toBe(false);
    client.disconnect();
  });
});
