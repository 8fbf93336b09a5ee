import { AckError, ErrorCode, clientEventNames, type AckResult } from "@lobby/contracts";
import type { Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { startTestServer } from "../support/test-server";

let server: Awaited<ReturnType<typeof startTestServer>>;

afterEach(async () => {
  await server.close();
});

/** Malformed payloads every event must refuse with INVALID_PAYLOAD. */
const MALFORMED: unknown[] = [
  null,
  42,
  "queue:join",
  [],
  { mode: "connect-four", extra: true },
  { move: { mode: "connect-four", column: Number.NaN } },
  { move: { mode: "connect-four", column: 99 } },
  { move: { mode: "connect-four", column: 1.5 } },
  { mode: "x".repeat(5000) },
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  { constructor: { prototype: { polluted: true } } },
];

function raw(socket: Socket, event: string, ...args: unknown[]): Promise<AckResult<unknown>> {
  return (socket.timeout(2000) as unknown as Socket).emitWithAck(event, ...args) as Promise<AckResult<unknown>>;
}

describe("hostile input", () => {
  it("answers every malformed payload on every event with INVALID_PAYLOAD and stays healthy", async () => {
    // Limits off: this checks validation, and the flood would otherwise be cut off first.
    server = await startTestServer({}, { rateLimits: false });
    const ann = await server.connect("Ann");
    const socket = ann.client.socket as unknown as Socket;
    for (const event of clientEventNames) {
      for (const payload of MALFORMED) {
        const result = await raw(socket, event, payload);
        expect(result.ok, `${event} ${JSON.stringify(payload)}`).toBe(false);
        if (!result.ok) {
          expect(AckError.parse(result.error).code).toBe(ErrorCode.InvalidPayload);
        }
      }
      const noPayload = await raw(socket, event);
      expect(noPayload).toMatchObject({ ok: false, error: { code: ErrorCode.InvalidPayload } });
      const twoPayloads = await raw(socket, event, {}, {});
      expect(twoPayloads).toMatchObject({ ok: false, error: { code: ErrorCode.InvalidPayload } });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    expect(await raw(socket, "admin:shutdown", {})).toMatchObject({
      ok: false,
      error: { code: ErrorCode.UnknownEvent },
    });
    // Events without an ack are dropped, not crashed on.
    socket.emit("queue:join", { mode: "nope" });
    socket.emit("no-such-event");

    // The player was not touched, and the server still plays.
    expect(await server.store.getPlayer(ann.id)).toMatchObject({ location: { kind: "idle" } });
    expect(await ann.client.quickMatch("connect-four")).toMatchObject({ ok: true });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("refuses room actions from a player outside a room", async () => {
    server = await startTestServer();
    const ann = await server.connect("Ann");
    expect(await ann.client.move({ mode: "connect-four", column: 0 })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.NotInRoom },
    });
    expect(await ann.client.rematch()).toMatchObject({ ok: false, error: { code: ErrorCode.NotInRoom } });
    expect(await ann.client.leaveRoom()).toMatchObject({ ok: false, error: { code: ErrorCode.NotInRoom } });
  });
});
