import type { LobbyClient } from "@lobby/client";
import { describe, expect, it } from "vitest";
import { useSourceCluster } from "../support/cluster";
import { customGame } from "../support/games";
import { data } from "../support/results";
import { nextEvent } from "../support/test-server";

/*
 * Ratings across nodes: one identity (two tabs of one browser) finishes two
 * rated games at the same moment on two nodes. Both results must count —
 * neither transaction may overwrite the other's update — and each exactly once.
 */

const CF = "connect-four" as const;
const setup = useSourceCluster(2, { COUNTDOWN_MS: "50" });
type Player = { client: LobbyClient; id: string };

function nodeUrl(index: number): string {
  const node = setup.cluster.nodes[index];
  if (!node) throw new Error("no such node");
  return node.url;
}

describe("ratings on a cluster", () => {
  it("count both of one identity's games that end at once on two nodes, each exactly once", async () => {
    const annHere = await setup.players.connect(nodeUrl(0), "Ann");
    const identity = annHere.client.identity!;
    const annThere = await setup.players.connect(nodeUrl(1), "Ann", false, identity);
    const bob = await setup.players.connect(nodeUrl(0), "Bob");
    const cy = await setup.players.connect(nodeUrl(1), "Cy");
    const games: [Player, Player][] = [
      [annHere, bob],
      [annThere, cy],
    ];
    await Promise.all(games.map(([host, guest]) => customGame(host, guest, { rated: true })));
    // Ann (seat 0) drops in column 0 and her opponent in column 1, until Ann's fourth disc is one move away.
    for (let i = 0; i < 3; i++) {
      for (const [host, guest] of games) {
        data(await host.client.move({ mode: CF, column: 0 }));
        data(await guest.client.move({ mode: CF, column: 1 }));
      }
    }
    const ends = games.map(([host]) => nextEvent(host.client, "room:state", (r) => r.phase === "finished"));
    await Promise.all(games.map(([host]) => host.client.move({ mode: CF, column: 0 })));
    const finished = await Promise.all(ends);
    expect(finished.map((r) => r.result)).toEqual([
      { kind: "win", winners: [0], reason: "rules" },
      { kind: "win", winners: [0], reason: "rules" },
    ]);

    const profile = data(await annHere.client.profile());
    expect(profile.ratings).toEqual([expect.objectContaining({ mode: CF, games: 2, wins: 2, losses: 0 })]);
    expect(profile.history.map((h) => [h.outcome, h.players[1]]).sort()).toEqual([
      ["win", "Bob"],
      ["win", "Cy"],
    ]);
    // The second result to commit started from the first one's rating.
    const [first, second] = [...profile.history].reverse();
    expect(second!.ratingBefore).toBe(first!.ratingAfter);
    for (const opponent of [bob, cy]) {
      expect(data(await opponent.client.profile()).ratings).toEqual([expect.objectContaining({ games: 1, losses: 1 })]);
    }
  });
});
