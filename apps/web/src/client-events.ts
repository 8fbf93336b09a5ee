import { applyChatHistory, applyChatMessage } from "./chat-state";
import type { ConnectionClient, ConnectionStore } from "./connection-api";
import { applyLatency } from "./latency-state";
import { applyKicked, applyQueueStatus, applyRoomState, applyStats } from "./lobby-state";
import { applyAnnouncement } from "./operator-state";
import { applyPartyLeft, applyPartyState } from "./party-state";
import { applyRoomRemove, applyRoomUpsert } from "./room-list";

export const KICKED_MESSAGE = "You were removed from the room by the host.";
export const PARTY_EXPIRED_MESSAGE = "You were away too long, so you're no longer in your party.";

/** What a player removed from their party is told; `leader` names who removed them when known. */
export function partyKickedMessage(leader: string | null): string {
  return `${leader ?? "The party's leader"} removed you from the party.`;
}

/**
 * The pushes that only update the app state: presence, queue, room, room
 * browser, party, chat and the operators' announcements. `live` says
 * whether `c` is still the connection's client (a replaced client's events
 * belong to a dead session). Returns the unsubscribe functions.
 */
export function subscribeRoomEvents(
  c: ConnectionClient,
  live: () => boolean,
  { getState, update, showToast }: ConnectionStore,
): (() => void)[] {
  return [
    c.on("lobby:stats", (stats) => {
      if (live()) update((s) => applyStats(s, stats));
    }),
    c.on("queue:status", (status) => {
      if (live()) update((s) => applyQueueStatus(s, status));
    }),
    c.on("room:state", (view) => {
      if (live()) update((s) => applyRoomState(s, view));
    }),
    c.on("room:kicked", ({ roomId, reason }) => {
      if (!live()) return;
      const { state, wasHere } = applyKicked(getState(), roomId);
      update(() => state);
      // The server says why: the host's kick, a watched room closing, or an admin closing the room. It stays
      // until dismissed: the player is suddenly back in the lobby and must be able to read why.
      if (wasHere) showToast("error", reason || KICKED_MESSAGE, { sticky: true });
    }),
    c.on("room:latency", ({ roomId, rttMs }) => {
      if (!live()) return;
      // Our own figure may not have been reported yet; the client measured it anyway.
      const me = getState().session?.player.id;
      const own = c.rttMs;
      const withMine = me && rttMs[me] === undefined && own !== null ? { ...rttMs, [me]: own } : rttMs;
      update((s) => applyLatency(s, { roomId, rttMs: withMine, at: Date.now() }));
    }),
    c.on("rooms:upsert", (summary) => {
      if (live()) update((s) => applyRoomUpsert(s, summary));
    }),
    c.on("rooms:remove", ({ roomId }) => {
      if (live()) update((s) => applyRoomRemove(s, roomId));
    }),
    c.on("party:state", (view) => {
      if (live()) update((s) => applyPartyState(s, view));
    }),
    c.on("party:left", ({ code, reason }) => {
      if (!live()) return;
      const before = getState().party;
      const { state, wasHere } = applyPartyLeft(getState(), code);
      update(() => state);
      // Our own leaving needs no words; being removed, or dropped for being away, does.
      if (!wasHere || reason === "left") return;
      const leader = before?.members.find((m) => m.player.id === before.leaderId)?.player.name ?? null;
      showToast("info", reason === "kicked" ? partyKickedMessage(leader) : PARTY_EXPIRED_MESSAGE);
    }),
    c.on("chat:message", (message) => {
      if (live()) update((s) => applyChatMessage(s, message));
    }),
    c.on("chat:history", (history) => {
      if (live()) update((s) => applyChatHistory(s, history));
    }),
    c.on("lobby:announcement", (announcement) => {
      if (live()) update((s) => applyAnnouncement(s, announcement));
    }),
  ];
}
