import type { ChatMessage, ChatScope } from "@lobby/contracts";
import type { LobbyState } from "./lobby-state";

/*
 * Chat transitions: the lobby's messages, the current room's and the party's,
 * each merged by id (a history can overlap messages already received) and
 * capped.
 */

export const MAX_CHAT_MESSAGES = 200;

export interface ChatHistory {
  scope: ChatScope;
  roomId: string | null;
  messages: readonly ChatMessage[];
}

/** Merge `incoming` into `current`: no duplicate ids, oldest first, newest kept. */
export function mergeMessages(
  current: readonly ChatMessage[],
  incoming: readonly ChatMessage[],
): readonly ChatMessage[] {
  if (incoming.length === 0) return current;
  const byId = new Map<string, ChatMessage>();
  for (const message of current) byId.set(message.id, message);
  for (const message of incoming) byId.set(message.id, message);
  const merged = [...byId.values()];
  // Stable sort: equal timestamps keep arrival order.
  merged.sort((a, b) => a.at - b.at);
  return merged.slice(-MAX_CHAT_MESSAGES);
}

export function applyChatMessage(state: LobbyState, message: ChatMessage): LobbyState {
  switch (message.scope) {
    case "lobby":
      return { ...state, lobbyChat: mergeMessages(state.lobbyChat, [message]) };
    case "room":
      return addRoomMessages(state, message.roomId, [message]);
    case "party":
      return addPartyMessages(state, message.roomId, [message]);
  }
}

export function applyChatHistory(state: LobbyState, history: ChatHistory): LobbyState {
  switch (history.scope) {
    case "lobby":
      return { ...state, lobbyChat: mergeMessages([], history.messages) };
    case "room":
      return addRoomMessages(state, history.roomId, history.messages);
    case "party":
      // What was said before we joined (or came back) is there to read, not news.
      return addPartyMessages(state, history.roomId, history.messages, true);
  }
}

function addRoomMessages(state: LobbyState, roomId: string | null, messages: readonly ChatMessage[]): LobbyState {
  if (roomId === null) return state;
  // A straggler from a room we have since left must not replace the current room's chat.
  // (With no room on screen yet, keep it: the history may arrive just before the room.)
  if (state.room && state.room.id !== roomId) return state;
  const current = state.roomChat?.roomId === roomId ? state.roomChat.messages : [];
  return { ...state, roomChat: { roomId, messages: mergeMessages(current, messages) } };
}

function addPartyMessages(
  state: LobbyState,
  code: string | null,
  messages: readonly ChatMessage[],
  seen = false,
): LobbyState {
  if (code === null) return state;
  // Lines of a party we left, or of another party than ours, are not ours to show.
  if (state.leftParties[code] !== undefined || (state.party && state.party.code !== code)) return state;
  const current = state.partyChat?.code === code ? state.partyChat : { code, messages: [], seenAt: 0 };
  const newest = messages.reduce((at, message) => Math.max(at, message.at), current.seenAt);
  return {
    ...state,
    partyChat: { code, messages: mergeMessages(current.messages, messages), seenAt: seen ? newest : current.seenAt },
  };
}

/** The messages of our party's chat. */
export function partyMessages(state: LobbyState): readonly ChatMessage[] {
  return state.party && state.partyChat?.code === state.party.code ? state.partyChat.messages : NONE;
}

/** The messages to show for the room on screen. */
export function roomMessages(state: LobbyState): readonly ChatMessage[] {
  return state.room && state.roomChat?.roomId === state.room.id ? state.roomChat.messages : NONE;
}

const NONE: readonly ChatMessage[] = [];
