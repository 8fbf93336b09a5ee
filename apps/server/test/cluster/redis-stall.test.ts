import type { ClusterNode } from "@lobby/cluster";
import { ErrorCode } from "@lobby/contracts";
import { expect, it } from "vitest";
import { checkInvariants } from "../../src/lobby/invariants";
import { playConnectFourToTheEnd, useSourceCluster } from "../support/cluster";
import { data } from "../support/results";
import { nextEvent } from "../support/test-server";

/*
 * redis-server stops answering (SIGSTOP) with nothing queued on the nodes:
 * every operation in flight hangs on Redis, one per lane. The nodes must
 * still see that they are behind and say so (SERVER_BUSY) within a bound,
 * keep pings answered, and — once Redis is back (SIGCONT) — complete
 * everything they took, once.
 */

const CF = "connect-four" as const;
const BUSY_QUEUE_MS = 1000;
const DEADLINE_SWEEP_MS = 200;
/** A node's own sweep hangs within a sweep interval, and is noticed once it has hung BUSY_QUEUE_MS; the rest is slack. */
const BUSY_WITHIN_MS = DEADLINE_SWEEP_MS + BUSY_QUEUE_MS + 2000;

const setup = useSourceCluster(2, {
  BUSY_QUEUE_MS: String(BUSY_QUEUE_MS),
  DEADLINE_SWEEP_MS: String(DEADLINE_SWEEP_MS),
  COUNTDOWN_MS: "50",
});

async function health(node: ClusterNode): Promise<string> {
  return ((await (await fetch(`${node.url}/healthz`)).json()) as { status: string }).status;
}

it("answers SERVER_BUSY within a bound while redis-server is stopped, and loses nothing once it is back", async () => {
  const [one, two] = setup.cluster.nodes;
  const redisPid = setup.cluster.redis?.pid;
  if (!one || !two || !redisPid) throw new Error("the cluster has no two nodes and no redis-server of its own");
  const ann = await setup.players.connect(one.url, "Ann");
  const bob = await setup.players.connect(two.url, "Bob");
  const cid = await setup.players.connect(one.url, "Cid");
  const dan = await setup.players.connect(two.url, "Dan");
  const playing = nextEvent(bob.client, "room:state", (r) => r.phase === "playing");
  await ann.client.quickMatch(CF);
  await bob.client.quickMatch(CF);
  const start = await playing;
  expect(data(await dan.client.quickMatch("trails"))).toMatchObject({ state: "queued" });
  const turn = start.game?.mode === CF ? (start.game.turn ?? 0) : 0;
  const mover = start.seats[turn]?.player.id === ann.id ? ann : bob;
  const moved = nextEvent(bob.client, "room:state", (r) => r.version > start.version);
  expect([await health(one), await health(two)]).toEqual(["ok", "ok"]);

  const stoppedAt = Date.now();
  process.kill(redisPid, "SIGSTOP");
  let moveAck: ReturnType<typeof mover.client.move>;
  let danLeaves: ReturnType<typeof dan.client.cancelQueue>;
  try {
    // Sent before any node can know: a move and a departure, each hanging on Redis.
    moveAck = mover.client.move({ mode: CF, column: turn });
    danLeaves = dan.client.cancelQueue();
    // Both nodes notice within the bound, the one with nothing asked of it (Cid's and Ann's) too.
    await expect.poll(() => health(one), { timeout: BUSY_WITHIN_MS, interval: 50 }).toBe("busy");
    await expect.poll(() => health(two), { timeout: BUSY_WITHIN_MS, interval: 50 }).toBe("busy");
    expect(Date.now() - stoppedAt).toBeLessThan(BUSY_WITHIN_MS);

    // A request now is refused at once rather than left to hang.
    const askedAt = Date.now();
    expect(await cid.client.quickMatch(CF)).toMatchObject({ ok: false, error: { code: ErrorCode.ServerBusy } });
    expect(Date.now() - askedAt).toBeLessThan(500);
    // Pings need no store: still answered.
    expect(await cid.client.ping()).not.toBeNull();
    // A new player is turned away at once (the SDK would retry, maybe through the balancer to another node).
    const knockedAt = Date.now();
    await expect(setup.players.connect(one.url, "Eve")).rejects.toMatchObject({ code: ErrorCode.ServerBusy });
    expect(Date.now() - knockedAt).toBeLessThan(500);
  } finally {
    process.kill(redisPid, "SIGCONT");
  }

  // Redis is back: what was taken before the nodes knew completes, once; new work is taken again.
  expect(await moveAck).toMatchObject({ ok: true });
  expect(await danLeaves).toMatchObject({ ok: true, data: { state: "idle" } });
  const after = await moved;
  expect(after.version).toBe(start.version + 1);
  await expect.poll(() => health(one)).toBe("ok");
  await expect.poll(() => health(two)).toBe("ok");
  expect(data(await cid.client.quickMatch(CF))).toMatchObject({ state: "queued" });
  const end = await playConnectFourToTheEnd([ann, bob], bob, after);
  expect(end.result).toMatchObject({ kind: "win", reason: "rules" });
  expect(await setup.store.queueLength("trails")).toBe(0);
  expect(await checkInvariants(setup.store, Date.now())).toEqual([]);
}, 60_000);
