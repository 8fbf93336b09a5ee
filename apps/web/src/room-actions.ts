import { ErrorCode, type GameMove, type ModeId, type Visibility } from "@lobby/contracts";
import { gameWeb } from "./game-web";
import { lobbyConnection } from "./lobby-connection";
import { applyLeftRoom, applyQueueStatus, applyWatching } from "./lobby-state";
import type { RoomSettings } from "./room-settings";
import { update, useLobbyStore } from "./store";

/*
 * Queue, room and game actions. Each sends one request through the
 * connection module; the screen changes when the server's answer (or its
 * room:state push) arrives, never optimistically.
 */

export function quickMatch(mode: ModeId): void {
  void searchAgain(mode);
}

/**
 * Quick match, also from a finished game, which the server then has us leave
 * (our party too, when we lead one); resolves true once searching or matched.
 */
export async function searchAgain(mode: ModeId): Promise<boolean> {
  const result = await lobbyConnection.request((c) => c.quickMatch(mode));
  if (!result?.ok) return false;
  update((s) => applyQueueStatus(s, result.data));
  return true;
}

export function cancelQueue(): void {
  void lobbyConnection
    .request((c) => c.cancelQueue())
    .then((result) => {
      if (result?.ok) update((s) => applyQueueStatus(s, result.data));
    });
}

/** Create a custom room; resolves true once we sit in it as its host. */
export async function createRoom(mode: ModeId, settings: RoomSettings): Promise<boolean> {
  const result = await lobbyConnection.request((c) => c.createRoom(mode, settings));
  if (!result?.ok) return false;
  lobbyConnection.enteredRoom(result.data);
  return true;
}

/** Watch a room by its code (from the room browser or typed); resolves true once watching. */
export async function watchRoom(code: string): Promise<boolean> {
  const result = await lobbyConnection.request((c) => c.watchRoom(code));
  if (!result?.ok) return false;
  update((s) => applyWatching(s, result.data));
  return true;
}

export function setReady(ready: boolean): void {
  void lobbyConnection.request((c) => c.setReady(ready));
}

export function startGame(): void {
  void lobbyConnection.request((c) => c.startGame());
}

/** Host: change seats or visibility; resolves false when refused. */
export async function updateRoomSettings(settings: { maxPlayers?: number; visibility?: Visibility }): Promise<boolean> {
  const result = await lobbyConnection.request((c) => c.updateSettings(settings));
  return result?.ok ?? false;
}

export function kickPlayer(playerId: string): void {
  void lobbyConnection.request((c) => c.kick(playerId));
}

/**
 * Send a move of the room's game; the board changes only when the server's
 * room:state arrives. Refusals the game calls routine (a steer that lands
 * after a crash) need no toast, and neither does a move out of turn: the
 * board says whose turn it is, and it only happens when a click crosses the
 * other player's move. While the connection is down nothing is sent: the
 * board is paused and says so.
 */
export function sendMove(move: GameMove): void {
  if (useLobbyStore.getState().connection !== "connected") return;
  const routine = new Set([ErrorCode.NotYourTurn, ...(gameWeb(move.mode).routineRefusals ?? [])]);
  void lobbyConnection.request((c) => c.move(move), { quiet: (error) => routine.has(error.code) });
}

export function requestRematch(): void {
  void lobbyConnection.request((c) => c.rematch());
}

/** Leave the room we sit in or watch, back to the lobby. */
export function leaveRoom(): void {
  const roomId = useLobbyStore.getState().room?.id;
  if (!roomId) return;
  void lobbyConnection
    .request((c) => c.leaveRoom(), {
      // The server has already forgotten us there: the room is gone either way.
      quiet: (error) => error.code === ErrorCode.NotInRoom,
    })
    .then((result) => {
      if (result && (result.ok || result.error.code === ErrorCode.NotInRoom)) {
        update((s) => applyLeftRoom(s, roomId));
      }
    });
}
