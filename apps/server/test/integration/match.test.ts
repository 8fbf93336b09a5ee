import { ErrorCode } from "@lobby/contracts";
import { afterEach, describe, expect, it } from "vitest";
import { quickMatchedGame } from "../support/games";
import { nextEvent, startTestServer } from "../support/test-server";

const CF = "connect-four" as const;
const drop = (column: number) => ({ mode: CF, column });
let server: Awaited<ReturnType<typeof startTestServer>>;

afterEach(async () => {
  await server.close();
});

async function matchedPair(config: Parameters<typeof startTestServer>[0] = {}) {
  server = await startTestServer(config);
  const ann = await server.connect("Ann");
  const bob = await server.connect("Bob");
  return { ann, bob, roomId: (await quickMatchedGame(ann, bob)).id };
}

describe("a match over websocket", () => {
  it("plays a full game to a win that both players see", async () => {
    const { ann, bob } = await matchedPair();
    const annFinal = nextEvent(ann.client, "room:state", (r) => r.phase === "finished");
    const bobFinal = nextEvent(bob.client, "room:state", (r) => r.phase === "finished");
    for (let i = 0; i < 3; i++) {
      expect(await ann.client.move(drop(3))).toMatchObject({ ok: true });
      expect(await bob.client.move(drop(4))).toMatchObject({ ok: true });
    }
    expect(await ann.client.move(drop(3))).toMatchObject({ ok: true });
    const [a, b] = await Promise.all([annFinal, bobFinal]);
    expect(a).toEqual(b);
    expect(a.result).toEqual({ kind: "win", winners: [0], reason: "rules" });
    expect(a.game?.mode === "connect-four" && a.game.winLine).toHaveLength(4);
    expect(await bob.client.move(drop(4))).toMatchObject({ ok: false, error: { code: ErrorCode.GameNotRunning } });
  });

  it("refuses an out-of-turn move and changes nothing", async () => {
    const { ann, bob } = await matchedPair();
    expect(await bob.client.move(drop(0))).toMatchObject({ ok: false, error: { code: ErrorCode.NotYourTurn } });
    expect(await ann.client.move(drop(0))).toMatchObject({ ok: true });
  });

  it("tells the opponent of a disconnect and forfeits after the grace period", async () => {
    const { ann, bob } = await matchedPair({ reconnectGraceMs: 300 });
    await ann.client.move(drop(3));
    const away = nextEvent(ann.client, "room:state", (r) => r.seats[1]?.status === "disconnected");
    const forfeit = nextEvent(ann.client, "room:state", (r) => r.phase === "finished");
    bob.client.disconnect();
    const awayView = await away;
    expect(awayView.phase).toBe("playing");
    expect(awayView.seats[1]?.graceEndsAt).toBeGreaterThan(Date.now() - 1000);
    const final = await forfeit;
    expect(final.result).toEqual({ kind: "win", winners: [0], reason: "forfeit" });
    expect(final.seats[1]?.status).toBe("left");
  });

  it("plays again with the same group once both accept, then destroys the room when both leave", async () => {
    const { ann, bob, roomId } = await matchedPair();
    for (let i = 0; i < 3; i++) {
      await ann.client.move(drop(0));
      await bob.client.move(drop(1));
    }
    await ann.client.move(drop(0));
    const second = nextEvent(ann.client, "room:state", (r) => r.round === 2 && r.phase === "playing");
    expect(await ann.client.rematch()).toEqual({ ok: true, data: null });
    expect(await bob.client.rematch()).toEqual({ ok: true, data: null });
    expect(await second).toMatchObject({ id: roomId, phase: "playing", result: null });

    const bobSeesWin = nextEvent(bob.client, "room:state", (r) => r.result?.kind === "win");
    expect(await ann.client.leaveRoom()).toEqual({ ok: true, data: null });
    expect((await bobSeesWin).result).toEqual({ kind: "win", winners: [1], reason: "left" });
    expect(await bob.client.leaveRoom()).toEqual({ ok: true, data: null });
    expect(await server.store.listRoomIds()).toEqual([]);
    expect(await ann.client.quickMatch(CF)).toMatchObject({ ok: true, data: { state: "queued" } });
  });
});
