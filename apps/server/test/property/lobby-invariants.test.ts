import type { PartyView, RoomView } from "@lobby/contracts";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { games } from "../../src/games/registry";
import { LobbyError } from "../../src/lobby/lobby-error";
import { heldSeat } from "../../src/lobby/match-room";
import { toRoomView } from "../../src/lobby/room-view";
import { checkInvariants } from "../../src/lobby/invariants";
import type { LobbyStore } from "../../src/lobby/store";
import { lobbyHarness } from "../support/lobby-harness";
import type { Sent } from "../support/recording-effects";
import { storeKinds } from "../support/stores";
import { PLAYERS, command, type Command } from "./commands";
import { look, resolve, type Action } from "./steer";

/*
 * Random sequences of everything players can do — connect, drop, reconnect,
 * queue, cancel, create, join by code, watch, kick, ready, start, settings,
 * move, chat, rematch, leave, and parties (start, join, leave, remove a
 * member, party chat; a leader queues the party) — with a fake clock that also jumps past
 * countdowns and grace periods. Most steps are aimed at someone they make
 * sense for, the rest are wild (see `commands.ts`). After every step the
 * invariants must hold, every refusal must be a LobbyError with a stable code,
 * and every connected player in a room must see it as it is: the whole
 * states and the deltas they were sent (across drops and reconnects) add up
 * to the room's view.
 */

/** Counts across every run, for docs/reliability.md (`pnpm --filter @lobby/server figures`). */
export const figures = {
  sequences: 0,
  steps: 0,
  refusals: 0,
  gamesStarted: 0,
  gamesFinished: 0,
  partySearches: 0,
  partiesSeated: 0,
  deltasApplied: 0,
};

async function runSequence(store: LobbyStore, commands: Command[]) {
  const settings = { reconnectGraceMs: 10_000, quickMatchWaitMs: 5000, countdownMs: 3000, chatBurst: 3 };
  const h = lobbyHarness(settings, 1, store);
  const connected = new Set<string>();
  const known = new Set<string>();
  const codes: string[] = [];
  figures.sequences++;

  for (const p of PLAYERS) {
    await h.connect(p.toUpperCase());
    connected.add(p);
    known.add(p);
  }
  for (const [index, c] of commands.entries()) {
    const action = await resolve(c, { connected, codes }, () => look(h.store));
    if (!action) continue;
    figures.steps++;
    try {
      await act(action);
    } catch (error) {
      if (!(error instanceof LobbyError)) throw error;
      figures.refusals++;
    }
    // A session that ended (its grace period ran out, or it held nothing when it dropped) is gone:
    // reconnecting starts a fresh one.
    for (const p of known) if (!connected.has(p) && !(await h.store.getPlayer(p))) known.delete(p);
    await h.lobby.idle();
    expect(await checkInvariants(h.store, h.clock.now()), `after step ${index}: ${JSON.stringify(action)}`).toEqual([]);
    for (const p of connected) {
      const [seen, actual] = await screenOf(h, p);
      expect(seen, `${p}'s screen after step ${index}: ${JSON.stringify(action)}`).toEqual(actual);
    }
  }
  await h.lobby.close();
  countGames(h.effects.sent);
  figures.deltasApplied += h.effects.deltasApplied;

  async function act(a: Action) {
    const { lobby } = h;
    switch (a.kind) {
      case "connect":
        if (known.has(a.player)) await h.reconnect(a.player, a.player.toUpperCase());
        else await h.connect(a.player.toUpperCase());
        connected.add(a.player);
        known.add(a.player);
        return;
      case "drop":
        await h.drop(a.player);
        connected.delete(a.player);
        return;
      case "queue":
        return lobby.joinQueue(a.player, a.mode);
      case "cancel":
        return lobby.leaveQueue(a.player);
      case "create": {
        const room = await lobby.createRoom(a.player, a.mode, { maxPlayers: a.maxPlayers, visibility: a.visibility });
        codes.push(room.code);
        return h.effects.show(a.player, room);
      }
      case "join":
        return h.effects.show(a.player, await lobby.joinRoom(a.player, a.code));
      case "watch":
        return h.effects.show(a.player, await lobby.watchRoom(a.player, a.code));
      case "kick":
        return lobby.kick(a.player, a.target);
      case "ready":
        return lobby.setReady(a.player, a.ready);
      case "start":
        return lobby.startGame(a.player);
      case "settings":
        return lobby.updateSettings(a.player, { maxPlayers: a.maxPlayers, visibility: a.visibility });
      case "move":
        return lobby.move(a.player, a.move);
      case "chat":
        return lobby.sendChat(a.player, a.scope, "hello");
      case "rematch":
        return lobby.rematch(a.player);
      case "leave":
        return lobby.leaveRoom(a.player);
      case "party":
        switch (a.op) {
          case "create": {
            const party = await lobby.createParty(a.player);
            codes.push(party.code);
            return party;
          }
          case "join":
            return lobby.joinParty(a.player, a.code);
          case "leave":
            return lobby.leaveParty(a.player);
          case "kick":
            return lobby.kickFromParty(a.player, a.target);
        }
        return;
      case "wait":
        return h.advance(a.ms);
    }
  }
}

