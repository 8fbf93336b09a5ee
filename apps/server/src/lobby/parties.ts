import {
  ErrorCode,
  PARTY_MAX_SIZE,
  type ChatMessage,
  type PartyLeftReason,
  type PartyMemberStatus,
  type PartyView,
} from "@lobby/contracts";
import { channels } from "./channels";
import type { LobbyContext } from "./context";
import { randomInviteCode } from "./invite-code";
import { LobbyError } from "./lobby-error";
import type { PartyRecord, PlayerRecord } from "./records";
import type { StoreTx } from "./store";

/*
 * Parties: friends who queue together. A player starts one and shares its
 * code; members join with it. The leader queues the whole party as one
 * entry (see `matchmaker.queueParty`), and quick match seats its members
 * together, on one team in a team game. A party is not a place: its members
 * are in the lobby, the queue or rooms like anyone else, and the party
 * lasts across games, so playing again keeps it. A member who leaves — or
 * whose session ends, a dropped connection's grace period having run out —
 * takes the party out of the queue. Its members hear every change as
 * `party:state` (pushed once per operation, see `LobbyContext.touchParty`).
 */

const PARTY_CHAT_HISTORY = 50;
const MAX_CODE_ATTEMPTS = 32;

/**
 * The party the player is in: the one their session names, if it still lists
 * them (a party's record may be gone: in Redis it expires a day after its
 * last change, and a session must not stay shut out of parties for that).
 */
export async function partyOf(ctx: LobbyContext, player: PlayerRecord): Promise<PartyRecord | undefined> {
  const party = player.partyId ? await ctx.store.getParty(player.partyId) : undefined;
  return party?.members.some((m) => m.playerId === player.id) ? party : undefined;
}

export async function createParty(ctx: LobbyContext, playerId: string): Promise<PartyView> {
  const player = await ctx.requirePlayer(playerId);
  if (await partyOf(ctx, player)) throw new LobbyError(ErrorCode.AlreadyInParty, "You are already in a party.");
  assertNotSearching(player);
  const party: PartyRecord = {
    id: await unusedCode(ctx),
    leaderId: player.id,
    members: [{ playerId: player.id, name: player.name, joinedAt: ctx.now() }],
    createdAt: ctx.now(),
    version: 0,
    queued: null,
    chat: [],
  };
  await ctx.store.putParty(party);
  await enter(ctx, player, party);
  return partyView(ctx.store, party);
}

export async function joinParty(ctx: LobbyContext, playerId: string, code: string): Promise<PartyView> {
  const player = await ctx.requirePlayer(playerId);
  const current = await partyOf(ctx, player);
  if (current?.id === code) throw new LobbyError(ErrorCode.AlreadyInParty, "You are already in that party.");
  if (current) throw new LobbyError(ErrorCode.AlreadyInParty, "Leave your party before you join another.");
  assertNotSearching(player);
  let party = await ctx.store.getParty(code);
  if (!party) throw new LobbyError(ErrorCode.PartyNotFound, `No party has the code ${code}.`);
  if (party.members.length >= PARTY_MAX_SIZE) {
    throw new LobbyError(ErrorCode.PartyFull, `That party already has ${PARTY_MAX_SIZE} players.`);
  }
  const searching = party.queued !== null;
  party = await stopSearch(ctx, party, null);
  party = {
    ...party,
    version: party.version + 1,
    members: [...party.members, { playerId: player.id, name: player.name, joinedAt: ctx.now() }],
  };
  party = say(ctx, party, `${player.name} joined the party.${searching ? " The search stopped: queue again." : ""}`);
  await ctx.store.putParty(party);
  await enter(ctx, player, party);
  return partyView(ctx.store, party);
}

export async function leaveParty(ctx: LobbyContext, playerId: string): Promise<null> {
  const player = await ctx.requirePlayer(playerId);
  const party = await partyOf(ctx, player);
  if (!party) throw new LobbyError(ErrorCode.NotInParty, "You are not in a party.");
  await removeMember(ctx, party, player, "left");
  return null;
}

export async function kickFromParty(ctx: LobbyContext, leaderId: string, targetId: string): Promise<null> {
  const leader = await ctx.requirePlayer(leaderId);
  const party = await partyOf(ctx, leader);
  if (!party) throw new LobbyError(ErrorCode.NotInParty, "You are not in a party.");
  if (party.leaderId !== leaderId)
    throw new LobbyError(ErrorCode.NotPartyLeader, "Only the party's leader can do that.");
  const target = targetId === leaderId ? undefined : await ctx.store.getPlayer(targetId);
  if (!target || !party.members.some((m) => m.playerId === targetId)) {
    throw new LobbyError(ErrorCode.NotInParty, "That player is not in your party.");
  }
  await removeMember(ctx, party, target, "kicked");
  return null;
}

/**
 * Take a player out of their party: it stops searching, the longest-standing
 * member leads if the leader went, and the last member's going ends it.
 * `expired`: their session is ending, so their record is left as it is (it
 * is about to be deleted).
 */
