import { MODE_IDS, type LobbyStats, type ModeId } from "@lobby/contracts";
import type { Cancel } from "../core/clock";
import type { Lanes } from "../core/lanes";
import { channels } from "./channels";
import type { LobbyDeps } from "./runtime";
import { laneNames } from "./lane-names";
import type { LobbyStore } from "./store";

/** Players online and waiting per queue, read outside any transaction. */
export async function presenceOf(store: LobbyStore): Promise<LobbyStats> {
  const queues = {} as Record<ModeId, number>;
  for (const mode of MODE_IDS) queues[mode] = await store.queueLength(mode);
  return { online: await store.countPlayers(), queues };
}

/** A round trip is worth re-sending when it moved by 10 ms and by a fifth. */
function changedNoticeably(before: number, now: number): boolean {
  const delta = Math.abs(now - before);
  return delta >= 10 && delta >= before / 5;
}

/**
 * What this process pushes about who is here: the lobby figures (players
 * online, waiting per queue) to its own players in the lobby, and its
 * players' round trips to their rooms. Both read the store outside
 * transactions, in the presence lane.
 */
export class Presence {
  private statsPending: Cancel | null = null;
  private lastStatsKey = "";
  /** The presence figures last pushed to the lobby, for players who come back to it. */
  lastStats: LobbyStats | null = null;
  private presencePending: Cancel | null = null;
  /** Round trips measured by this process's players. */
  private readonly latency = new Map<string, number>();
  /** What each player's room was last told about them, so unchanged figures are not sent again. */
  private readonly latencySent = new Map<string, { roomId: string; rttMs: number; roster: string }>();
  private closed = false;

  constructor(
    private readonly deps: LobbyDeps,
    private readonly lanes: Lanes,
  ) {}

  /** Start telling rooms their players' round trips, every `presenceIntervalMs`. */
  start(): void {
    this.schedulePresence();
  }

  /** Remember the round trip a player measured; rooms are told every `presenceIntervalMs`. */
  noteLatency(playerId: string, rttMs: number | null): void {
    if (rttMs !== null) this.latency.set(playerId, Math.round(rttMs));
  }

  /** Drop a player's figures: their connection closed or their session ended. */
  forget(playerId: string): void {
    this.latency.delete(playerId);
    this.latencySent.delete(playerId);
  }

  close(): void {
    this.closed = true;
    this.statsPending?.();
    this.statsPending = null;
    this.presencePending?.();
    this.presencePending = null;
  }

  /** Push the lobby figures within `statsIntervalMs`, if they changed (after any operation). */
  scheduleStats(): void {
    if (this.statsPending || this.closed) return;
    this.statsPending = this.deps.clock.setTimeout(() => {
      this.statsPending = null;
      this.lanes
        .run([laneNames.presence], async () => {
          const stats = await presenceOf(this.deps.store);
          // Most operations (moves, chat, ready) change neither figure: send nothing then.
          const key = JSON.stringify(stats);
          if (key === this.lastStatsKey) return;
          this.lastStatsKey = key;
          this.lastStats = stats;
          // Only the lobby shows these figures; players in rooms get them when they come back.
          // Every process sends them to its own players, so nobody gets a copy per process.
          this.deps.effects.toLocalChannel(channels.lobby, "lobby:stats", stats);
        })
        .catch((error: unknown) => {
          this.deps.logger.error("stats broadcast failed", { error: String(error) });
        });
    }, this.deps.settings.statsIntervalMs);
  }

  private schedulePresence() {
    if (this.closed || this.deps.settings.presenceIntervalMs <= 0) return;
    this.presencePending = this.deps.clock.setTimeout(() => {
      this.presencePending = null;
      this.lanes
        .run([laneNames.presence], () => this.pushLatency())
        .catch((error: unknown) => {
          this.deps.logger.error("presence update failed", { error: String(error) });
        })
        .finally(() => this.schedulePresence());
    }, this.deps.settings.presenceIntervalMs);
  }

  /**
   * Tell rooms about round trips that changed noticeably, or that their
   * current roster has not heard yet. Unchanged figures are not re-sent:
   * at a few thousand seated players, re-sending every room's figures every
   * few seconds stalled the event loop for a noticeable moment each time.
   */
  private async pushLatency() {
    const { store, effects } = this.deps;
    const byRoom = new Map<string, Record<string, number>>();
    for (const [playerId, rttMs] of this.latency) {
      const player = await store.getPlayer(playerId);
      const room = player?.location.kind === "seated" ? await store.getRoom(player.location.roomId) : undefined;
      if (!room) {
        this.latencySent.delete(playerId);
        continue;
      }
      const roster = room.seats.map((s) => s.playerId).join(",");
      const sent = this.latencySent.get(playerId);
      if (sent?.roomId === room.id && sent.roster === roster && !changedNoticeably(sent.rttMs, rttMs)) continue;
      this.latencySent.set(playerId, { roomId: room.id, rttMs, roster });
      let figures = byRoom.get(room.id);
      if (!figures) byRoom.set(room.id, (figures = {}));
      figures[playerId] = rttMs;
    }
    for (const [roomId, rttMs] of byRoom) effects.toChannel(channels.room(roomId), "room:latency", { roomId, rttMs });
  }
}
