import { createLobbyClient, type ConnectionState, type LobbyClient } from "@lobby/client";
import type { RoomView } from "@lobby/contracts";
import { afterAll, describe, expect, it } from "vitest";
import { playConnectFourToTheEnd, useSourceCluster } from "../support/cluster";
import { nextEvent } from "../support/test-server";

/*
 * A node that stops answering without closing anything (SIGSTOP: a frozen
 * process or VM): its players' SDK notices the unanswered pings, says
 * `stalled`, and past its bound reconnects through the balancer to a node
 * that answers, where the session token resumes the same seat.
 */

const CF = "connect-four" as const;

const setup = useSourceCluster(2, {
  COUNTDOWN_MS: "300",
  NODE_HEARTBEAT_MS: "500",
  DEADLINE_SWEEP_MS: "200",
});
const clients: LobbyClient[] = [];
afterAll(() => {
  for (const client of clients) client.disconnect();
});

async function player(name: string) {
  const client = createLobbyClient({
    url: setup.cluster.url,
    name,
    pingIntervalMs: 500,
    stallAfterMs: 1000,
    stallReconnectMs: 2500,
  });
  clients.push(client);
  const session = await client.connect();
  return { client, id: session.player.id };
}

describe("a node that stalls", () => {
  it("its player sees `stalled`, then reconnects through the balancer and finishes in the same seat", async () => {
    const ann = await player("Ann");
    const bob = await player("Bob");
    const playing = nextEvent(bob.client, "room:state", (r) => r.phase === "playing");
    await ann.client.quickMatch(CF);
    await bob.client.quickMatch(CF);
    const before = await playing;
    // Bob's latest view, kept from here on: Ann's return may reach him before the test looks for it.
    let latest = before;
    bob.client.on("room:state", (view) => {
      if (view.id === before.id && view.version >= latest.version) latest = view;
    });
    const nodeId = (await setup.store.getPlayer(ann.id))?.node;
    const stalling = setup.cluster.nodes.find((n) => n.id === nodeId);
    if (!stalling) throw new Error(`Ann is on no known node (${nodeId})`);

    const states: ConnectionState[] = [];
    ann.client.onConnectionState((state) => states.push(state));
    const seatOf = (view: RoomView, id: string) => view.seats.findIndex((s) => s.player.id === id);
    const back = nextEvent(ann.client, "session:ready", (s) => s.resumed);
    process.kill(stalling.pid, "SIGSTOP");
    try {
      await expect.poll(() => states).toContain("stalled");
      expect(states[0]).toBe("stalled");
      expect((await back).resumed).toBe(true);
      expect((await setup.store.getPlayer(ann.id))?.node).not.toBe(stalling.id);
      expect(states).toContain("reconnecting");
      expect(ann.client.state).toBe("connected");
    } finally {
      process.kill(stalling.pid, "SIGCONT");
    }

    // Both play on in their seats: every player's view agrees, and the game ends by the rules.
    // Settled: Bob holds the room's latest version, with everyone connected.
    await expect
      .poll(async () => {
        const stored = await setup.store.getRoom(before.id);
        return stored?.version === latest.version && latest.seats.every((s) => s.status === "connected");
      })
      .toBe(true);
    const resumed = latest;
    expect(seatOf(resumed, ann.id)).toBe(seatOf(before, ann.id));
    const end = await playConnectFourToTheEnd([ann, bob], bob, resumed);
    expect(end.result).toMatchObject({ kind: "win", reason: "rules" });
  }, 40_000);
});
