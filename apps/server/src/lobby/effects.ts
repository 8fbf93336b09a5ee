import type { ServerEventName, ServerPayload } from "@lobby/contracts";
import type { Channel } from "./channels";

/** What the lobby asks the transport to do. Implemented over Socket.IO rooms. */
export interface LobbyEffects {
  join(playerId: string, channel: Channel): void;
  leave(playerId: string, channel: Channel): void;
  toPlayer<E extends ServerEventName>(playerId: string, event: E, payload: ServerPayload<E>): void;
  /**
   * To every member of the channel, on every process; with `except`, not to
   * that player's connections (a sender whose answer already carries it).
   */
  toChannel<E extends ServerEventName>(channel: Channel, event: E, payload: ServerPayload<E>, except?: string): void;
  /**
   * Only to this process's members of the channel. For figures every
   * process sends for itself (presence), so nobody gets one per process.
   */
  toLocalChannel<E extends ServerEventName>(channel: Channel, event: E, payload: ServerPayload<E>): void;
  /** Close one connection of this process, so its client reconnects to what the server now holds for it. */
  drop(connectionId: string): void;
  /** An admin ended the session: tell its connections why (on any node) and close them for good. */
  closeSession(playerId: string, reason: "kicked" | "banned", message: string): void;
}

/** Effects written to an outbox, to be carried out by the live transport after the commit. */
export class HeldEffects implements LobbyEffects {
  constructor(
    private readonly live: LobbyEffects,
    private readonly outbox: (() => void)[],
  ) {}

  join(playerId: string, channel: Channel): void {
    this.outbox.push(() => this.live.join(playerId, channel));
  }

  leave(playerId: string, channel: Channel): void {
    this.outbox.push(() => this.live.leave(playerId, channel));
  }

  toPlayer<E extends ServerEventName>(playerId: string, event: E, payload: ServerPayload<E>): void {
    this.outbox.push(() => this.live.toPlayer(playerId, event, payload));
  }

  toChannel<E extends ServerEventName>(channel: Channel, event: E, payload: ServerPayload<E>, except?: string): void {
    this.outbox.push(() => this.live.toChannel(channel, event, payload, except));
  }

  toLocalChannel<E extends ServerEventName>(channel: Channel, event: E, payload: ServerPayload<E>): void {
    this.outbox.push(() => this.live.toLocalChannel(channel, event, payload));
  }

  drop(connectionId: string): void {
    this.outbox.push(() => this.live.drop(connectionId));
  }

  closeSession(playerId: string, reason: "kicked" | "banned", message: string): void {
    this.outbox.push(() => this.live.closeSession(playerId, reason, message));
  }
}
