import type {
  ChatScope,
  ClientEventName,
  ClientPayload,
  ClientResult,
  GameMove,
  ModeId,
  Visibility,
} from "@lobby/contracts";
import type { RequestResult } from "./types";

/**
 * Every client event as a method, typed by the contracts: the SDK's request
 * shorthands, over `request` (which `LobbyClient` implements on its socket).
 */
export abstract class LobbyRequests {
  /** Send any client event and wait for its ack. */
  abstract request<E extends ClientEventName>(
    event: E,
    payload: ClientPayload<E>,
  ): Promise<RequestResult<ClientResult<E>>>;

  /** Wait in a mode's quick-match queue. */
  quickMatch(mode: ModeId) {
    return this.request("queue:join", { mode });
  }

  /** Stop waiting in the queue. */
  cancelQueue() {
    return this.request("queue:leave", {});
  }

  /** Make a move in the current game. */
  move(move: GameMove) {
    return this.request("game:move", { move });
  }

  /** Create a custom room and become its host. */
  createRoom(mode: ModeId, settings: { maxPlayers: number; visibility: Visibility; rated?: boolean }) {
    return this.request("room:create", { mode, ...settings });
  }

  /** Take a seat in a room by its invite code. */
  joinRoom(code: string) {
    return this.request("room:join", { code });
  }

  /** Watch a running game by its room code. */
  watchRoom(code: string) {
    return this.request("room:watch", { code });
  }

  /** Mark yourself ready (or not) before the start. */
  setReady(ready: boolean) {
    return this.request("room:ready", { ready });
  }

  /** Host: start the countdown. */
  startGame() {
    return this.request("room:start", {});
  }

  /** Host: change the room's seat count or visibility before the start. */
  updateSettings(settings: { maxPlayers?: number; visibility?: Visibility }) {
    return this.request("room:settings", settings);
  }

  /** Host: remove a player from the room for good. */
  kick(playerId: string) {
    return this.request("room:kick", { playerId });
  }

  /** Get the public rooms and start receiving `rooms:upsert` / `rooms:remove`. */
  subscribeRooms() {
    return this.request("rooms:subscribe", {});
  }

  unsubscribeRooms() {
    return this.request("rooms:unsubscribe", {});
  }

  /** Start a party and lead it; friends join with its code (`party:state` follows every change). */
  createParty() {
    return this.request("party:create", {});
  }

  /** Join a party by its code. */
  joinParty(code: string) {
    return this.request("party:join", { code });
  }

  /** Leave your party. */
  leaveParty() {
    return this.request("party:leave", {});
  }

  /** Party leader: remove a member from the party. */
  kickFromParty(playerId: string) {
    return this.request("party:kick", { playerId });
  }

  /** Send a chat message to your room, your party or the lobby. */
  sendChat(scope: ChatScope, text: string) {
    return this.request("chat:send", { scope, text });
  }

  /** Ask to play again with the same group. */
  rematch() {
    return this.request("game:rematch", {});
  }

  /** Your profile: your ratings per mode and your last games, by this device's identity. */
  profile() {
    return this.request("profile:get", {});
  }

  /** A mode's leaderboard: the top ratings and your own place. */
  leaderboard(mode: ModeId) {
    return this.request("leaderboard:get", { mode });
  }

  /** Leave the current room (as a player or a spectator). */
  leaveRoom() {
    return this.request("room:leave", {});
  }
}
