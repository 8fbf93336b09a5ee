import type { LobbyClient } from "@lobby/client";
import type { RoomView } from "@lobby/contracts";
import { botFor } from "@lobby/games";
import { afterEach, describe, expect, it } from "vitest";
import { data } from "../support/results";
import { nextEvent, startTestServer } from "../support/test-server";

/*
 * Liar's Dice, a game with hidden information added only through the game
 * kit, played whole over real sockets: every payload each socket receives is
 * kept, and none shows a seat — or a spectator — another seat's dice before
 * the challenge that reveals them.
 */

const LD = "liars-dice" as const;
let server: Awaited<ReturnType<typeof startTestServer>>;

afterEach(async () => {
  await server.close();
});

/** Every event a client receives, in order. */
function recordAll(client: LobbyClient): { event: string; payload: unknown }[] {
  const seen: { event: string; payload: unknown }[] = [];
  client.socket.onAny((event: string, payload: unknown) => seen.push({ event, payload }));
  return seen;
}

/** Where dice values may appear in a view: the viewer's own `myDice`, and `reveal.dice` (what a challenge showed everyone). */
function diceArrays(value: unknown, path = ""): string[] {
  if (Array.isArray(value)) {
    const isDice = value.length > 0 && value.every((v) => Number.isInteger(v) && v >= 1 && v <= 6);
    const inner = value.flatMap((v, i) => diceArrays(v, `${path}[${i}]`));
    return isDice && /(myDice|reveal\.dice\[\d+\])$/.test(path) ? inner : isDice ? [path, ...inner] : inner;
  }
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, v]) => diceArrays(v, path ? `${path}.${key}` : key));
  }
  return [];
}

/** Each seated client plays its own view with the game's bot whenever it is its turn. */
function autoPlay(client: LobbyClient, seat: () => number) {
  const bot = botFor(LD);
  client.on("room:state", (room) => {
    const view = room.game;
    if (room.phase !== "playing" || view?.mode !== LD || view.turn !== seat()) return;
    const move = bot(view, seat(), Math.random());
    if (move) void client.move(move);
  });
}

describe("Liar's Dice through the lobby", () => {
  it("plays three seats to the end with a spectator, and no payload shows anyone another seat's dice before the reveal", async () => {
    server = await startTestServer({ countdownMs: 20 });
    const players = await Promise.all(["Ann", "Bob", "Cat"].map((name) => server.connect(name)));
    const spectator = await server.connect("Sam");
    const received = [...players, spectator].map((p) => recordAll(p.client));

    const [host, ...guests] = players as [(typeof players)[0], ...typeof players];
    const room = data(await host.client.createRoom(LD, { maxPlayers: 3, visibility: "public" }));
    let view = room;
    for (const guest of guests) view = data(await guest.client.joinRoom(room.code));
    const seats = new Map(view.seats.map((s) => [s.player.id, s.seat]));
    // The game plays itself out: whoever's turn it is moves on the view it was sent.
    for (const p of players) autoPlay(p.client, () => seats.get(p.id) ?? -1);
    const playing = nextEvent(host.client, "room:state", (r) => r.phase === "playing");
    const finished = nextEvent(host.client, "room:state", (r) => r.phase === "finished");
    for (const p of players) data(await p.client.setReady(true));
    data(await host.client.startGame());
    await playing;
    data(await spectator.client.watchRoom(room.code));
    const end: RoomView = await finished;
    expect(end.result?.kind).toBe("win");

    let views = 0;
    let reveals = 0;
    received.forEach((events, index) => {
      const mySeat = index < players.length ? seats.get(players[index]!.id)! : null;
      for (const { event, payload } of events) {
        // No event but a room's state carries the game.
        if (event !== "room:state") {
          expect(JSON.stringify(payload)).not.toMatch(/"(myDice|dice)"/);
          continue;
        }
        const view = (payload as RoomView).game;
        if (view?.mode !== LD) continue;
        views++;
        // Dice appear only as the viewer's own and in a reveal, and a reveal is always of a round already over.
        expect(diceArrays(view)).toEqual([]);
        if (mySeat === null) expect(view.myDice).toBeNull();
        if (view.reveal) {
          reveals++;
          // While the game runs, a reveal is of a round already over; the last one stays on show at the end.
          if ((payload as RoomView).phase === "playing") expect(view.reveal.round).toBeLessThan(view.round);
          else expect(view.reveal.round).toBeLessThanOrEqual(view.round);
        }
      }
    });
    // A seat's own dice are its own: what it was shown matches what the reveal later showed everyone.
    for (const [index, events] of received.slice(0, players.length).entries()) {
      const mySeat = seats.get(players[index]!.id)!;
      const shown = new Map<number, number[]>();
      const revealed = new Map<number, number[]>();
      for (const { event, payload } of events) {
        const view = event === "room:state" ? (payload as RoomView).game : null;
        if (view?.mode !== LD) continue;
        if (view.myDice && view.myDice.length > 0) shown.set(view.round, [...view.myDice].sort());
        if (view.reveal) revealed.set(view.reveal.round, [...(view.reveal.dice[mySeat] ?? [])].sort());
      }
      for (const [round, dice] of revealed) if (shown.has(round)) expect(shown.get(round)).toEqual(dice);
    }
    expect(views).toBeGreaterThan(20);
    expect(reveals).toBeGreaterThan(0);
  }, 30_000);
});
