import type { RoomView } from "@lobby/contracts";
import { describe, expect, it } from "vitest";
import { lobbyHarness } from "../../test/support/lobby-harness";
import { games } from "../games/registry";
import { checkInvariants } from "./invariants";
import { toRoomView } from "./room-view";

/*
 * The room's running score across play again (#16): wins per player, a
 * draw for nobody, team tallies in team games, started afresh by a newcomer.
 */

const CF = "connect-four" as const;
type Harness = ReturnType<typeof lobbyHarness>;

async function view(h: Harness, playerId: string): Promise<RoomView> {
  const room = await h.roomOf(playerId);
  return toRoomView(room, games[room.mode], null);
}

/** A custom room of `mode` with `players` seated, ready and past the countdown. */
async function started(
  mode: "connect-four" | "trails" | "trails-teams",
  players: string[],
  maxPlayers = players.length,
) {
  const h = lobbyHarness();
  await h.connect(...players);
  const [host, ...others] = players.map((p) => p.toLowerCase()) as [string, ...string[]];
  const room = await h.lobby.createRoom(host, mode, { maxPlayers, visibility: "private" });
  for (const id of others) await h.lobby.joinRoom(id, room.code);
  for (const id of [host, ...others]) await h.lobby.setReady(id, true);
  await h.lobby.startGame(host);
  await h.finishCountdown();
  return { h, host, others, code: room.code };
}

/** Play Connect Four until `winner` has four down column 0 (the other spreads over columns 1 and 2). */
async function winConnectFour(h: Harness, winner: string) {
  let loserMoves = 0;
  while ((await h.roomOf(winner)).phase === "playing") {
    const room = await view(h, winner);
    const game = room.game as { turn: number | null };
    const mover = room.seats[game.turn ?? 0]!.player.id;
    const column = mover === winner ? 0 : 1 + (loserMoves++ % 2);
    await h.lobby.move(mover, { mode: CF, column });
  }
  expect((await view(h, winner)).result).toMatchObject({ kind: "win" });
}

/** Let a real-time game tick until it ends (nobody steers). */
async function rideOut(h: Harness, playerId: string) {
  for (let i = 0; i < 2000 && (await h.roomOf(playerId)).phase === "playing"; i++) await h.advance(100);
  expect((await h.roomOf(playerId)).phase).toBe("finished");
}

async function playAgain(h: Harness, players: string[]) {
  for (const id of players) await h.lobby.rematch(id);
  await h.finishCountdown();
}

const wins = (room: RoomView) => Object.fromEntries(room.seats.map((s) => [s.player.id, s.wins]));

describe("the room's score", () => {
  it("counts each player's wins through play again", async () => {
    const { h } = await started(CF, ["Host", "Ann"]);
    expect((await view(h, "host")).score).toBeNull();
    await winConnectFour(h, "host");
    expect((await view(h, "host")).score).toEqual({ games: 1, draws: 0, teamWins: null });
    expect(wins(await view(h, "host"))).toEqual({ host: 1, ann: 0 });

    await playAgain(h, ["host", "ann"]);
    const second = await view(h, "host");
    expect(second).toMatchObject({ phase: "playing", round: 2, score: { games: 1 } });
    expect(wins(second)).toEqual({ host: 1, ann: 0 });
    await winConnectFour(h, "ann");
    await playAgain(h, ["host", "ann"]);
    await winConnectFour(h, "ann");
    expect((await view(h, "ann")).score).toEqual({ games: 3, draws: 0, teamWins: null });
    expect(wins(await view(h, "ann"))).toEqual({ host: 1, ann: 2 });
    expect(await checkInvariants(h.store, h.clock.now())).toEqual([]);
  });

  it("scores a draw for nobody", async () => {
    // Two riders who never steer crash into their walls on the same tick.
    const { h } = await started("trails", ["Host", "Ann"]);
    await rideOut(h, "host");
    const room = await view(h, "host");
    expect(room.result).toEqual({ kind: "draw" });
    expect(room.score).toEqual({ games: 1, draws: 1, teamWins: null });
    expect(wins(room)).toEqual({ host: 0, ann: 0 });
    expect(await checkInvariants(h.store, h.clock.now())).toEqual([]);
  });

  it("starts afresh when a newcomer takes a seat, and a leaver takes their wins along", async () => {
    const { h } = await started("trails", ["Host", "Ann", "Bob"], 4);
    // Nobody steers: Ann's rider hits its wall first; then Bob leaves, and Host rides on alone.
    for (let tick = 0; tick < 24; tick++) await h.advance(100);
    const { riders } = (await view(h, "host")).game as { riders: { alive: boolean }[] };
    expect(riders.map((r) => r.alive)).toEqual([true, false, true]);
    await h.lobby.leaveRoom("bob");
    expect(wins(await view(h, "host"))).toEqual({ host: 1, ann: 0, bob: 0 });

    await playAgain(h, ["host", "ann"]);
    await rideOut(h, "host");
    const kept = await view(h, "host");
    expect(kept.seats.map((s) => s.player.id)).toEqual(["host", "ann"]);
    expect(kept.score).toMatchObject({ games: 2 });
    expect(wins(kept).host).toBeGreaterThanOrEqual(1);

    // Cat joins the next round's countdown: the score so far was not against her.
    await h.connect("Cat");
    await h.lobby.rematch("host");
    await h.lobby.rematch("ann");
    await h.lobby.joinRoom("cat", kept.code);
    const fresh = await view(h, "host");
    expect(fresh.score).toBeNull();
    expect(wins(fresh)).toEqual({ host: 0, ann: 0, cat: 0 });
    expect(await checkInvariants(h.store, h.clock.now())).toEqual([]);
  });

  it("keeps a team game's teams through play again and tallies their wins", async () => {
    const players = ["Host", "Ann", "Bob", "Cat"];
    const ids = players.map((p) => p.toLowerCase());
    const { h } = await started("trails-teams", players);
    const teams = (room: RoomView) => room.seats.map((s) => s.team);
    const first = await view(h, "host");
    await rideOut(h, "host");
    const after = await view(h, "host");
    expect(after.result).toMatchObject({ kind: "win" });
    const winners = after.result?.kind === "win" ? after.result.winners : [];
    const winningTeam = first.seats[winners[0]!]!.team!;
    expect(after.score?.teamWins).toEqual(winningTeam === 0 ? [1, 0] : [0, 1]);
    for (const seat of after.seats) expect(seat.wins).toBe(seat.team === winningTeam ? 1 : 0);

    await playAgain(h, ids);
    expect(teams(await view(h, "host"))).toEqual(teams(first));
    await rideOut(h, "host");
    const score = (await view(h, "host")).score!;
    expect(score.games).toBe(2);
    expect(score.teamWins!.reduce((a, b) => a + b, 0) + score.draws).toBeGreaterThanOrEqual(2);
    expect(await checkInvariants(h.store, h.clock.now())).toEqual([]);
  });
});
