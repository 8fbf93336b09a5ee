import { ErrorCode, type ClientEventName } from "@lobby/contracts";
import type { Lobby } from "../lobby/lobby";
import { LobbyError } from "../lobby/lobby-error";
import { busyError } from "../lobby/operations";
import type { AddressBudgets } from "./address-budgets";
import { handleEvent, type Edge, type EventHandler } from "./handle-event";

/**
 * Thin handlers: each parsed payload goes straight to the lobby core, which
 * settles the ack as its operation commits. Per-address budgets are spent
 * here, before the core runs and outside its transaction (which may run
 * again), so a new identity from the same address gets no fresh budget.
 */
export function registerLobbyHandlers(edge: Edge, lobby: Lobby, budgets: AddressBudgets): void {
  const { playerId, addressKey } = edge.socket.data;
  const on = <E extends ClientEventName>(event: E, handler: EventHandler<E>) => handleEvent(edge, event, handler);
  const spend = async (kind: "room" | "lobbyChat", code: ErrorCode, message: string) => {
    // What a busy lobby refuses anyway spends nothing, and waits for no look-up (the store may be what stalls).
    if (lobby.busy) throw busyError();
    if (!(await budgets.take(kind, addressKey))) throw new LobbyError(code, message);
  };
  /**
   * A code is a guess until it leads to a room or a party: spend one, and give it back when it was found.
   * Room and party codes share the budget, so guessing one kind is no way round the other's.
   */
  const byCode = async <T>(attempt: () => Promise<T>): Promise<T> => {
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

  on("queue:join", ({ mode }, settle) => lobby.joinQueue(playerId, mode, settle));
  on("queue:leave", (_, settle) => lobby.leaveQueue(playerId, settle));
  on("room:create", async ({ mode, ...settings }, settle) => {
    await spend("room", ErrorCode.TooManyRooms, "Too many rooms created from your address — wait a minute.");
    return lobby.createRoom(playerId, mode, settings, settle);
  });
  on("room:join", ({ code }, settle) => byCode(() => lobby.joinRoom(playerId, code, settle)));
  on("room:watch", ({ code }, settle) => byCode(() => lobby.watchRoom(playerId, code, settle)));
  on("room:leave", (_, settle) => lobby.leaveRoom(playerId, settle));
  on("room:ready", ({ ready }, settle) => lobby.setReady(playerId, ready, settle));
  on("room:start", (_, settle) => lobby.startGame(playerId, settle));
  on("room:settings", (settings, settle) => lobby.updateSettings(playerId, settings, settle));
  on("room:kick", ({ playerId: target }, settle) => lobby.kick(playerId, target, settle));
  on("party:create", (_, settle) => lobby.createParty(playerId, settle));
  on("party:join", ({ code }, settle) => byCode(() => lobby.joinParty(playerId, code, settle)));
  on("party:leave", (_, settle) => lobby.leaveParty(playerId, settle));
  on("party:kick", ({ playerId: target }, settle) => lobby.kickFromParty(playerId, target, settle));
  on("rooms:subscribe", (_, settle) => lobby.subscribeRooms(playerId, settle));
  on("rooms:unsubscribe", () => lobby.unsubscribeRooms(playerId));
  on("chat:send", async ({ scope, text }, settle) => {
    if (scope === "lobby") {
      await spend("lobbyChat", ErrorCode.RateLimited, "Too many lobby messages from your address — wait a moment.");
    }
    return lobby.sendChat(playerId, scope, text, settle);
  });
  on("session:ping", ({ rttMs }) => Promise.resolve(lobby.reportLatency(playerId, rttMs)));
  on("game:move", ({ move }, settle) => lobby.move(playerId, move, settle));
  on("game:rematch", (_, settle) => lobby.rematch(playerId, settle));
  on("profile:get", () => lobby.profile(playerId));
  on("leaderboard:get", ({ mode }) => lobby.leaderboard(playerId, mode));
}
