import type { RejoinOffer } from "@lobby/contracts";
import type { LobbyContext } from "./context";
import type { IdentityRecord, PlayerRecord } from "./records";
import type { StoreTx } from "./store";

/** The reads identities need: a transaction's, or the store's own outside one. */
export type IdentityReads = Pick<StoreTx, "getPlayer" | "getRoom" | "getIdentity">;

/*
 * Device identities. A session is one tab's; an identity is the device's
 * (a browser profile), kept in the store across sessions and presented with
 * every handshake. It lists its latest sessions, so a tab opened after
 * another was closed can be offered the game that tab left behind (and take
 * it over by connecting with `rejoin`). A private window has no identity of
 * the profile's, so it is another player.
 */

/** Sessions an identity lists; older ones can no longer be rejoined through it. */
export const IDENTITY_SESSIONS = 4;

/** The identity a connection presented: its id and the token's generation. */
export interface IdentityClaim {
  id: string;
  generation: number;
}

/** Whether a token of `claimed` still stands for a record now at `current`: the current one, or the one before. */
export function generationHolds(current: number, claimed: number): boolean {
  return current === claimed || current === claimed + 1;
}

/** The identity a claim names, if it still stands (not revoked, expired or moved on). */
export async function claimedIdentity(
  reads: IdentityReads,
  now: number,
  claim: IdentityClaim | null | undefined,
): Promise<IdentityRecord | undefined> {
  if (!claim) return undefined;
  const identity = await reads.getIdentity(claim.id);
  if (!identity || identity.expiresAt <= now || !generationHolds(identity.generation, claim.generation)) {
    return undefined;
  }
  return identity;
}

/**
 * A connection of `session` under `identity` (or a new identity when it has
 * none that stands): move the identity to its next generation, list the
 * session, extend its life, and save it. Also resolves with what another of
 * its sessions left behind while away, for a new session to offer.
 */
export async function connectIdentity(
  ctx: LobbyContext,
  identity: IdentityRecord | undefined,
  session: PlayerRecord,
): Promise<{ identity: IdentityRecord; rejoin: RejoinOffer | null }> {
  const others: PlayerRecord[] = [];
  for (const id of identity?.sessions ?? []) {
    if (id === session.id) continue;
    const player = await ctx.store.getPlayer(id);
    // A session that ended, or was never this identity's, is not listed any more.
    if (player?.identityId === identity?.id && player) others.push(player);
  }
  const next: IdentityRecord = {
    ...identity,
    id: identity?.id ?? session.identityId,
    generation: (identity?.generation ?? 0) + 1,
    sessions: [...others.map((p) => p.id), session.id].slice(-IDENTITY_SESSIONS),
    expiresAt: ctx.now() + ctx.deps.settings.identityTtlMs,
  };
  await ctx.store.putIdentity(next, ctx.deps.settings.identityTtlMs);
  let rejoin: RejoinOffer | null = null;
  for (const player of others.reverse()) {
    rejoin = await offerOf(ctx.store, ctx.now(), player);
    if (rejoin) break;
  }
  return { identity: next, rejoin };
}

/** The newest session of the identity that is away holding a seat or a queue place: the one `rejoin` takes over. */
export async function rejoinable(
  reads: IdentityReads,
  now: number,
  identity: IdentityRecord,
): Promise<PlayerRecord | undefined> {
  for (const id of [...identity.sessions].reverse()) {
    const player = await reads.getPlayer(id);
    if (player?.identityId === identity.id && (await offerOf(reads, now, player))) return player;
  }
  return undefined;
}

/** What an away session holds that is worth coming back for: a seat or a queue place (not a watch). */
async function offerOf(reads: IdentityReads, now: number, player: PlayerRecord): Promise<RejoinOffer | null> {
  if (player.connectionId !== null || player.awayUntil === null || player.awayUntil <= now) return null;
  const { location } = player;
  if (location.kind === "queued") {
    return { mode: location.mode, phase: "queued", with: [], awayUntil: player.awayUntil };
  }
  if (location.kind !== "seated") return null;
  const room = await reads.getRoom(location.roomId);
  if (!room) return null;
  const seat = room.seats.find((s) => s.playerId === player.id);
  // A seat given up, or a game already decided without them, is nothing to come back to.
  if (!seat || seat.status === "left" || room.phase === "finished") return null;
  return {
    mode: room.mode,
    phase: room.phase,
    with: room.seats.filter((s) => s.playerId !== player.id).map((s) => s.name),
    awayUntil: player.awayUntil,
  };
}
