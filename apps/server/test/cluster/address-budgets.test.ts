import { ErrorCode } from "@lobby/contracts";
import { describe, expect, it } from "vitest";
import { data } from "../support/results";
import { useSourceCluster } from "../support/cluster";

/*
 * Per-address budgets are kept in Redis: every node spends from the same
 * one, so going to another node is no way around them.
 */

const setup = useSourceCluster(2, { NEW_SESSIONS_PER_MINUTE: "3", ROOMS_PER_MINUTE: "2" });

function nodeUrl(index: number): string {
  const node = setup.cluster.nodes[index];
  if (!node) throw new Error("no such node");
  return node.url;
}

describe("per-address budgets across a cluster", () => {
  it("hold across nodes: sessions and rooms from one address share one budget", async () => {
    const ann = await setup.players.connect(nodeUrl(0), "Ann");
    const bob = await setup.players.connect(nodeUrl(1), "Bob");
    const cat = await setup.players.connect(nodeUrl(0), "Cat");
    for (const index of [0, 1]) {
      await expect(setup.players.connect(nodeUrl(index), "Dan")).rejects.toMatchObject({
        code: ErrorCode.TooManySessions,
      });
    }
    data(await ann.client.createRoom("connect-four", { maxPlayers: 2, visibility: "public" }));
    data(await bob.client.createRoom("connect-four", { maxPlayers: 2, visibility: "public" }));
    expect(await cat.client.createRoom("connect-four", { maxPlayers: 2, visibility: "public" })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.TooManyRooms },
    });
  });
});