/**
 * What a player in a room was shown of it, and what it is (both without chat,
 * which lines travel in states to be appended); equal pairs of nothing for a
 * player in no room.
 */
async function screenOf(h: ReturnType<typeof lobbyHarness>, playerId: string): Promise<[unknown, unknown]> {
  const at = (await h.store.getPlayer(playerId))?.location;
  const room = at?.kind === "seated" || at?.kind === "watching" ? await h.store.getRoom(at.roomId) : undefined;
  if (!room) return [null, null];
  const game = games[room.mode];
  const seat = heldSeat(room, playerId);
  const { chat: _shown, ...shown } = toRoomView(room, game, game.hidesInformation && seat >= 0 ? seat : null);
  const screen = h.effects.screens.get(playerId);
  if (!screen || !("id" in screen)) return [screen ?? "nothing", shown];
  const { chat: _seen, ...seen } = screen;
  return [seen, shown];
}

/**
 * Games that started and that ended in this sequence, as the rooms' players were told; parties that
 * searched, and rooms that seated a party of two or more.
 */
function countGames(sent: readonly Sent[]) {
  const seen = { playing: new Set<string>(), finished: new Set<string>() };
  const searches = new Set<string>();
  const seatedParties = new Set<string>();
  for (const { event, payload } of sent) {
    if (event === "party:state") {
      const party = payload as PartyView;
      if (party.queued) searches.add(`${party.code}@${party.queued.joinedAt}`);
    }
    if (event !== "room:state") continue;
    const room = payload as RoomView;
    if (room.phase === "playing" || room.phase === "finished") seen[room.phase].add(`${room.id}#${room.round}`);
    if (room.seats.some((s) => s.party !== null)) seatedParties.add(room.id);
  }
  figures.gamesStarted += seen.playing.size;
  figures.gamesFinished += seen.finished.size;
  figures.partySearches += searches.size;
  figures.partiesSeated += seatedParties.size;
}

afterAll(() => {
  const refusalShare = figures.steps === 0 ? 0 : Number((figures.refusals / figures.steps).toFixed(3));
  console.info(`property: ${JSON.stringify({ ...figures, refusalShare })}`);
});

/** Sequences per store: Redis answers over a socket, so it gets fewer in the same time. */
const RUNS = { memory: Number(process.env.PROPERTY_RUNS ?? 500), redis: Number(process.env.PROPERTY_RUNS_REDIS ?? 60) };

describe.each(storeKinds())("lobby invariants under random play ($name store)", (kind) => {
  const property = fc.asyncProperty(fc.array(command, { minLength: 20, maxLength: 120 }), async (commands) =>
    runSequence(await kind.create(), commands),
  );

  it("hold after every step of random sequences", async () => {
    // Shrinking a failure on Redis can outlast the test: stop in time to report what was found so far.
    await fc.assert(property, {
      numRuns: RUNS[kind.name],
      interruptAfterTimeLimit: 200_000,
      markInterruptAsFailure: true,
    });
    // Seconds alone; much longer when CI runs every package's checks at once on two cores.
  }, 240_000);

  /*
   * Sequences that once found a bug, replayed so it cannot return: the seed
   * and the path fast-check printed with the failure (the path's first number
   * is the failing run). They replay the same sequence only while the
   * generators in `commands.ts` stay as they are.
   */
  const PINNED_SEEDS: { seed: number; path: string; found: string }[] = [
    { seed: -1085830871, path: "112", found: "a rematch's countdown keeps the last game on show" },
    {
      seed: 1836312197,
      path: "216:2:0:1:3:5:10:10:9:9:10:21:21:28:29:28:30:22:24:22:23:22:22:22:23:23:23:23:10:3:6:6:6:6:6:6:6:6:6:6:6:6:6:6:6:6:6:6:6:6:6:6:6:6:6:6:15:15:15:18:15:20:20:20:20:20:20:20:21",
      found: "a party grown past a team's size joined its quick room by code, and teams split it",
    },
    {
      seed: -63830483,
      path: "154:8:8:10:11:16:21:10:20:9:18:17:21:21:25:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17:17",
      found: "a player watching a game they had left was answered with their old seat's hidden view",
    },
  ];
  for (const { seed, path, found } of PINNED_SEEDS) {
    it(`hold for pinned seed ${seed} (${found})`, async () => {
      // No shrinking: the step and action that broke an invariant are in the message already.
      await fc.assert(property, { seed, path, numRuns: 1, endOnFailure: true });
    });
  }
});
