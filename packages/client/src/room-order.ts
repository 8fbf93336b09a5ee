/**
 * Puts a room's states back in commit order. The server numbers every state
 * it sends a room (`RoomView.seq`, +1 per save, each reaching every member:
 * pushed, or in the answer to whoever asked). On a cluster two nodes'
 * broadcasts can cross on the way, so a state may arrive before the one it
 * follows. Such a state is held until its predecessor comes, for at most
 * `waitMs`; then what is held goes out in order all the same, and a
 * predecessor that turns up later still goes out, once, after it (the
 * caller keeps the newest by `version`, as it always did).
 *
 * States without a `seq` (a server that does not number them) pass straight
 * through. On one node nothing is ever held: a socket delivers in order.
 */

/** How long a state that skips one waits for it, in ms. */
export const REORDER_WAIT_MS = 150;
/** States held per room at most: past it, the missing one is given up on at once. */
const HELD_PER_ROOM = 32;
/** Rooms whose order is followed: the oldest is forgotten past it (a client is in one room at a time). */
const ROOMS_FOLLOWED = 8;

/** What the order needs of a state. */
export interface Ordered {
  id: string;
  seq?: number;
}

interface RoomSequence<V> {
  /** The latest seq handed out (or seen in an answer). */
  last: number;
  /** States ahead of `last + 1`, by seq. */
  held: Map<number, V>;
  timer: ReturnType<typeof setTimeout> | null;
}

export class RoomOrder<V extends Ordered> {
  private readonly rooms = new Map<string, RoomSequence<V>>();

  constructor(
    private readonly deliver: (view: V) => void,
    private readonly waitMs = REORDER_WAIT_MS,
  ) {}

  /** A pushed state: handed out now, after the ones it follows, or once the wait for them is over. */
  push(view: V): void {
    const seq = view.seq;
    if (seq === undefined) {
      this.deliver(view);
      return;
    }
    const room = this.rooms.get(view.id);
    if (!room) {
      this.follow(view.id, seq);
      this.deliver(view);
      return;
    }
    if (seq !== room.last + 1 && seq > room.last) {
      room.held.set(seq, view);
      if (room.held.size > HELD_PER_ROOM) this.giveUp(room);
      else room.timer ??= unref(setTimeout(() => this.giveUp(room), this.waitMs));
      return;
    }
    // The next one, or a straggler that comes after its wait was given up (or a repeat): out now.
    if (seq > room.last) room.last = seq;
    this.deliver(view);
    this.release(room);
  }

  /** A state that came in an answer (the caller has it): what follows it waits for it no longer. */
  seen(view: V): void {
    const seq = view.seq;
    if (seq === undefined) return;
    const room = this.rooms.get(view.id);
    if (!room) {
      this.follow(view.id, seq);
      return;
    }
    // Held states older than the answer's go out first, in order: the caller keeps the newest.
    for (const older of [...room.held.keys()].filter((held) => held <= seq).sort((a, b) => a - b)) {
      this.handOut(room, older);
    }
    if (seq > room.last) room.last = seq;
    this.release(room);
  }

  /**
   * A state asked for because one was missing (the caller could not follow
   * on from what it had): held states older than it go out first, then it,
   * then what follows it. One older than what has gone out already is dropped.
   */
  resync(view: V): void {
    const seq = view.seq;
    const room = seq === undefined ? undefined : this.rooms.get(view.id);
    if (seq === undefined || !room) {
      if (seq !== undefined) this.follow(view.id, seq);
      this.deliver(view);
      return;
    }
    if (seq < room.last) return;
    for (const older of [...room.held.keys()].filter((held) => held < seq).sort((a, b) => a - b)) {
      this.handOut(room, older);
    }
    room.held.delete(seq);
    room.last = seq;
    this.deliver(view);
    this.release(room);
  }

  /** A new connection: every state it brings is fresh. What was held goes out, in order. */
  reset(): void {
    for (const room of this.rooms.values()) this.giveUp(room);
    this.rooms.clear();
  }

  private follow(roomId: string, last: number): void {
    this.rooms.set(roomId, { last, held: new Map(), timer: null });
    if (this.rooms.size <= ROOMS_FOLLOWED) return;
    const [oldestId, oldest] = this.rooms.entries().next().value as [string, RoomSequence<V>];
    this.giveUp(oldest);
    this.rooms.delete(oldestId);
  }

  /** Hand out the held states that now follow on, and stop waiting once none is held. */
  private release(room: RoomSequence<V>): void {
    while (room.held.has(room.last + 1)) this.handOut(room, room.last + 1);
    if (room.held.size === 0 && room.timer !== null) {
      clearTimeout(room.timer);
      room.timer = null;
    }
  }

  /** The wait is over: everything held goes out in order, over the gaps. */
  private giveUp(room: RoomSequence<V>): void {
    if (room.timer !== null) clearTimeout(room.timer);
    room.timer = null;
    for (const seq of [...room.held.keys()].sort((a, b) => a - b)) this.handOut(room, seq);
  }

  private handOut(room: RoomSequence<V>, seq: number): void {
    const view = room.held.get(seq);
    if (view === undefined) return;
    room.held.delete(seq);
    if (seq > room.last) room.last = seq;
    this.deliver(view);
  }
}

/** Never keep a Node process alive for a held state. */
function unref<T>(timer: T): T {
  (timer as { unref?: () => void }).unref?.();
  return timer;
}
