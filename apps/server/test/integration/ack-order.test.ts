import { afterEach, describe, expect, it } from "vitest";
import { startTestServer } from "../support/test-server";

/*
 * An ack reaches its sender before any push its operation caused, and
 * before anything a later operation pushes: a `queue:join` answered
 * "queued" is never overtaken by the `matched` push of the next arrival.
 */

let server: Awaited<ReturnType<typeof startTestServer>>;

afterEach(async () => {
  await server.close();
});

describe("acks and pushes", () => {
  it("the queue:join ack comes before the matched push, for 40 pairs joining at once", async () => {
    server = await startTestServer({}, { rateLimits: false });
    const players = await Promise.all(Array.from({ length: 80 }, (_, i) => server.connect(`P${i}`)));
    // What each socket saw, in the order its packets arrived (ack callbacks run as their packet is read).
    const seen = players.map(() => [] as string[]);
    players.forEach(({ client }, i) => {
      client.on("queue:status", (status) => seen[i]!.push(`push:${status.state}`));
    });
    await Promise.all(
      players.map(
        ({ client }, i) =>
          new Promise<void>((resolve) => {
            // The raw socket, so the ack is recorded the moment its packet is read.
            client.socket.emit(
              "queue:join",
              { mode: "connect-four" },
              (ack: { ok: boolean; data?: { state: string } }) => {
                seen[i]!.push(`ack:${ack.data?.state ?? "refused"}`);
                resolve();
              },
            );
          }),
      ),
    );
    await expect
      .poll(() => seen.filter((events) => events.some((e) => e === "push:matched" || e === "ack:matched")).length)
      .toBe(80);
    const overtaken = seen.filter((events) => events[0] !== events.find((e) => e.startsWith("ack:")));
    expect(overtaken).toEqual([]);
    // Every player was answered "queued" (then told "matched"), or answered "matched" and told nothing more.
    for (const events of seen) expect([["ack:queued", "push:matched"], ["ack:matched"]]).toContainEqual(events);
  });

  it("the SDK hands them over in that order: an awaited answer resumes before the pushes that followed it", async () => {
    server = await startTestServer({}, { rateLimits: false });
    const players = await Promise.all(Array.from({ length: 80 }, (_, i) => server.connect(`P${i}`)));
    const seen = players.map(() => [] as string[]);
    players.forEach(({ client }, i) => {
      client.on("queue:status", (status) => seen[i]!.push(`push:${status.state}`));
    });
    await Promise.all(
      players.map(async ({ client }, i) => {
        const answer = await client.quickMatch("connect-four");
        seen[i]!.push(`ack:${answer.ok ? answer.data.state : "refused"}`);
      }),
    );
    await expect
      .poll(() => seen.filter((events) => events.length > 0 && events.at(-1) !== "ack:queued").length)
      .toBe(80);
    for (const events of seen) expect([["ack:queued", "push:matched"], ["ack:matched"]]).toContainEqual(events);
  });
});
