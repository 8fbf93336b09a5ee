import type { LobbyClient } from "@lobby/client";
import {
  ADMIN_NAMESPACE,
  type AdminClientToServerEvents,
  type AdminServerToClientEvents,
  type AdminSnapshot,
} from "@lobby/contracts";
import { io, type Socket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/core/random";
import { checkInvariants } from "../../src/lobby/invariants";
import { playConnectFourToTheEnd, useSourceCluster } from "../support/cluster";
import { nextEvent } from "../support/test-server";

/*
 * Three server processes over one redis-server, each started from source,
 * with players connected to different nodes. Only Redis and the sockets
 * join them: what one node does, the others see through the store and the
 * Socket.IO adapter.
 */

const CF = "connect-four" as const;
const LD = "liars-dice" as const;
const GRACE_MS = 1000;

const ADMIN_TOKEN = "admin-token-for-the-cluster-tests";
const setup = useSourceCluster(3, { COUNTDOWN_MS: "50", RECONNECT_GRACE_MS: String(GRACE_MS), ADMIN_TOKEN });
const connectTo = (url: string, name: string) => setup.players.connect(url, name);
/**
 * Everyone leaves, and the cluster ends their sessions once the grace period
 * has passed (whichever node holds each timer): the next test starts from an
 * empty lobby, and the invariants are checked on a lobby at rest.
 */
async function everyoneLeaves(leaving: { client: LobbyClient }[]) {
  for (const { client } of leaving) client.disconnect();
  await expect.poll(() => setup.store.countPlayers(), { timeout: GRACE_MS + 10_000 }).toBe(0);
  expect(await setup.store.listRoomIds()).toEqual([]);
  expect(await checkInvariants(setup.store, Date.now())).toEqual([]);
}

function nodeUrl(index: number): string {
  const node = setup.cluster.nodes[index % setup.cluster.nodes.length];
  if (!node) throw new Error("no such node");
  return node.url;
}

describe("a cluster of three nodes over Redis", () => {
  it("matches two players on different nodes, and they play a whole game", async () => {
    const ann = await connectTo(nodeUrl(0), "Ann");
    const bob = await connectTo(nodeUrl(1), "Bob");
    const playing = (p: { client: LobbyClient }) => nextEvent(p.client, "room:state", (r) => r.phase === "playing");
    const started = Promise.all([playing(ann), playing(bob)]);
    expect(await ann.client.quickMatch(CF)).toMatchObject({ ok: true, data: { state: "queued" } });
    expect(await bob.client.quickMatch(CF)).toMatchObject({ ok: true, data: { state: "matched" } });
    const [annView] = await started;

    // Each drops in the column of their seat, so whoever opened gets four first.
    const opener = annView.game?.mode === CF ? annView.game.turn : null;
    const end = await playConnectFourToTheEnd([ann, bob], bob, annView);
    expect(end.result).toMatchObject({ kind: "win", winners: [opener], reason: "rules" });
    expect(await checkInvariants(setup.store, Date.now())).toEqual([]);
    await everyoneLeaves([ann, bob]);
  });

  it.each([1, 2, 3])(
    "seats each of 200 players racing across the nodes exactly once (seed %i)",
    async (seed) => {
      const random = seededRandom(seed);
      const racers = await Promise.all(
        Array.from({ length: 200 }, (_, i) => connectTo(nodeUrl(Math.floor(random.next() * 3)), `R${seed}-${i}`)),
      );
      const answers = await Promise.all(racers.map((p) => p.client.quickMatch(CF)));
      expect(answers.every((a) => a.ok)).toBe(true);

      // Everyone is seated once a pair exists; nobody may wait while another waits too.
      await expect.poll(() => setup.store.queueLength(CF)).toBe(0);
      const rooms = new Map<string, number>();
      for (const { id } of racers) {
        const record = await setup.store.getPlayer(id);
        expect(record?.location.kind).toBe("seated");
        if (record?.location.kind === "seated")
          rooms.set(record.location.roomId, (rooms.get(record.location.roomId) ?? 0) + 1);
      }
      expect(rooms.size).toBe(100);
      expect([...rooms.values()].every((seats) => seats === 2)).toBe(true);
      expect(await checkInvariants(setup.store, Date.now())).toEqual([]);
      await everyoneLeaves(racers);
    },
    60_000,
  );

  it("seats 40 parties and 80 players racing across the nodes together, each party in one room", async () => {
    const random = seededRandom(7);
    const node = () => nodeUrl(Math.floor(random.next() * 3));
    const leaders = await Promise.all(Array.from({ length: 40 }, (_, i) => connectTo(node(), `Lead-${i}`)));
    const friends = await Promise.all(Array.from({ length: 40 }, (_, i) => connectTo(node(), `Friend-${i}`)));
    const solos = await Promise.all(Array.from({ length: 80 }, (_, i) => connectTo(node(), `Solo-${i}`)));
    // Parties formed one after another: every bot is on 127.0.0.1, and a code counts against the address's
    // guesses until it is found, so forty joins at once would spend its budget (CODE_MISSES_PER_MINUTE).
    const codes: string[] = [];
    for (const [i, leader] of leaders.entries()) {
      const party = await leader.client.createParty();
      if (!party.ok) throw new Error(party.error.message);
      expect(await friends[i]!.client.joinParty(party.data.code)).toMatchObject({ ok: true });
      codes.push(party.data.code);
    }

    // Everyone at once: the leaders for their parties, and the players on their own.
    const answers = await Promise.all([...leaders, ...solos].map((p) => p.client.quickMatch(LD)));
    expect(answers.filter((a) => !a.ok)).toEqual([]);
    // Once the longest wait allows smaller rooms, whatever could not make four is seated too.
    await expect.poll(() => setup.store.queueLength(LD), { timeout: 20_000 }).toBe(0);

    const roomOf = new Map<string, string>();
    for (const { id } of [...leaders, ...friends, ...solos]) {
      const record = await setup.store.getPlayer(id);
      expect(record?.location.kind).toBe("seated");
      if (record?.location.kind === "seated") roomOf.set(id, record.location.roomId);
    }
    leaders.forEach((leader, i) => expect(roomOf.get(leader.id)).toBe(roomOf.get(friends[i]!.id)));
    const seated = new Map<string, number>();
    for (const room of roomOf.values()) seated.set(room, (seated.get(room) ?? 0) + 1);
    // Rooms of four, and open rooms take more during their countdown (up to Liar's Dice's six).
    expect([...seated.values()].every((n) => n >= 2 && n <= 6)).toBe(true);
    for (const code of codes) expect((await setup.store.getParty(code))?.queued).toBeNull();
    expect(await checkInvariants(setup.store, Date.now())).toEqual([]);
    await everyoneLeaves([...leaders, ...friends, ...solos]);
    for (const code of codes) expect(await setup.store.getParty(code)).toBeUndefined();
  }, 60_000);

  it("an admin on one node sees every node, closes a room played on the two others, and drains one", async () => {
    const ann = await connectTo(nodeUrl(1), "Ann");
    const bob = await connectTo(nodeUrl(2), "Bob");
    const playing = nextEvent(bob.client, "room:state", (r) => r.phase === "playing");
    expect(await ann.client.quickMatch(CF)).toMatchObject({ ok: true, data: { state: "queued" } });
    expect(await bob.client.quickMatch(CF)).toMatchObject({ ok: true, data: { state: "matched" } });
    const room = await playing;

    const admin: Socket<AdminServerToClientEvents, AdminClientToServerEvents> = io(`${nodeUrl(0)}${ADMIN_NAMESPACE}`, {
      transports: ["websocket"],
      forceNew: true,
      auth: { token: ADMIN_TOKEN },
    });
    try {
      const seen = await new Promise<AdminSnapshot>((resolve) => {
        const listener = (snapshot: AdminSnapshot) => {
          if (snapshot.nodes.length < 3 || !snapshot.rooms.some((r) => r.id === room.id)) return;
          admin.off("admin:snapshot", listener);
          resolve(snapshot);
        };
        admin.on("admin:snapshot", listener);
      });
      expect(seen.nodes.map((n) => n.id)).toEqual(["node-1", "node-2", "node-3"]);

      const kicked = Promise.all([nextEvent(ann.client, "room:kicked"), nextEvent(bob.client, "room:kicked")]);
      const closed = await admin.emitWithAck("admin:close-room", { roomId: room.id, reason: "Maintenance" });
      expect(closed).toEqual({ ok: true, data: null });
      for (const notice of await kicked) expect(notice.reason).toBe("An admin closed the room: Maintenance");

      expect(await admin.emitWithAck("admin:drain", { nodeId: "node-2", draining: true })).toMatchObject({ ok: true });
      const health = async () => ((await (await fetch(`${nodeUrl(1)}/healthz`)).json()) as { status: string }).status;
      await expect.poll(health).toBe("draining");
      expect(await admin.emitWithAck("admin:drain", { nodeId: "node-2", draining: false })).toMatchObject({ ok: true });
      await expect.poll(health).toBe("ok");
    } finally {
      admin.close();
    }
    expect(await checkInvariants(setup.store, Date.now())).toEqual([]);
    await everyoneLeaves([ann, bob]);
  });
});
