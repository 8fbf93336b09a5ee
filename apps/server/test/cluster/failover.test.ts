import type { ClusterNode } from "@lobby/cluster";
import type { RoomView } from "@lobby/contracts";
import { describe, expect, it } from "vitest";
import { checkInvariants } from "../../src/lobby/invariants";
import { playConnectFourToTheEnd, useSourceCluster } from "../support/cluster";
import { nextEvent } from "../support/test-server";

/*
 * Nodes stop and die here: five nodes over one redis-server, and each
 * test stops or kills one. What a dead node was doing — its players' connections, its timers —
 * must be picked up by the nodes that are left.
 */

const CF = "connect-four" as const;

const setup = useSourceCluster(5, {
  COUNTDOWN_MS: "1500",
  RECONNECT_GRACE_MS: "4000",
  NODE_HEARTBEAT_MS: "500",
  DEADLINE_SWEEP_MS: "200",
});
const player = (url: string, name: string, reconnection: boolean) => setup.players.connect(url, name, reconnection);

async function nodeOf(playerId: string): Promise<ClusterNode> {
  const record = await setup.store.getPlayer(playerId);
  const node = setup.cluster.nodes.find((n) => n.id === record?.node);
  if (!node) throw new Error(`${playerId} is on no known node (${record?.node})`);
  return node;
}

function liveNodes(count: number): ClusterNode[] {
  const live = setup.cluster.nodes.filter((n) => n.running);
  if (live.length < count) throw new Error("not enough live nodes");
  return live.slice(0, count);
}

