import { signedOut, type Announcement, type LobbyState, type SessionClosed } from "./lobby-state";

/*
 * What the operators tell a player, as pure transitions: an announcement
 * (shown wherever the player is, until dismissed), and a session an admin
 * ended (kicked or banned: the name screen says why).
 */

/** The latest announcement replaces any earlier one still on screen. */
export function applyAnnouncement(state: LobbyState, announcement: Announcement): LobbyState {
  return { ...state, announcement: { text: announcement.text, at: announcement.at } };
}

export function dismissAnnouncement(state: LobbyState): LobbyState {
  return state.announcement ? { ...state, announcement: null } : state;
}

/** An admin ended the session: signed out, with the server's reason in place of the name form. */
export function applySessionClosed(state: LobbyState, closed: SessionClosed): LobbyState {
  return { ...signedOut(state, null), sessionClosed: closed };
}

/** The player has read why: the name form again. */
export function dismissSessionClosed(state: LobbyState): LobbyState {
  return state.sessionClosed ? { ...state, sessionClosed: null } : state;
}
