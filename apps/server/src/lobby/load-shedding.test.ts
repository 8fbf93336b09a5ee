import { ErrorCode } from "@lobby/contracts";
import { describe, expect, it } from "vitest";
import { GatedStore } from "../../test/support/gated-store";
import { lobbyHarness } from "../../test/support/lobby-harness";
import { refusal } from "../../test/support/results";

const CF = "connect-four" as const;
const LIMIT = 2000;

/** Let every queued promise reaction run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("the busy rule", () => {
  it("counts an operation stuck on the store, with nothing queued behind it", async () => {
    const store = new GatedStore();
    const h = lobbyHarness({ busyQueueMs: LIMIT }, 1, store);
    const [ann, bob] = await h.connect("Ann", "Bob");
    store.hold();
    // Ann's join is the only operation: it runs, and hangs on the store.
    const annJoin = h.lobby.joinQueue(ann!, CF);
    await settle();
    h.clock.advance(LIMIT - 1);
    expect(h.lobby.busy).toBe(false);
    h.clock.advance(1);
    expect(h.lobby.busy).toBe(true);

    // New work is refused at once; leaving is queued, never refused.
    expect(await refusal(h.lobby.joinQueue(bob!, CF))).toBe(ErrorCode.ServerBusy);
    expect(await refusal(h.lobby.sendChat(bob!, "lobby", "hello?"))).toBe(ErrorCode.ServerBusy);
    const annLeaves = h.lobby.leaveQueue(ann!);
    // A ping is answered whatever the store does.
    expect(h.lobby.reportLatency(bob!, 40)).toEqual({ serverTime: h.clock.now() });

    store.open();
    expect(await annJoin).toMatchObject({ state: "queued" });
    expect(await annLeaves).toMatchObject({ state: "idle" });
    expect(h.lobby.busy).toBe(false);
    expect(await h.lobby.joinQueue(bob!, CF)).toMatchObject({ state: "queued" });
  });

  it("notices a stalled store on an idle process, through its own deadline sweep", async () => {
    const store = new GatedStore();
    const h = lobbyHarness({ busyQueueMs: LIMIT, deadlineSweepMs: 1000 }, 1, store);
    const [ann] = await h.connect("Ann");
    store.hold();
    // Nobody asks for anything; the next sweep reads the store, and that read hangs.
    h.clock.advance(1000);
    await settle();
    h.clock.advance(LIMIT - 1);
    expect(h.lobby.busy).toBe(false);
    h.clock.advance(1);
    expect(h.lobby.busy).toBe(true);
    // So the first request of the stall is refused at once rather than left hanging.
    expect(await refusal(h.lobby.joinQueue(ann!, CF))).toBe(ErrorCode.ServerBusy);

    store.open();
    await settle();
    expect(h.lobby.busy).toBe(false);
    expect(await h.lobby.joinQueue(ann!, CF)).toMatchObject({ state: "queued" });
  });

  it("is never busy with a limit of 0", async () => {
    const store = new GatedStore();
    const h = lobbyHarness({ busyQueueMs: 0 }, 1, store);
    const [ann] = await h.connect("Ann");
    store.hold();
    const annJoin = h.lobby.joinQueue(ann!, CF);
    h.clock.advance(60_000);
    expect(h.lobby.busy).toBe(false);
    store.open();
    await annJoin;
  });
});
