import { INVITE_CODE_LENGTH, InviteCode, PartyCode } from "@lobby/contracts";

/*
 * Shareable links without a router: `/r/CODE` (a room) and `/p/CODE` (a
 * party) are the player app's only routes besides `/`; `/admin` is the
 * operators' page, a separate app (main.tsx picks it). The server serves
 * index.html for any path.
 */

const ROOM_PATH = /^\/r\/([^/]+)\/?$/;
const PARTY_PATH = /^\/p\/([^/]+)\/?$/;
const ADMIN_PATH = /^\/admin\/?$/;

/** Whether the page is the operators' `/admin` page rather than the player app. */
export function isAdminPath(pathname: string): boolean {
  return ADMIN_PATH.test(pathname);
}

/** What an invite link leads to. */
export type InviteKind = "room" | "party";

/** The invite code in a `/r/CODE` path (normalised), or null for any other path or a malformed code. */
export function parseRoomPath(pathname: string): string | null {
  return parseCode(ROOM_PATH, pathname, InviteCode);
}

/** The party code in a `/p/CODE` path (normalised), or null for any other path or a malformed code. */
export function parsePartyPath(pathname: string): string | null {
  return parseCode(PARTY_PATH, pathname, PartyCode);
}

/** Whether the path is meant as an invite of `kind`, well-formed or not (to say a broken link is broken). */
export function looksLikeInvite(pathname: string, kind: InviteKind): boolean {
  return pathname.startsWith(kind === "room" ? "/r/" : "/p/");
}

/** Room and party codes share one alphabet and length, but each has its own schema (and words). */
type CodeSchema = typeof InviteCode;

function parseCode(pattern: RegExp, pathname: string, schema: CodeSchema): string | null {
  const match = pattern.exec(pathname);
  if (!match?.[1]) return null;
  let raw: string;
  try {
    raw = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export function roomPath(code: string): string {
  return `/r/${encodeURIComponent(code)}`;
}

export function partyPath(code: string): string {
  return `/p/${encodeURIComponent(code)}`;
}

/** The link to share for a room (or, with `kind` "party", a party), on this page's origin. */
export function inviteLink(origin: string, code: string, kind: InviteKind = "room"): string {
  return `${origin}${kind === "room" ? roomPath(code) : partyPath(code)}`;
}

/**
 * The path the address bar should show: the room we are in, else the room a
 * link is about to join, else the party a link is about to join, else the lobby.
 */
export function desiredPath(
  roomCode: string | null,
  pendingJoin: string | null,
  pendingParty: string | null = null,
): string {
  if (roomCode) return roomPath(roomCode);
  if (pendingJoin) return roomPath(pendingJoin);
  if (pendingParty) return partyPath(pendingParty);
  return "/";
}

/**
 * Accepts a bare code or a pasted invite link (of `kind`), returning the
 * normalised code or why not.
 */
export function readCodeInput(
  raw: string,
  kind: InviteKind = "room",
): { ok: true; code: string } | { ok: false; error: string } {
  const text = raw.trim();
  if (text === "") return { ok: false, error: `Type the ${kind}'s code first.` };
  let candidate = text;
  try {
    // A pasted link: take the code out of its /r/CODE or /p/CODE path.
    const path = new URL(text).pathname;
    const fromLink = kind === "room" ? parseRoomPath(path) : parsePartyPath(path);
    if (fromLink) candidate = fromLink;
  } catch {
    // Not a URL: a typed code.
  }
  const schema: CodeSchema = kind === "room" ? InviteCode : PartyCode;
  const parsed = schema.safeParse(candidate.replace(/[\s-]/g, ""));
  if (!parsed.success) {
    return {
      ok: false,
      error: `A ${kind} code is ${INVITE_CODE_LENGTH} letters and digits, like K7QX3P.`,
    };
  }
  return { ok: true, code: parsed.data };
}
