import fc from "fast-check";
import { ackResultSchema, clientEvents, clientEventNames, type ClientEventName } from "@lobby/contracts";
import { GAMES, SAMPLE_MOVES } from "@lobby/games";
import type { Socket } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import { checkInvariants } from "../../src/lobby/invariants";
import { startTestServer } from "../support/test-server";

/*
 * The wire fuzzer: thousands of payloads — valid ones from each event's
 * contract, mutated ones, and random JSON — sent over real sockets to every
 * event (and to events that do not exist). Every ack must be well-formed,
 * the server must stay up, and the lobby's invariants must hold afterwards.
 */

const SEEDS: Record<ClientEventName, unknown[]> = {
  "queue:join": GAMES.map((game) => ({ mode: game.id })),
  "queue:leave": [{}],
  "room:create": GAMES.map((game, i) => ({
    mode: game.id,
    maxPlayers: game.mode.maxPlayers,
    visibility: i % 2 === 0 ? "public" : "private",
    rated: i % 2 === 0,
  })),
  "room:join": [{ code: "ABCDEF" }],
  "room:watch": [{ code: "ABCDEF" }],
  "room:sync": [{ roomId: "no-such-room" }],
  "room:leave": [{}],
  "room:ready": [{ ready: true }, { ready: false }],
  "room:start": [{}],
  "room:settings": [{ maxPlayers: 3 }, { visibility: "public" }],
  "room:kick": [{ playerId: "someone" }],
  "party:create": [{}],
  "party:join": [{ code: "ABCDEF" }],
  "party:leave": [{}],
  "party:kick": [{ playerId: "someone" }],
  "rooms:subscribe": [{}],
  "rooms:unsubscribe": [{}],
  "chat:send": [
    { scope: "room", text: "hi" },
    { scope: "lobby", text: "hello" },
    { scope: "party", text: "hey" },
  ],
  "session:ping": [{ rttMs: 12 }, { rttMs: null }],
  "game:move": SAMPLE_MOVES.map((move) => ({ move })),
  "game:rematch": [{}],
  "profile:get": [{}],
  "leaderboard:get": GAMES.map((game) => ({ mode: game.id })),
};

const hostile = fc.oneof(
  fc.jsonValue(),
  fc.string({ maxLength: 3000 }),
  fc.constantFrom(null, true, 0, -1, 1e308, "", "__proto__", [], {}),
  fc.constant(JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}') as unknown),
  fc.integer({ min: 1, max: 60 }).map((depth) => {
    let value: unknown = "deep";
    for (let i = 0; i < depth; i++) value = { a: value };
    return value;
  }),
);

/** Mutate a valid payload: drop, add or replace a field, or replace it whole. */
function mutated(seed: unknown): fc.Arbitrary<unknown> {
  const base = seed as Record<string, unknown>;
  const keys = Object.keys(base);
  return fc.oneof(
    fc.constant(seed),
    hostile,
    fc
      .record({ key: fc.string({ maxLength: 12 }), value: hostile })
      .map(({ key, value }) => ({ ...base, [key]: value })),
    ...(keys.length
      ? [
          fc.constantFrom(...keys).map((key) => {
            const { [key]: _dropped, ...rest } = base;
            return rest;
          }),
          fc
            .record({ key: fc.constantFrom(...keys), value: hostile })
            .map(({ key, value }) => ({ ...base, [key]: value })),
        ]
      : []),
  );
}

const shot = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.constantFrom(...clientEventNames).chain((event) =>
      fc
        .constantFrom(...SEEDS[event])
        .chain(mutated)
        .map((payload) => ({ event: event, payload })),
    ),
  },
  { weight: 1, arbitrary: fc.record({ event: fc.string({ maxLength: 40 }), payload: hostile }) },
);

const ackSchemas = Object.fromEntries(
  Object.entries(clientEvents).map(([name, contract]) => [name, ackResultSchema(contract.result)]),
);

export const fuzzFigures = { payloads: 0, accepted: 0, refused: 0 };

afterAll(() => {
  console.info(`wire fuzz: ${JSON.stringify(fuzzFigures)}`);
});

describe("the wire fuzzer", () => {
  it("answers thousands of random and malformed payloads with well-formed acks, and the lobby stays sound", async () => {
    const server = await startTestServer({ countdownMs: 20, quickMatchWaitMs: 20 }, { rateLimits: false });
    try {
      const clients = await Promise.all(["F0", "F1", "F2", "F3"].map((name) => server.connect(name)));
      const perClient = Number(process.env.FUZZ_PAYLOADS_PER_CLIENT ?? 750);
      await Promise.all(
        clients.map(async ({ client }, index) => {
          const shots = fc.sample(shot, { numRuns: perClient, seed: 1000 + index });
          const socket = client.socket as unknown as Socket;
          for (const { event, payload } of shots) {
            const ack = (await socket.timeout(2000).emitWithAck(event, payload)) as unknown;
            fuzzFigures.payloads++;
            const schema = Object.hasOwn(ackSchemas, event) ? ackSchemas[event] : undefined;
            if (schema) {
              const parsed = schema.safeParse(ack);
              expect(
                parsed.success,
                `${event} ${JSON.stringify(payload)?.slice(0, 200)} → ${JSON.stringify(ack)}`,
              ).toBe(true);
            } else {
              expect(ack).toMatchObject({ ok: false, error: { code: "UNKNOWN_EVENT" } });
            }
            if ((ack as { ok: boolean }).ok) fuzzFigures.accepted++;
            else fuzzFigures.refused++;
          }
        }),
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      await server.server.lobby.idle();
      expect(await checkInvariants(server.store, Date.now())).toEqual([]);
      for (const { client } of clients) expect(client.socket.connected).toBe(true);
    } finally {
      await server.close();
    }
  }, 120_000);
});
