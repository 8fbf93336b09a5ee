import { createLobbyClient, type LobbyClient, type RequestResult } from "@lobby/client";
import { RoomView, type MatchResult } from "@lobby/contracts";

/*
 * A game maker's own client, written against the published packages only: two players quick-match into
 * Connect Four and play it to the end, seat 0 dropping discs in column 0 and seat 1 in column 1, so seat 0
 * wins with four in a column on the seventh move.
 */

export interface Outcome {
  result: MatchResult;
  moves: number;
  /** What each player saw: the seats' names, in seat order. */
  seats: string[][];
}

function ok<T>(answer: RequestResult<T>, what: string): T {
  if (!answer.ok) throw new Error(`${what}: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
}

/** Play this client's seat until the game ends; resolves with the last room state. */
function playSeat(client: LobbyClient): Promise<RoomView> {
  return new Promise((resolve, reject) => {
    let sent = -1;
    const stop = client.on("room:state", (payload) => {
      const room = RoomView.parse(payload);
      const me = client.session?.player.id;
      const seat = room.seats.findIndex((s) => s.player.id === me);
      if (room.phase === "finished") {
        stop();
        resolve(room);
        return;
      }
      const game = room.game;
      if (room.phase !== "playing" || game?.mode !== "connect-four" || game.turn !== seat || game.moves === sent)
        return;
      sent = game.moves;
      client.move({ mode: "connect-four", column: seat }).then(
        (answer) => ok(answer, "move"),
        (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
      );
    });
  });
}

export async function playQuickMatch(url: string): Promise<Outcome> {
  const players = ["Ada", "Grace"].map((name) => createLobbyClient({ url, name, pingIntervalMs: 0 }));
  try {
    const sessions = await Promise.all(players.map((client) => client.connect()));
    const modes = sessions[0]?.modes.map((mode) => mode.id) ?? [];
    if (!modes.includes("connect-four")) throw new Error(`no connect-four among ${modes.join(", ")}`);
    const finished = players.map(playSeat);
    for (const client of players) ok(await client.quickMatch("connect-four"), "quick match");
    const rooms = await Promise.all(finished);
    const last = rooms[0];
    if (!last?.result || last.game?.mode !== "connect-four") throw new Error("the game ended without a result");
    return {
      result: last.result,
      moves: last.game.moves,
      seats: rooms.map((room) => room.seats.map((seat) => seat.player.name)),
    };
  } finally {
    for (const client of players) client.disconnect();
  }
}
