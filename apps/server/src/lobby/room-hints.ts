import { roomOf } from "./context";
import { laneNames, type LaneName, type Scope } from "./lane-names";
import type { StoreTx } from "./store";

/**
 * The room each player connected to this process is in, as of their last
 * operation here: a hint for choosing lanes (see `scopeOf`). Only for this
 * process's own players, so it never outgrows its connections.
 */
export class RoomHints {
  /** The connection each player connected to this process holds. */
  private readonly connections = new Map<string, string>();
  private readonly rooms = new Map<string, string>();

  /** `concurrency`: how many operations run side by side; at 1 no hint is worth keeping. */
  constructor(private readonly concurrency: number) {}

  /** A connection was accepted for the player here. */
  connected(playerId: string, connectionId: string): void {
    this.connections.set(playerId, connectionId);
  }

  /** A connection of the player's closed here. */
  disconnected(playerId: string, connectionId: string): void {
    // Unless a newer connection of theirs took over here, they may come back through another process;
    // this one learns their room again if they return here.
    if (this.connections.get(playerId) === connectionId) {
      this.connections.delete(playerId);
      this.rooms.delete(playerId);
    }
  }

  /** A session ended. */
  forget(playerId: string): void {
    this.rooms.delete(playerId);
  }

  /**
   * An operation on behalf of a player: in their lane, the lane of the room
   * they are in (so a room's moves and ticks queue here rather than race in
   * the store), and any `extra`.
   */
  scopeOf(playerId: string, ...extra: LaneName[]): Scope {
    const roomId = this.rooms.get(playerId);
    const own = laneNames.player(playerId);
    const lanes = roomId === undefined ? [own, ...extra] : [own, laneNames.room(roomId), ...extra];
    return { lanes, player: playerId };
  }

  /** The room the player was in as of their last operation here, if known. */
  hinted(playerId: string): string | undefined {
    return this.rooms.get(playerId);
  }

  /**
   * The room the player an operation acted for is in once it commits (read
   * in its transaction, where the operation has almost always read the
   * record already), or undefined when no hint is kept: not this process's
   * player, or operations never run side by side anyway.
   */
  async roomAfter(tx: StoreTx, playerId: string | undefined): Promise<string | null | undefined> {
    if (playerId === undefined || this.concurrency <= 1 || !this.connections.has(playerId)) return undefined;
    const player = await tx.getPlayer(playerId);
    return player ? roomOf(player.location) : null;
  }

  /** An operation committed: note the room `roomAfter` read, if the player is still connected here. */
  note(playerId: string | undefined, room: string | null | undefined): void {
    if (room === undefined || playerId === undefined || !this.connections.has(playerId)) return;
    if (room === null) this.rooms.delete(playerId);
    else this.rooms.set(playerId, room);
  }
}
