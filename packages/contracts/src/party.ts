import { z } from "zod";
import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH } from "./room";
import { ModeId, type ModeInfo } from "./modes";
import { PublicPlayer } from "./player";

/** The most players one party holds; each mode may queue fewer (`maxPartySize`). */
export const PARTY_MAX_SIZE = 4;

/**
 * The most of a party a mode's quick match takes: a team game, one team; any other game, half its quick-match
 * room (so a room is never mostly one party, and a one-against-one game takes no party at all).
 */
export function maxPartySize(mode: Pick<ModeInfo, "quickMatchPlayers" | "teams">): number {
  const size = mode.teams ? Math.floor(mode.quickMatchPlayers / mode.teams) : Math.floor(mode.quickMatchPlayers / 2);
  return Math.max(1, Math.min(PARTY_MAX_SIZE, size));
}

/** A party's invite code (also its id), shared as a /p/CODE link: the room codes' alphabet and length. */
export const PartyCode = z
  .string()
  .trim()
  .toUpperCase()
  .length(INVITE_CODE_LENGTH, `A party code has ${INVITE_CODE_LENGTH} characters`)
  .regex(new RegExp(`^[${INVITE_CODE_ALPHABET}]+$`), "That is not a valid party code");
export type PartyCode = z.output<typeof PartyCode>;

/**
 * Where a party member is: in the lobby, searching with the party, playing (or seated before a start),
 * watching a game, or away (their connection dropped; they keep their place for the reconnect grace period).
 */
export const PartyMemberStatus = z.enum(["lobby", "queued", "playing", "watching", "away"]);
export type PartyMemberStatus = z.infer<typeof PartyMemberStatus>;

export const PartyMember = z.object({
  player: PublicPlayer,
  status: PartyMemberStatus,
});
export type PartyMember = z.infer<typeof PartyMember>;

/** A party as its members see it; pushed to them (`party:state`) on every change. */
export const PartyView = z.object({
  /** Also the code friends join with. */
  code: PartyCode,
  leaderId: z.string(),
  /** Members in the order they joined, the leader among them. */
  members: z.array(PartyMember).min(1).max(PARTY_MAX_SIZE),
  /** While the party searches for a match: the mode, and since when (server time, ms). */
  queued: z.object({ mode: ModeId, joinedAt: z.number() }).nullable(),
  /** Increments with every change; clients ignore older versions. */
  version: z.int().min(0),
});
export type PartyView = z.infer<typeof PartyView>;

/** Why a player is no longer in a party (`party:left`). */
export const PartyLeftReason = z.enum(["left", "kicked", "expired"]);
export type PartyLeftReason = z.infer<typeof PartyLeftReason>;
