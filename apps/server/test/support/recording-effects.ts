import type { ServerEventName, ServerPayload } from "@lobby/contracts";
import type { LobbyEffects } from "../../src/lobby/lobby";

export interface Sent {
  to: { player: string } | { channel: string; except?: string };
  event: ServerEventName;
  payload: unknown;
}

/** LobbyEffects that record what the lobby asked for, and which player is in which channel. */
export class RecordingEffects implements LobbyEffects {
  readonly sent: Sent[] = [];
  readonly members = new Map<string, Set<string>>();

  join(playerId: string, channel: string) {
    const set = this.members.get(channel) ?? new Set<string>();
    set.add(playerId);
    this.members.set(channel, set);
  }

  leave(playerId: string, channel: string) {
    this.members.get(channel)?.delete(playerId);
  }

  toPlayer<E extends ServerEventName>(playerId: string, event: E, payload: ServerPayload<E>) {
    this.sent.push({ to: { player: playerId }, event, payload });
  }

  toChannel<E extends ServerEventName>(channel: string, event: E, payload: ServerPayload<E>, except?: string) {
    this.sent.push({ to: except === undefined ? { channel } : { channel, except }, event, payload });
  }

  toLocalChannel<E extends ServerEventName>(channel: string, event: E, payload: ServerPayload<E>) {
    this.sent.push({ to: { channel }, event, payload });
  }

  readonly dropped: string[] = [];

  drop(connectionId: string) {
    this.dropped.push(connectionId);
  }

  closeSession(playerId: string, reason: "kicked" | "banned", message: string) {
    this.sent.push({ to: { player: playerId }, event: "session:closed", payload: { reason, message } });
  }

  /** Every payload of `event` sent to a channel, oldest first. */
  allToChannel<E extends ServerEventName>(channel: string, event: E): ServerPayload<E>[] {
    return this.sent
      .filter((s) => s.event === event && typeof s.to === "object" && "channel" in s.to && s.to.channel === channel)
      .map((s) => s.payload as ServerPayload<E>);
  }

  /** The latest payload of `event` sent to a room's channel. */
  lastToRoom<E extends ServerEventName>(roomId: string, event: E): ServerPayload<E> | undefined {
    return this.allToChannel(`room:${roomId}`, event).at(-1);
  }

  /**
   * The room's chat as its members heard it, oldest first: players' lines
   * (`chat:message`) and the lobby's own, which ride in `room:state`.
   */
  roomChat(roomId: string): ServerPayload<"chat:message">[] {
    const channel = `room:${roomId}`;
    return this.sent.flatMap((s) => {
      if (typeof s.to !== "object" || !("channel" in s.to) || s.to.channel !== channel) return [];
      if (s.event === "chat:message") return [s.payload as ServerPayload<"chat:message">];
      if (s.event === "room:state") return (s.payload as ServerPayload<"room:state">).chat ?? [];
      return [];
    });
  }

  /** Every payload of `event` sent to one player directly. */
  allToPlayer<E extends ServerEventName>(playerId: string, event: E): ServerPayload<E>[] {
    return this.sent
      .filter((s) => s.event === event && typeof s.to === "object" && "player" in s.to && s.to.player === playerId)
      .map((s) => s.payload as ServerPayload<E>);
  }
}
