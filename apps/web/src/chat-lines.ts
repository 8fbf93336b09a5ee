import type { ChatMessage } from "@lobby/contracts";

/*
 * How a chat log is laid out: the players' lines one by one, and the room's
 * own news (joins, leaves, results) in runs. A long run of news would push
 * the conversation out of sight, so it folds to its newest line.
 */

/** A run this long or longer folds to its newest line, with the others behind a toggle. */
export const FOLD_FROM = 3;

export type ChatItem =
  | { kind: "message"; message: ChatMessage }
  /** Consecutive system lines, oldest first; `id` is the first line's, stable as the run grows. */
  | { kind: "news"; id: string; messages: readonly ChatMessage[] };

export function chatItems(messages: readonly ChatMessage[]): ChatItem[] {
  const items: ChatItem[] = [];
  for (const message of messages) {
    const last = items.at(-1);
    if (message.kind !== "system") items.push({ kind: "message", message });
    else if (last?.kind === "news") items[items.length - 1] = { ...last, messages: [...last.messages, message] };
    else items.push({ kind: "news", id: message.id, messages: [message] });
  }
  return items;
}
