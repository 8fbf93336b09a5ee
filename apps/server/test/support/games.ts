import type { LobbyClient } from "@lobby/client";
import type { RoomPhase, RoomView } from "@lobby/contracts";
import { data } from "./results";
import { nextEvent } from "./test-server";

/*
 * Getting two players into a Connect Four game, the two ways a game starts:
 * quick match, and a custom room its host starts.
 */

const CF = "connect-four" as const;
type Player = { client: LobbyClient };

/** `first` and `second` quick-match into Connect Four, in that order (`first` holds seat 0 and moves first). */
export async function quickMatchedGame(first: Player, second: Player): Promise<RoomView> {
  const playing = nextEvent(second.client, "room:state", (r) => r.phase === "playing");
  data(await first.client.quickMatch(CF));
  data(await second.client.quickMatch(CF));
  return playing;
}

/**
 * `host`'s private Connect Four room, joined by `guest`; both ready and the
 * host starts. Resolves once the room reaches `until` (by default, its game).
 */
export async function customGame(
  host: Player,
  guest: Player,
  { rated = false, until = "playing" }: { rated?: boolean; until?: RoomPhase } = {},
): Promise<RoomView> {
  const room = data(await host.client.createRoom(CF, { maxPlayers: 2, visibility: "private", rated }));
  data(await guest.client.joinRoom(room.code));
  const reached = nextEvent(host.client, "room:state", (r) => r.phase === until);
  data(await host.client.setReady(true));
  data(await guest.client.setReady(true));
  data(await host.client.startGame());
  return reached;
}
