import {
  patchRoomView,
  type ClientEventName,
  type ClientToServerEvents,
  type RoomDelta,
  type RoomView,
  type ServerEventName,
  type ServerPayload,
  type ServerToClientEvents,
} from "@lobby/contracts";
import type { Socket } from "socket.io-client";
import { InOrder } from "./in-order";
import { RoomOrder } from "./room-order";
import type { RequestResult } from "./types";

interface UntypedEmitter {
  on(event: string, fn: (...args: unknown[]) => void): unknown;
  off(event: string, fn: (...args: unknown[]) => void): unknown;
}

export type Listener<E extends ServerEventName> = (payload: ServerPayload<E>) => void;

/** Rooms whose latest state is kept to apply deltas to (a client is in one room at a time). */
const ROOMS_KEPT = 8;

/**
 * What the server sends a client, handed to the caller in order: pushes and
 * answers as the server sent them (`InOrder`), and each room's states as
 * they were committed (`RoomOrder`), deltas (`room:delta`) applied to the
 * state before them so listeners get whole states. Chat lines that ride in
 * other frames (a room's state, an answer) reach `chat:message` listeners as lines.
 */
export class Inbound {
  /** Answers and pushes, handed over in the order the server sent them. */
  private readonly inOrder = new InOrder();
  /** `chat:message` listeners, for the sender's own lines, which come in answers rather than pushes. */
  private readonly ownChat = new Set<(line: unknown) => void>();
  /** `room:state` listeners (and the chat lines states carry), fed in commit order by `roomOrder`. */
  private readonly roomListeners = new Set<(view: RoomView) => void>();
  /** Each room's latest state handed out, by room id, oldest first: what its next delta applies to. */
  private readonly latest = new Map<string, RoomView>();
  /** Rooms whose whole state has been asked for (`room:sync`) and not answered yet. */
  private readonly asking = new Set<string>();
  /** How to ask the server for a room's whole state; its answer comes back through `answer`. */
  private askForState: ((roomId: string) => Promise<unknown>) | null = null;
  /** Rooms' states and deltas put back in commit order when two nodes' broadcasts cross (`RoomView.seq`). */
  private readonly roomOrder = new RoomOrder<RoomView | RoomDelta>((item) => {
    const view = isDelta(item) ? this.applyDelta(item) : item;
    if (view === null) return;
    this.keep(view);
    this.inOrder.receive(false, () => {
      for (const listener of [...this.roomListeners]) listener(view);
    });
  });

  constructor(private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>) {
    socket.on("room:state", (view) => this.roomOrder.push(view));
    socket.on("room:delta", (delta) => this.roomOrder.push(delta));
  }

  /** A new connection, or the client closed: held states go out, and every room's order starts afresh. */
  reset(): void {
    this.roomOrder.reset();
    this.latest.clear();
    this.asking.clear();
  }

  /** How to ask for a room's whole state when a delta cannot be applied (`room:sync`). */
  onMissingState(ask: (roomId: string) => Promise<unknown>): void {
    this.askForState = ask;
  }

  /** Subscribe to a server event (see `LobbyClient.on`). */
  on<E extends ServerEventName>(event: E, listener: Listener<E>): () => void {
    let subscribed = true;
    const call = (payload: unknown) => {
      if (subscribed) (listener as (payload: unknown) => void)(payload);
    };
    const offs: (() => void)[] = [];
    if (event === "room:state") {
      offs.push(this.onRoomState(call));
    } else {
      // Socket.IO's typed `on` cannot correlate a generic event with its listener.
      const socket = this.socket as unknown as UntypedEmitter;
      const fn = (payload: unknown) => this.inOrder.receive(false, () => call(payload));
      socket.on(event, fn);
      offs.push(() => socket.off(event, fn));
    }
    if (event === "chat:message") {
      // The lobby's own room chat lines ride in the room's state (`RoomView.chat`): they are chat all the same.
      offs.push(this.onRoomState((view) => view.chat?.forEach(call)));
      // Our own lines, and a room's chat as we come into it, come in answers only (see `linesIn`).
      this.ownChat.add(call);
      offs.push(() => this.ownChat.delete(call));
    }
    return () => {
      subscribed = false;
      for (const off of offs) off();
    };
  }

  /** The answer to a request for `event`: to `resolve` in the server's order, with the chat lines it carries. */
  answer<R>(event: ClientEventName, result: RequestResult<R>, resolve: (result: RequestResult<R>) => void): void {
    this.inOrder.receive(true, () => {
      if (result.ok)
        for (const line of linesIn(event, result.data)) for (const deliver of [...this.ownChat]) deliver(line);
      resolve(result);
    });
    // A room's state in the answer (coming into it) is one the pushes after it follow on. Told in the
    // order the wire brought it, like the pushes; what it releases reaches listeners after the answer.
    if (result.ok && carriesRoom(event)) {
      this.roomOrder.seen(result.data as RoomView);
      this.keep(result.data as RoomView);
    }
    // The whole state asked for over a gap: it goes out as the room's state now, and deltas follow on it.
    if (result.ok && event === "room:sync") {
      const view = result.data as RoomView;
      // Unless the pushes have brought that state (or a newer one) by now.
      if ((this.latest.get(view.id)?.seq ?? -1) < view.seq) this.roomOrder.resync(view);
    }
    // Out of the room: coming back into it later (quick match may seat us there again) starts its order afresh.
    if (result.ok && event === "room:leave") this.reset();
  }

  /**
   * The state a delta makes of the one before it; null when that state never
   * came (a state or delta lost, or given up on after a reorder): then the
   * room's whole state is asked for once, rather than waiting for the next
   * keyframe. A straggler older than the state in hand is dropped.
   */
  private applyDelta(delta: RoomDelta): RoomView | null {
    const base = this.latest.get(delta.id);
    const view = base ? patchRoomView(base, delta) : null;
    if (view === null && (base === undefined || base.seq < delta.seq - 1)) this.ask(delta.id);
    return view;
  }

  private ask(roomId: string): void {
    const ask = this.askForState;
    if (ask === null || this.asking.has(roomId)) return;
    this.asking.add(roomId);
    void ask(roomId).finally(() => this.asking.delete(roomId));
  }

  /** The room's latest state, unless an older one (a straggler handed out after a newer state). */
  private keep(view: RoomView): void {
    const kept = this.latest.get(view.id);
    if (kept && kept.seq > view.seq) return;
    this.latest.delete(view.id);
    this.latest.set(view.id, view);
    if (this.latest.size > ROOMS_KEPT) this.latest.delete(this.latest.keys().next().value as string);
  }

  /** Room states, in commit order; a listener's error is its own, the others still get the state. */
  private onRoomState(listener: (view: RoomView) => void): () => void {
    const guarded = (view: RoomView) => {
      try {
        listener(view);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    };
    this.roomListeners.add(guarded);
    return () => this.roomListeners.delete(guarded);
  }
}

/**
 * Chat lines an answer carries instead of pushes: the sender's own line
 * (`chat:send`), and the room's recent chat for a player coming into it
 * (`room:create`, `room:join`, `room:watch`: `RoomView.chat`).
 */
function linesIn(event: ClientEventName, data: unknown): readonly unknown[] {
  if (event === "chat:send") return [data];
  if (carriesRoom(event)) return (data as RoomView).chat ?? [];
  return [];
}

function isDelta(item: RoomView | RoomDelta): item is RoomDelta {
  return !("phase" in item);
}

/** Requests answered with the room's state: coming into a room. */
function carriesRoom(event: ClientEventName): boolean {
  return event === "room:create" || event === "room:join" || event === "room:watch";
}