describe("a node stopping or dying", () => {
  it("stalled past its heartbeats: its player is away meanwhile, and taken back when the node wakes", async () => {
    const [stalling, other] = liveNodes(2);
    const ann = await player(stalling!.url, "Ann", false);
    const bob = await player(other!.url, "Bob", false);
    const started = nextEvent(bob.client, "room:state", (r) => r.phase === "playing");
    await ann.client.quickMatch(CF);
    await bob.client.quickMatch(CF);
    const view = await started;
    const annSeat = (r: RoomView) => r.seats.find((s) => s.player.id === ann.id)?.status;

    const away = nextEvent(bob.client, "room:state", (r) => annSeat(r) === "disconnected");
    process.kill(stalling!.pid, "SIGSTOP");
    try {
      await away;
    } finally {
      process.kill(stalling!.pid, "SIGCONT");
    }
    const back = await nextEvent(bob.client, "room:state", (r) => annSeat(r) === "connected");
    expect(back.phase).toBe("playing");
    expect(back.seats.map((s) => s.player.id)).toEqual(view.seats.map((s) => s.player.id));
    const end = await playConnectFourToTheEnd([ann, bob], bob, back);
    expect(end.result).toMatchObject({ kind: "win", reason: "rules" });
    for (const p of [ann, bob]) p.client.disconnect();
  }, 30_000);

  it("stopped (SIGTERM) mid-game: its player moves to another node with no forfeit and the same seat", async () => {
    const ann = await player(setup.cluster.url, "Ann", true);
    const bob = await player(setup.cluster.url, "Bob", true);
    const started = nextEvent(bob.client, "room:state", (r) => r.phase === "playing");
    await ann.client.quickMatch(CF);
    await bob.client.quickMatch(CF);
    const before = await started;

    const draining = await nodeOf(ann.id);
    await draining.kill("SIGTERM");
    await expect.poll(async () => (await setup.store.getPlayer(ann.id))?.node ?? draining.id).not.toBe(draining.id);
    await expect.poll(async () => (await setup.store.getPlayer(ann.id))?.connectionId ?? null).not.toBeNull();
    const room = await setup.store.getRoom(before.id);
    expect(room?.phase).toBe("playing");
    expect(room?.result).toBeNull();
    expect(room?.seats.map((s) => s.playerId)).toEqual(before.seats.map((s) => s.player.id));
    for (const p of [ann, bob]) p.client.disconnect();
  }, 30_000);

  it("SIGKILLed mid-game: its player reconnects through the balancer and finishes in the same seat", async () => {
    const ann = await player(setup.cluster.url, "Ann", true);
    const bob = await player(setup.cluster.url, "Bob", true);
    const started = nextEvent(ann.client, "room:state", (r) => r.phase === "playing");
    await ann.client.quickMatch(CF);
    await bob.client.quickMatch(CF);
    const before = await started;
    const seatOf = (view: RoomView, id: string) => view.seats.findIndex((s) => s.player.id === id);

    const doomed = await nodeOf(ann.id);
    const back = nextEvent(
      ann.client,
      "room:state",
      (r) => r.id === before.id && r.seats[seatOf(r, ann.id)]?.status === "connected",
    );
    await doomed.kill("SIGKILL");
    const resumed = await back;
    expect((await nodeOf(ann.id)).id).not.toBe(doomed.id);
    expect(seatOf(resumed, ann.id)).toBe(seatOf(before, ann.id));
    expect(seatOf(resumed, bob.id)).toBe(seatOf(before, bob.id));

    // Play it out: each drops in the column of their seat until someone has four.
    const end = await playConnectFourToTheEnd([ann, bob], bob, resumed);
    expect(end.result).toMatchObject({ kind: "win", reason: "rules" });
    for (const p of [ann, bob]) p.client.disconnect();
  }, 30_000);

  it("a countdown whose node died still ends, and the dead node's player forfeits after the grace period", async () => {
    const [hostNode, guestNode] = liveNodes(2);
    const host = await player(hostNode!.url, "Host", false);
    const guest = await player(guestNode!.url, "Guest", false);
    const room = await host.client.createRoom(CF, { maxPlayers: 2, visibility: "private" });
    if (!room.ok) throw new Error("no room");
    expect(await guest.client.joinRoom(room.data.code)).toMatchObject({ ok: true });
    for (const p of [host, guest]) expect(await p.client.setReady(true)).toMatchObject({ ok: true });

    const countingDown = nextEvent(guest.client, "room:state", (r) => r.phase === "countdown");
    const playing = nextEvent(guest.client, "room:state", (r) => r.phase === "playing");
    const forfeited = nextEvent(guest.client, "room:state", (r) => r.phase === "finished");
    // The host's node commits the countdown and holds its timer, then dies before it ends.
    expect(await host.client.startGame()).toMatchObject({ ok: true });
    await countingDown;
    await hostNode!.kill("SIGKILL");

    expect((await playing).phase).toBe("playing");
    // The host's connection died with the node: they are away, then forfeit when their grace ends.
    const result = (await forfeited).result;
    expect(result).toMatchObject({ kind: "win", reason: "forfeit" });
    expect(await setup.store.getPlayer(host.id)).toBeUndefined();
    guest.client.disconnect();
  }, 30_000);

  it("a grace period whose node died still ends", async () => {
    const [leaverNode, stayerNode] = liveNodes(2);
    const leaver = await player(leaverNode!.url, "Leaver", false);
    const stayer = await player(stayerNode!.url, "Stayer", false);
    const playing = nextEvent(stayer.client, "room:state", (r) => r.phase === "playing");
    await leaver.client.quickMatch(CF);
    await stayer.client.quickMatch(CF);
    await playing;

    const away = nextEvent(stayer.client, "room:state", (r) => r.seats.some((s) => s.status === "disconnected"));
    const forfeited = nextEvent(stayer.client, "room:state", (r) => r.phase === "finished");
    // The leaver's own node records the drop and arms the grace timer, then dies.
    leaver.client.disconnect();
    await away;
    await leaverNode!.kill("SIGKILL");
    expect((await forfeited).result).toMatchObject({ kind: "win", reason: "forfeit" });
    expect(await setup.store.getPlayer(leaver.id)).toBeUndefined();

    stayer.client.disconnect();
    await expect.poll(() => setup.store.countPlayers(), { timeout: 15_000 }).toBe(0);
    expect(await checkInvariants(setup.store, Date.now())).toEqual([]);
  }, 30_000);
});
