import type { ChatMessage, RoomView } from "@lobby/contracts";

/*
 * Names are not unique: two players called Alex may share a room. Wherever
 * the room shows a name (roster, chat, board, result), the second Alex reads
 * "Alex (2)", the third "Alex (3)", so everyone can tell them apart.
 */

interface Named {
  id: string;
  name: string;
}

/** Player id → the label to show, for the players whose name is shared; everyone else keeps their own name. */
export type NameLabels = ReadonlyMap<string, string>;

export const NO_LABELS: NameLabels = new Map();

/**
 * Labels for `players` in the order given (earlier players keep their name):
 * a repeated name gets the lowest " (n)", n ≥ 2, that is nobody's name.
 */
export function distinctNames(players: readonly Named[]): NameLabels {
  const taken = new Set(players.map((player) => player.name));
  const seen = new Map<string, string>();
  const firstWith = new Set<string>();
  const labels = new Map<string, string>();
  for (const player of players) {
    if (seen.has(player.id)) continue;
    if (!firstWith.has(player.name)) {
      firstWith.add(player.name);
      seen.set(player.id, player.name);
      continue;
    }
    let n = 2;
    while (taken.has(`${player.name} (${n})`)) n++;
    const label = `${player.name} (${n})`;
    taken.add(label);
    seen.set(player.id, label);
    labels.set(player.id, label);
  }
  return labels;
}

/**
 * The labels of a room: its seats in seat order (the order they joined), then
 * anyone else heard in its chat (a player who has since left). Seats come
 * first, so a seat's label does not depend on the chat.
 */
export function roomNameLabels(room: RoomView | null, chat: readonly ChatMessage[]): NameLabels {
  if (!room) return NO_LABELS;
  const players: Named[] = room.seats.map((seat) => seat.player);
  for (const message of chat) if (message.from) players.push(message.from);
  return distinctNames(players);
}

/** The name to show for `player`. */
export function labelOf(labels: NameLabels, player: Named): string {
  return labels.get(player.id) ?? player.name;
}
