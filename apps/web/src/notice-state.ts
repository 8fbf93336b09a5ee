import type { LobbyState } from "./lobby-state";

/*
 * Notices: news the player must read before going on, shown in the page
 * (the lobby, or the name screen for a broken link) until dismissed, rather
 * than as a toast that fades while they look elsewhere.
 */

/**
 * - `server-restarted`: the server lost its memory while we were away; our game or room went with it.
 * - `seat-lost`: we were away longer than the server waits, and our seat was given up.
 * - `link`: the /r/CODE or /p/CODE link the page was opened with leads nowhere.
 */
export type NoticeKind = "server-restarted" | "seat-lost" | "link";

export interface Notice {
  kind: NoticeKind;
  title: string;
  message: string;
}

/** A newer notice replaces the one on screen: the latest news is what the player needs. */
export function showNotice(state: LobbyState, notice: Notice): LobbyState {
  return { ...state, notice };
}

export function dismissNotice(state: LobbyState): LobbyState {
  return state.notice ? { ...state, notice: null } : state;
}

/** What a room link (`/r/CODE`) that could not be followed says. */
export function roomLinkNotice(code: string | null, reason: string): Notice {
  return {
    kind: "link",
    title: code ? `Couldn't join room ${code}` : "That link doesn't work",
    message: reason,
  };
}

/** What a party link (`/p/CODE`) that could not be read says. */
export function partyLinkNotice(reason: string): Notice {
  return { kind: "link", title: "That party link doesn't work", message: reason };
}
