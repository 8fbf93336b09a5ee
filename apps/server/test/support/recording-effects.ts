import type { ServerEventName, ServerPayload } from "@lobby/contracts";
import type { LobbyEffects } from "../../src/lobby/lobby";

export interface Sent {
  to: { player: string } | { room: string } | "all";
  event: ServerEventName;
  payload: unknown;
}

/** LobbyEffects that record what the lobby asked for, and which player is in which channel. */
export class RecordingEffects implements LobbyEffects {
  readonly sent: Sent[] = [];
  readonly members = new Map<string, Set<string>>();

  joinRoom(playerId: string, roomId: string) {
    const set = this.members.get(roomId) ?? new Set<string>();
    set.add(playerId);
    this.members.set(roomId, set);
  }

  leaveRoom(playerId: string, roomId: string) {
    this.members.get(roomId)?.delete(playerId);
  }

  toPlayer<E extends ServerEventName>(playerId: string, event: E, payload: ServerPayload<E>) {
    this.sent.push({ to: { player: playerId }, event, payload });
  }

  toRoom<E extends ServerEventName>(roomId: string, event: E, payload: ServerPayload<E>) {
    this.sent.push({ to: { room: roomId }, event, payload });
  }

  toAll<E extends ServerEventName>(event: E, payload: ServerPayload<E>) {
    this.sent.push({ to: "all", event, payload });
  }

  /** The latest payload of `event` sent to a room. */
  lastToRoom<E extends ServerEventName>(roomId: string, event: E): ServerPayload<E> | undefined {
    for (let i = this.sent.length - 1; i >= 0; i--) {
      const s = this.sent[i]!;
      if (s.event === event && typeof s.to === "object" && "room" in s.to && s.to.room === roomId) {
        return s.payload as ServerPayload<E>;
      }
    }
    return undefined;
  }
}
