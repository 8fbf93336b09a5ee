import { INVITE_CODE_LENGTH, InviteCode } from "@lobby/contracts";

/*
 * Shareable room links without a router: `/r/CODE` is the only route besides
 * `/`. The server serves index.html for any path.
 */

const ROOM_PATH = /^\/r\/([^/]+)\/?$/;

/** The invite code in a `/r/CODE` path (normalised), or null for any other path or a malformed code. */
export function parseRoomPath(pathname: string): string | null {
  const match = ROOM_PATH.exec(pathname);
  if (!match?.[1]) return null;
  let raw: string;
  try {
    raw = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  const parsed = InviteCode.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export function roomPath(code: string): string {
  return `/r/${encodeURIComponent(code)}`;
}

/** The link to share for a room, on this page's origin. */
export function inviteLink(origin: string, code: string): string {
  return `${origin}${roomPath(code)}`;
}

/**
 * The path the address bar should show: the room we are in, else the room a
 * link is about to join, else the lobby.
 */
export function desiredPath(roomCode: string | null, pendingJoin: string | null): string {
  if (roomCode) return roomPath(roomCode);
  if (pendingJoin) return roomPath(pendingJoin);
  return "/";
}

/** Accepts a bare code or a pasted invite link, returning the normalised code or why not. */
export function readCodeInput(raw: string): { ok: true; code: string } | { ok: false; error: string } {
  const text = raw.trim();
  if (text === "") return { ok: false, error: "Type the room's code first." };
  let candidate = text;
  try {
    // A pasted link: take the code out of its /r/CODE path.
    const fromLink = parseRoomPath(new URL(text).pathname);
    if (fromLink) candidate = fromLink;
  } catch {
    // Not a URL: a typed code.
  }
  const parsed = InviteCode.safeParse(candidate.replace(/[\s-]/g, ""));
  if (!parsed.success) {
    return {
      ok: false,
      error: `A room code is ${INVITE_CODE_LENGTH} letters and digits, like K7QX3P.`,
    };
  }
  return { ok: true, code: parsed.data };
}
