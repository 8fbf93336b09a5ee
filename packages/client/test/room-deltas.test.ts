import { ROOM_KEYFRAME_EVERY, type RoomDelta, type RoomView } from "@lobby/contracts";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "../../game-kit/src/index";
import { trailsGame } from "../../../games/trails/src/index";
import { clientPool, greet, startBareServer } from "./support/servers";

/*
 * A real-time room's deltas (`room:delta`) through the SDK: whatever order
 * they arrive in (two nodes' broadcasts crossing) and whichever one is lost,
 * every state a listener gets is the room's true state at that seq, and the
 * last one is the room's latest. The states are a real Trails round; a
 * scripted server sends them as the Lobby would (whole every
 * `ROOM_KEYFRAME_EVERY` saves, a delta otherwise), shuffled within a window.
 */

const { rules, deltas } = trailsGame;
const ROOM = "room-1";

/** A Trails round's room states, seq `first` onwards: bots steer, the server ticks. */
function round(seed: number, players: number, first: number, length: number): RoomView[] {
  const random = seededRandom(seed);
  let state = rules.setup({ players, round: 1, random });
  const bots = Array.from({ length: players }, () => trailsGame.moves.bot!());
  const states: RoomView[] = [];
  for (let seq = first; seq < first + length; seq++) {
    states.push(roomState(seq, rules.view(state, null)));
    for (let seat = 0; seat < players; seat++) {
      const move = bots[seat]!(rules.view(state, seat), seat, random.next());
      if (move && rules.validateMove(state, seat, move) === null) state = rules.applyMove(state, seat, move);
    }
    state = rules.tick!(state);
  }
  return states;
}

function roomState(seq: number, game: RoomView["game"]): RoomView {
  return {
    id: ROOM,
    code: "ABC234",
    kind: "quick",
    mode: "trails",
    visibility: "private",
    maxPlayers: 8,
    hostId: null,
    rated: true,
    phase: "playing",
    version: seq * 2,
    seq,
    round: 1,
    countdownEndsAt: null,
    seats: [],
    spectatorCount: 0,
    game,
    result: null,
    score: null,
  };
}

type Frame = { event: "room:state"; payload: RoomView } | { event: "room:delta"; payload: RoomDelta };

/** What the Lobby sends for each state after the first: whole on a keyframe, else the delta from the one before. */
function frames(states: RoomView[]): Frame[] {
  return states.slice(1).map((next, i): Frame => {
    const base = states[i]!;
    const game = next.seq % ROOM_KEYFRAME_EVERY === 0 ? null : deltas!.diff(base.game as never, next.game as never);
    if (game === null) return { event: "room:state", payload: next };
    return { event: "room:delta", payload: { id: ROOM, version: next.version, seq: next.seq, game } };
  });
}

/**
 * The plan for the next client: the state its `room:join` is answered with, then the frames in sending
 * order, and the state a `room:sync` is answered with (the room as it is once every frame is sent).
 */
let plan: { answer: RoomView; frames: Frame[]; now: RoomView } | null = null;
/** The `room:sync` requests the scripted server was sent, by room id. */
const syncs: string[] = [];
let server: Awaited<ReturnType<typeof startBareServer>>;
const pool = clientPool();

beforeAll(async () => {
  server = await startBareServer((lobby) =>
    greet(lobby, (socket) => {
      socket.on("room:join", (_payload, ack) => {
        if (!plan) throw new Error("no plan");
        ack({ ok: true, data: plan.answer });
        for (const frame of plan.frames) {
          if (frame.event === "room:state") socket.emit("room:state", frame.payload);
          else socket.emit("room:delta", frame.payload);
        }
      });
      socket.on("room:sync", ({ roomId }: { roomId: string }, ack) => {
        if (!plan) throw new Error("no plan");
        syncs.push(roomId);
        ack({ ok: true, data: plan.now });
      });
    }),
  );
});
afterEach(() => pool.closeAll());
afterAll(() => server.close());

/** Join, and collect every room state the SDK hands out until `done` says enough. */
async function play(
  answer: RoomView,
  sent: Frame[],
  done: (seen: RoomView[]) => boolean,
  now = answer,
): Promise<RoomView[]> {
  plan = { answer, frames: sent, now };
  const client = pool.client({ url: server.url, name: "Ada", retryForMs: 0 });
  await client.connect();
  const seen: RoomView[] = [];
  client.on("room:state", (view) => seen.push(view));
  expect((await client.joinRoom("ABC234")).ok).toBe(true);
  await expect.poll(() => done(seen)).toBe(true);
  client.disconnect();
  return seen;
}

/** A shuffle like crossing broadcasts: each frame may be overtaken by the few sent just after it. */
const lags = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 60, maxLength: 60 });

function shuffled(sent: Frame[], lag: number[]): Frame[] {
  return sent
    .map((frame, i) => ({ frame, at: i + (lag[i] ?? 0) + i / sent.length }))
    .sort((a, b) => a.at - b.at)
    .map(({ frame }) => frame);
}

describe("room deltas through the SDK", () => {
  it("hand listeners the true state of every seq, in order, whatever order they arrive in", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 2, max: 8 }),
        lags,
        async (seed, players, lag) => {
          const states = round(seed, players, 5, 45);
          const sent = frames(states);
          expect(sent.filter((f) => f.event === "room:delta").length).toBeGreaterThan(sent.length / 2);
          const seen = await play(states[0]!, shuffled(sent, lag), (s) => s.at(-1)?.seq === states.at(-1)!.seq);
          expect(seen).toEqual(states.slice(1));
        },
      ),
      { numRuns: 25 },
    );
  });

  it("skip what follows a lost state until the next whole one, and hand out every other state true", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 33 }), async (seed, lost) => {
        const states = round(seed, 4, 5, 45);
        const sent = frames(states);
        const lostSeq = sent[lost]!.payload.seq;
        const kept = sent.filter((_, i) => i !== lost);
        const seen = await play(states[0]!, kept, (s) => s.at(-1)?.seq === states.at(-1)!.seq, states.at(-1));
        // Once the SDK stops waiting for the lost state (seq 7–39), deltas have nothing to apply to until the
        // next whole state (seq 20 or 40) comes; the one it asks for (room:sync) comes after that, no newer.
        const keyframe = (Math.floor(lostSeq / ROOM_KEYFRAME_EVERY) + 1) * ROOM_KEYFRAME_EVERY;
        expect(seen).toEqual(states.slice(1).filter((s) => s.seq < lostSeq || s.seq >= keyframe));
      }),
      { numRuns: 15 },
    );
    // Each run waits out the SDK's reorder wait (150 ms) for the lost state.
  }, 60_000);

  it("ask for the room's whole state when a state is lost with no whole one to come, once, and follow on from it", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 36, max: 42 }), async (seed, lost) => {
        syncs.length = 0;
        // Seq 5–49: the last whole state is seq 40; a state lost after it (seq 42–48) has none to follow.
        const states = round(seed, 4, 5, 45);
        const sent = frames(states);
        const lostSeq = sent[lost]!.payload.seq;
        const kept = sent.filter((_, i) => i !== lost);
        const seen = await play(states[0]!, kept, (s) => s.at(-1)?.seq === states.at(-1)!.seq, states.at(-1));
        // Every state before the lost one, then the room as the server has it now; what came between is dropped.
        expect(seen).toEqual([...states.slice(1).filter((s) => s.seq < lostSeq), states.at(-1)]);
        expect(syncs).toEqual([ROOM]);
      }),
      { numRuns: 10 },
    );
  }, 60_000);
});
