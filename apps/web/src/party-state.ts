import type { ModeInfo, PartyMemberStatus, PartyView } from "@lobby/contracts";
import { maxPartySize } from "@lobby/contracts";
import type { LobbyState } from "./lobby-state";

/*
 * Party transitions: the party as the server last pushed it (newest version
 * wins, a party we left stays left), the /p/CODE link waiting for a sign-in,
 * and what the party means for quick match. Party chat is merged in
 * chat-state.ts.
 */

/** `party:state`, or the party from a create/join ack. */
export function applyPartyState(state: LobbyState, view: PartyView): LobbyState {
  if (!state.session) return state;
  const leftAt = state.leftParties[view.code];
  if (leftAt !== undefined && view.version <= leftAt) return state;
  if (state.party?.code === view.code && view.version < state.party.version) return state;
  const { [view.code]: _rejoined, ...leftParties } = state.leftParties;
  // Chat that arrived for this party is kept; another party's is not ours any more.
  const partyChat = state.partyChat?.code === view.code ? state.partyChat : null;
  return { ...state, party: view, leftParties, partyChat };
}

/**
 * We are out of the party `code` (`party:left`, or our own leave answered):
 * it and its chat go, and a late push for it cannot bring it back. `wasHere`
 * says whether it was the party on screen.
 */
export function applyPartyLeft(state: LobbyState, code: string): { state: LobbyState; wasHere: boolean } {
  const wasHere = state.party?.code === code;
  const lastSeen = wasHere && state.party ? state.party.version : (state.leftParties[code] ?? -1);
  const leftParties = { ...state.leftParties, [code]: lastSeen };
  if (!wasHere) return { state: { ...state, leftParties }, wasHere };
  return { state: { ...state, party: null, partyChat: null, leftParties }, wasHere };
}

export function setPendingParty(state: LobbyState, code: string | null): LobbyState {
  return state.pendingParty === code ? state : { ...state, pendingParty: code };
}

/** The party's chat tab is open: everything in it has been seen. */
export function markPartyChatSeen(state: LobbyState): LobbyState {
  const chat = state.partyChat;
  const newest = chat?.messages.at(-1)?.at;
  if (!chat || newest === undefined || newest <= chat.seenAt) return state;
  return { ...state, partyChat: { ...chat, seenAt: newest } };
}

/** Party lines not yet seen, other than our own. */
export function unreadPartyLines(state: LobbyState): number {
  const chat = state.partyChat;
  if (!chat || state.party?.code !== chat.code) return 0;
  const me = state.session?.player.id;
  return chat.messages.filter((m) => m.at > chat.seenAt && m.from?.id !== me).length;
}

/** Our own place in the party: whether we lead it, and its size. Null when we are in none. */
export interface PartyRole {
  leader: boolean;
  leaderName: string;
  size: number;
}

export function partyRole(party: PartyView | null, myId: string): PartyRole | null {
  if (!party) return null;
  const leader = party.members.find((m) => m.player.id === party.leaderId);
  return {
    leader: party.leaderId === myId,
    leaderName: leader?.player.name ?? "Your leader",
    size: party.members.length,
  };
}

/**
 * Why this player cannot start a quick match of `mode`, in plain words, or
 * null when they can: a party member waits for the leader; a party larger
 * than the mode takes (`maxPartySize`) cannot queue for it at all.
 */
export function quickMatchBlock(
  role: PartyRole | null,
  mode: Pick<ModeInfo, "name" | "quickMatchPlayers" | "teams">,
): string | null {
  if (!role) return null;
  const limit = maxPartySize(mode);
  if (role.size > limit) {
    return limit === 1
      ? "One against one: no parties. Play your friend in a private room."
      : `Takes parties of up to ${limit}; yours has ${role.size}.`;
  }
  if (!role.leader) return `${role.leaderName} leads your party and starts the search.`;
  return null;
}

/** Where a party member is, as the party panel says it. */
export const MEMBER_STATUS_TEXT = {
  lobby: "In the lobby",
  queued: "Searching",
  playing: "Playing",
  watching: "Watching",
  away: "Away",
} as const satisfies Record<PartyMemberStatus, string>;
