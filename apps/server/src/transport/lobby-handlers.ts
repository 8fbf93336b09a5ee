import { ErrorCode } from "@lobby/contracts";
import type { Lobby } from "../lobby/lobby";
import { LobbyError } from "../lobby/lobby-error";
import { busyError } from "../lobby/operations";
import type { AddressBudgets } from "./address-budgets";
import type { Handlers } from "./handle-event";

/**
 * Thin handlers: each parsed payload goes straight to the lobby core, which
 * settles the ack as its operation commits. Per-address budgets are spent
 * here, before the core runs and outside its transaction (which may run
 * again), so a new identity from the same address gets no fresh budget.
 * Made once for the namespace: the connection a request came on is an
 * argument (`who`), so no connection holds a closure per event.
 */
export function lobbyHandlers(lobby: Lobby, budgets: AddressBudgets): Handlers {
  const spend = async (addressKey: string, kind: "room" | "lobbyChat", code: ErrorCode, message: string) => {
    // What a busy lobby refuses anyway spends nothing, and waits for no look-up (the store may be what stalls).
    if (lobby.busy) throw busyError();
    if (!(await budgets.take(kind, addressKey))) throw new LobbyError(code, message);
  };
  /**
   * A code is a guess until it leads to a room or a party: spend one, and give it back when it was found.
   * Room and party codes share the budget, so guessing one kind is no way round the other's.
   */
  const byCode = async <T>(addressKey: string, attempt: () => Promise<T>): Promise<T> => {
    if (!(await budgets.take("codeMiss", addressKey))) {
      throw new LobbyError(ErrorCode.TooManyGuesses, "Too many wrong codes from your address — wait a minute.");
    }
    let found = true;
    try {
      return await attempt();
    } catch (error) {
      const missed =
        error instanceof LobbyError &&
        (error.code === ErrorCode.RoomNotFound || error.code === ErrorCode.PartyNotFound);
      found = !missed;
      throw error;
    } finally {
      if (found) void budgets.refund("codeMiss", addressKey);
    }
  };

  return {
    "queue:join": ({ mode }, settle, { playerId }) => lobby.joinQueue(playerId, mode, settle),
    "queue:leave": (_, settle, { playerId }) => lobby.leaveQueue(playerId, settle),
    "room:create": async ({ mode, ...settings }, settle, { playerId, addressKey }) => {
      const why = "Too many rooms created from your address — wait a minute.";
      await spend(addressKey, "room", ErrorCode.TooManyRooms, why);
      return lobby.createRoom(playerId, mode, settings, settle);
    },
    "room:join": ({ code }, settle, { playerId, addressKey }) =>
      byCode(addressKey, () => lobby.joinRoom(playerId, code, settle)),
    "room:watch": ({ code }, settle, { playerId, addressKey }) =>
      byCode(addressKey, () => lobby.watchRoom(playerId, code, settle)),
    "room:sync": ({ roomId }, settle, { playerId }) => lobby.syncRoom(playerId, roomId, settle),
    "room:leave": (_, settle, { playerId }) => lobby.leaveRoom(playerId, settle),
    "room:ready": ({ ready }, settle, { playerId }) => lobby.setReady(playerId, ready, settle),
    "room:start": (_, settle, { playerId }) => lobby.startGame(playerId, settle),
    "room:settings": (settings, settle, { playerId }) => lobby.updateSettings(playerId, settings, settle),
    "room:kick": ({ playerId: target }, settle, { playerId }) => lobby.kick(playerId, target, settle),
    "party:create": (_, settle, { playerId }) => lobby.createParty(playerId, settle),
    "party:join": ({ code }, settle, { playerId, addressKey }) =>
      byCode(addressKey, () => lobby.joinParty(playerId, code, settle)),
    "party:leave": (_, settle, { playerId }) => lobby.leaveParty(playerId, settle),
    "party:kick": ({ playerId: target }, settle, { playerId }) => lobby.kickFromParty(playerId, target, settle),
    "rooms:subscribe": (_, settle, { playerId }) => lobby.subscribeRooms(playerId, settle),
    "rooms:unsubscribe": (_, __, { playerId }) => lobby.unsubscribeRooms(playerId),
    "chat:send": async ({ scope, text }, settle, { playerId, addressKey }) => {
      if (scope === "lobby") {
        const why = "Too many lobby messages from your address — wait a moment.";
        await spend(addressKey, "lobbyChat", ErrorCode.RateLimited, why);
      }
      return lobby.sendChat(playerId, scope, text, settle);
    },
    "session:ping": ({ rttMs }, _, { playerId }) => Promise.resolve(lobby.reportLatency(playerId, rttMs)),
    "game:move": ({ move }, settle, { playerId }) => lobby.move(playerId, move, settle),
    "game:rematch": (_, settle, { playerId }) => lobby.rematch(playerId, settle),
    "profile:get": (_, __, { playerId }) => lobby.profile(playerId),
    "leaderboard:get": ({ mode }, _, { playerId }) => lobby.leaderboard(playerId, mode),
  };
}
