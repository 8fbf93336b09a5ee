import type { LobbyStats, ModeId, Widening } from "@lobby/contracts";
import type { Clock } from "../core/clock";
import type { Logger } from "../core/logger";
import type { Random } from "../core/random";
import type { AnyGameDefinition } from "../games/game";
import type { Metrics } from "../metrics/metrics";
import type { DeadlineKey } from "./deadline-key";
import type { LobbyEffects } from "./effects";
import type { NodeRegistry } from "./node-registry";
import type { LobbyStore } from "./store";

export interface LobbySettings {
  /** How long a dropped player's session — queue place, seat — waits for them to come back. */
  reconnectGraceMs: number;
  /** Presence figures are pushed at most this often. */
  statsIntervalMs: number;
  /** Length of the countdown before every game. */
  countdownMs: number;
  /** How long `minPlayers` must wait before quick match starts a room below `quickMatchPlayers`. */
  quickMatchWaitMs: number;
  /** Chat: burst size and the time to earn back one message. */
  chatBurst: number;
  chatRefillMs: number;
  /** How often each room is told its players' round-trip times. */
  presenceIntervalMs: number;
  /**
   * How often to look for deadlines that are overdue by more than this
   * interval — work whose process died before doing it. 0 turns it off.
   */
  deadlineSweepMs: number;
  /** This process's name among the nodes of a cluster. */
  nodeId: string;
  /**
   * How often this process tells the store it is alive, and looks for nodes
   * that stopped doing so (their players are then away, with a grace
   * period, as if their connections had dropped). 0 turns it off.
   */
  nodeHeartbeatMs: number;
  /**
   * Refuse new players and requests that add work (SERVER_BUSY) while an
   * operation queued this long ago is not done (waiting its turn, or stuck on
   * a stalled store), or a sweep's or heartbeat's store call has gone
   * unanswered this long; 0 turns it off (see `Operations.busy`). Below the
   * clients' ack timeout, so what is accepted is still answered in time.
   */
  busyQueueMs: number;
  /** How long a device's identity lasts without a connection; every connection of its sessions extends it. */
  identityTtlMs: number;
  /** How quick match's rating window widens with waiting (see `skill-window.ts`). */
  widening: Widening;
  /** How long leaving a rated match during its countdown keeps the player out of quick match; 0 for never. */
  dodgeCooldownMs: number;
}

export interface LobbyDeps {
  /**
   * The connections this process holds, for taking its players back after
   * other nodes took it for dead (a stall). Absent: none to take back.
   */
  localConnections?: () => { playerId: string; connectionId: string }[];
  store: LobbyStore;
  /**
   * The cluster's nodes, for noticing one that died with players on it.
   * Absent (one process, the memory store): no other node to watch.
   */
  nodes?: NodeRegistry;
  clock: Clock;
  random: Random;
  games: Record<ModeId, AnyGameDefinition>;
  effects: LobbyEffects;
  settings: LobbySettings;
  logger: Logger;
  /** Where games and matches are reported for operators; nothing is reported when absent. */
  metrics?: Metrics;
}

/** What every operation shares with the process it runs in. */
export interface LobbyRuntime {
  readonly deps: LobbyDeps;
  /** The presence figures last pushed to the lobby, for players who come back to it. */
  readonly lastStats: LobbyStats | null;
  /** Arm (or with null, disarm) this process's timer for a deadline. */
  armDeadline(key: DeadlineKey, dueAt: number | null): void;
}
