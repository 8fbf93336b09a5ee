import { afterEach, describe, expect, it } from "vitest";
import { startTestServer } from "../support/test-server";

/*
 * An ack reaches its sender before any push its operation caused, and
 * before anything a later operation pushes: a `queue:join` answered
 * "queued" is never overtaken by the `room:state` that seats its player
 * when the next one arrives.
 */

let server: Awaited<ReturnType<typeof startTestServer>>;

afterEach(async () => {
  await server.close();
});

type Client = Awaited<ReturnType<typeof server.connect>>["client"];

/**
 * 80 players quick-match at once (40 pairs); each records, in the order it
 * observed them, its `queue:status` pushes, the first `room:state` listing
 * its seat, and the answer `join` got it. Resolves once every player has
 * been seated.
 */
async function race(join: (client: Client, answered: (state: string) => void) => void): Promise<string[][]> {
  server = await startTestServer({}, { rateLimits: false });
  const players = await Promise.all(Array.from({ length: 80 }, (_, i) => server.connect(`P${i}`)));
  const seen = players.map(() => [] as string[]);
  players.forEach(({ client, session }, i) => {
    client.on("queue:status", (status) => seen[i]!.push(`push:${status.state}`));
    client.on("room:state", (view) => {
      const mine = view.seats.some((seat) => seat.player.id === session.player.id);
      if (mine && !seen[i]!.includes("push:seated")) seen[i]!.push("push:seated");
    });
  });
  await Promise.all(
    players.map(
      ({ client }, i) =>
        new Promise<void>((resolve) =>
          join(client, (state) => {
            seen[i]!.push(`ack:${state}`);
            resolve();
          }),
        ),
    ),
  );
  await expect.poll(() => seen.filter((events) => events.includes("push:seated")).length).toBe(80);
  return seen;
}

/** Answered "queued" or "matched", and then (never before) shown the room with the seat; no `queue:status` push. */
const IN_ORDER = [
  ["ack:queued", "push:seated"],
  ["ack:matched", "push:seated"],
];

describe("acks and pushes", () => {
  it("the queue:join ack comes before the room:state that seats the player, for 40 pairs joining at once", async () => {
    const seen = await race((client, answered) => {
      // The raw socket, so the ack is recorded the moment its packet is read.
      client.socket.emit("queue:join", { mode: "connect-four" }, (ack: { ok: boolean; data?: { state: string } }) =>
        answered(ack.data?.state ?? "refused"),
      );
    });
    for (const events of seen) expect(IN_ORDER).toContainEqual(events);
  });

  it("the SDK hands them over in that order: an awaited answer resumes before the pushes that followed it", async () => {
    const seen = await race((client, answered) => {
      void client.quickMatch("connect-four").then((answer) => answered(answer.ok ? answer.data.state : "refused"));
    });
    for (const events of seen) expect(IN_ORDER).toContainEqual(events);
  });
});
