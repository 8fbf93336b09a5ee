import {
  patchRoomView,
  type RoomDelta,
  type RoomView,
  type ServerEventName,
  type ServerPayload,
} from "@lobby/contracts";
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
  /**
   * Each player's room as the states and deltas they were sent would show it
   * (what `@lobby/client` hands its listeners), or why it cannot: a delta
   * that does not follow the state they have. Answers that carry the room are
   * the caller's to `show`.
   */
  readonly screens = new Map<string, RoomView | { broken: string }>();
  /** Deltas applied to screens, across this recording. */
  deltasApplied = 0;

  /** Players whose connection closed and who have not connected again: like socket rooms, channels skip them. */
  private readonly offline = new Set<string>();

  join(playerId: string, channel: string) {
    if (this.offline.has(playerId)) return;
    const set = this.members.get(channel) ?? new Set<string>();
    set.add(playerId);
    this.members.set(channel, set);
  }

  leave(playerId: string, channel: string) {
    this.members.get(channel)?.delete(playerId);
  }

  /**
   * The player's connection closed: like a socket, it leaves every channel,
   * joins none and gets nothing until it connects again, and its client
   * forgets the room.
   */
  disconnected(playerId: string) {
    for (const members of this.members.values()) members.delete(playerId);
    this.offline.add(playerId);
    this.screens.delete(playerId);
  }

  /** The player connects again (the lobby then joins it to its channels). */
  connected(playerId: string) {
    this.offline.delete(playerId);
  }

  toPlayer<E extends ServerEventName>(playerId: string, event: E, payload: ServerPayload<E>) {
    this.sent.push({ to: { player: playerId }, event, payload });
    if (!this.offline.has(playerId)) this.onScreen(playerId, event, payload);
  }

  toChannel<E extends ServerEventName>(channel: string, event: E, payload: ServerPayload<E>, except?: string) {
    this.sent.push({ to: except === undefined ? { channel } : { channel, except }, event, payload });
    for (const member of this.members.get(channel) ?? []) {
      if (member !== except) this.onScreen(member, event, payload);
    }
  }

  /** A room's state `playerId` got in an answer. */
  show(playerId: string, view: RoomView) {
    this.screens.set(playerId, view);
  }

  private onScreen(playerId: string, event: ServerEventName, payload: unknown) {
    if (event === "room:state") this.show(playerId, payload as RoomView);
    if (event !== "room:delta") return;
    const delta = payload as RoomDelta;
    const screen = this.screens.get(playerId);
    const next = screen && "id" in screen ? patchRoomView(screen, delta) : null;
    if (next) this.deltasApplied++;
    const seen = screen && "id" in screen ? `seq ${screen.seq} of ${screen.id}` : "no room";
    this.screens.set(playerId, next ?? { broken: `delta seq ${delta.seq} of ${delta.id} over ${seen}` });
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