export async function removeMember(
  ctx: LobbyContext,
  party: PartyRecord,
  player: PlayerRecord,
  reason: PartyLeftReason,
): Promise<void> {
  let next = await stopSearch(ctx, party, reason === "expired" ? null : player.id);
  const members = next.members.filter((m) => m.playerId !== player.id);
  if (members.length === 0) {
    await ctx.store.deleteParty(party.id);
  } else {
    const leaderId = members.some((m) => m.playerId === next.leaderId) ? next.leaderId : members[0]!.playerId;
    next = { ...next, members, leaderId, version: next.version + 1 };
    const gone = { left: "left the party", kicked: "was removed by the leader", expired: "did not come back" }[reason];
    next = say(ctx, next, `${player.name} ${gone}.`);
    if (leaderId !== party.leaderId) next = say(ctx, next, `${members[0]!.name} now leads the party.`);
    await ctx.store.putParty(next);
    ctx.touchParty(party.id);
  }
  if (reason !== "expired") {
    const current = (await ctx.store.getPlayer(player.id)) ?? player;
    const { partyId: _left, ...rest } = current;
    await ctx.savePlayer(rest);
  }
  ctx.effects.leave(player.id, channels.party(party.id));
  ctx.effects.toPlayer(player.id, "party:left", { code: party.id, reason });
}

/**
 * Take a searching party out of the queue: every member goes back to the
 * lobby and is told (`queue:status`), except `requester`, who hears it in
 * the answer to their request.
 */
export async function stopSearch(
  ctx: LobbyContext,
  party: PartyRecord,
  requester: string | null,
): Promise<PartyRecord> {
  if (!party.queued) return party;
  await ctx.store.dequeue(party.queued.mode, party.queued.entry);
  for (const member of party.members) {
    const player = await ctx.store.getPlayer(member.playerId);
    if (player?.location.kind !== "queued" || player.location.party !== party.id) continue;
    await ctx.moveTo(player, { kind: "idle" });
    if (player.id !== requester) ctx.effects.toPlayer(player.id, "queue:status", { state: "idle" });
  }
  const next = { ...party, queued: null, version: party.version + 1 };
  await ctx.store.putParty(next);
  ctx.touchParty(party.id);
  return next;
}

/** Party chat: to every member, wherever they are (the budget is already spent). */
export async function sendPartyChat(ctx: LobbyContext, player: PlayerRecord, text: string): Promise<ChatMessage> {
  const party = await partyOf(ctx, player);
  if (!party) throw new LobbyError(ErrorCode.NotInParty, "You are not in a party.");
  const next = appendChat(ctx, party, { kind: "user", from: { id: player.id, name: player.name }, text }, player.id);
  await ctx.store.putParty(next);
  return next.chat[next.chat.length - 1]!;
}

/** Resume: the party's channel again for the new connection, its state and its chat. */
export async function resyncParty(ctx: LobbyContext, player: PlayerRecord): Promise<void> {
  const party = await partyOf(ctx, player);
  if (!party) return;
  ctx.effects.join(player.id, channels.party(party.id));
  ctx.effects.toPlayer(player.id, "party:state", await partyView(ctx.store, party));
  sendPartyHistory(ctx, player.id, party);
}

/** The party as its members see it: who is in it and where each is now. */
export async function partyView(reads: Pick<StoreTx, "getPlayer">, party: PartyRecord): Promise<PartyView> {
  const players = await Promise.all(party.members.map((m) => reads.getPlayer(m.playerId)));
  return {
    code: party.id,
    leaderId: party.leaderId,
    members: party.members.map((m, i) => ({
      player: { id: m.playerId, name: m.name },
      status: statusOf(players[i]),
    })),
    queued: party.queued && { mode: party.queued.mode, joinedAt: party.queued.joinedAt },
    version: party.version,
  };
}

function statusOf(player: PlayerRecord | undefined): PartyMemberStatus {
  if (!player || player.awayUntil !== null) return "away";
  const kinds = { idle: "lobby", queued: "queued", seated: "playing", watching: "watching" } as const;
  return kinds[player.location.kind];
}

/** A new member (or the founder): on the player's record, in the channel, and told what was said. */
async function enter(ctx: LobbyContext, player: PlayerRecord, party: PartyRecord): Promise<void> {
  await ctx.savePlayer({ ...player, partyId: party.id });
  ctx.effects.join(player.id, channels.party(party.id));
  sendPartyHistory(ctx, player.id, party);
  ctx.touchParty(party.id);
}

/**
 * What was said in the party, lines of this operation included: the player
 * joins the channel after those lines were sent to it (effects run in order).
 */
function sendPartyHistory(ctx: LobbyContext, playerId: string, party: PartyRecord): void {
  if (party.chat.length === 0) return;
  ctx.effects.toPlayer(playerId, "chat:history", { scope: "party", roomId: party.id, messages: party.chat });
}

function assertNotSearching(player: PlayerRecord): void {
  if (player.location.kind === "queued") {
    throw new LobbyError(ErrorCode.AlreadyQueued, "Stop searching for a match first.");
  }
}

function say(ctx: LobbyContext, party: PartyRecord, text: string): PartyRecord {
  return appendChat(ctx, party, { kind: "system", from: null, text });
}

/** Add a line to the party's chat and send it to the members (but `sender`, whose answer carries it). */
function appendChat(
  ctx: LobbyContext,
  party: PartyRecord,
  message: Pick<ChatMessage, "kind" | "from" | "text">,
  sender?: string,
): PartyRecord {
  const at = Math.max(ctx.now(), (party.chat[party.chat.length - 1]?.at ?? 0) + 1);
  const { kind, from, text } = message;
  const full: ChatMessage = { kind, from, text, id: ctx.id(), scope: "party", roomId: party.id, at };
  ctx.effects.toChannel(channels.party(party.id), "chat:message", full, sender);
  return { ...party, chat: [...party.chat, full].slice(-PARTY_CHAT_HISTORY) };
}

async function unusedCode(ctx: LobbyContext): Promise<string> {
  for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt++) {
    const code = randomInviteCode(ctx.deps.random);
    if (!(await ctx.store.getParty(code))) return code;
  }
  throw new LobbyError(ErrorCode.Internal, "Could not allocate a party code.");
}
