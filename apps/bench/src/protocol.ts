import type { ModeId } from "@lobby/contracts";
import type { HistogramJson } from "./histogram";
import type { SequenceCounts } from "./sequence";

/*
 * The IPC protocol between the coordinator and its bot workers. Every
 * command gets exactly one reply with the same id; workers also push a
 * progress message every half second.
 */

/** How seated bots send moves. */
export interface PlayPlan {
  /** Trails: moves per second per bot (the game ticks at 10 Hz). */
  trailsHz: number;
  /**
   * Connect Four: `0` moves as soon as it is the bot's turn (one move in
   * flight per room); otherwise each bot moves this many times a second,
   * thinking half a period before each move so turns alternate evenly.
   */
  connectFourHz: number;
}

/** Chat: each bot seated in a room sends a short line to it this many times a second. */
export interface ChatPlan {
  hz: number;
}

/**
 * Room chat as the bots counted it, since the scenario's first bots (never
 * reset by `reset`, so lines sent before a window and heard in it still
 * balance): lines the server accepted, how many deliveries they owed (the
 * sender's room-mates at the time), and what arrived (each sender's lines
 * in order; one already seen is a duplicate).
 */
export interface ChatCounts {
  sent: number;
  expected: number;
  delivered: number;
  duplicated: number;
}

/** Churn: what each bot keeps doing until the deadline. */
export interface ChurnPlan {
  durationMs: number;
  /** Longest pause between two actions of one bot. */
  maxPauseMs: number;
  /** Reconnects happen within this, so the session (and seat) is resumed. */
  reconnectWithinMs: number;
}

/** The attacker: what it does (see `attacker.ts`) until the deadline. */
export interface AttackPlan {
  url: string;
  durationMs: number;
}

/**
 * What the attacker tried and what got through, by kind (`ATTACK_KINDS`):
 * the raw counts; `abuse-metrics.ts` turns them into rates.
 */
export interface AttackCounts {
  /** Attempts by kind: handshakes, junk events, chat lines, rooms, code guesses. */
  attempted: Record<string, number>;
  /** What the server accepted, by the same kinds (junk never should be). */
  accepted: Record<string, number>;
  /** Refused handshakes by the server's code (or the transport error). */
  refusedHandshakes: Record<string, number>;
  /** Error acks by code, over every request with an ack (SDK timeouts count as `TIMEOUT`). */
  errorAcks: Record<string, number>;
  /** Connections the server closed while they were in use, by reason (`abuse`: its cut-off). */
  cutOffs: Record<string, number>;
  /** CPU time of the attacker's process over its run. */
  cpuMicros: number;
  wallMs: number;
}

export type Command =
  /**
   * Bot `firstIndex + i` connects to `urls[(firstIndex + i) mod urls.length]` (several for a cluster's nodes);
   * with `forwardedFor` it claims an address of its own (`honestAddress`).
   */
  | { kind: "spawn"; urls: string[]; firstIndex: number; modes: ModeId[]; concurrency: number; forwardedFor: boolean }
  | { kind: "attack"; plan: AttackPlan }
  | { kind: "queue"; timeoutMs: number }
  | { kind: "await-playing"; timeoutMs: number }
  | { kind: "play"; plan: PlayPlan }
  /** The worker's unseated bots sit down in rooms of `roomSize` by invite code: the first makes a private room, the rest join it. */
  | { kind: "gather"; roomSize: number; timeoutMs: number }
  | { kind: "chat"; plan: ChatPlan }
  /** Start a new window; the reply holds what was measured up to the reset. */
  | { kind: "reset" }
  | { kind: "stop"; drainMs: number }
  | { kind: "snapshot" }
  | { kind: "churn"; plan: ChurnPlan }
  | { kind: "disconnect" }
  | { kind: "exit" };

export type CommandKind = Command["kind"];

/** The server bot `index` connects to: bots are spread over several servers (a cluster's nodes) round robin. */
export function urlForBot(urls: readonly string[], index: number): string {
  const url = urls[((index % urls.length) + urls.length) % urls.length];
  if (url === undefined) throw new Error("urlForBot: no server to connect to");
  return url;
}

export interface Request {
  id: number;
  command: Command;
}

/** Everything a worker measured since the last `reset`; sums across workers. */
export interface WorkerMetrics {
  connectMs: HistogramJson;
  seatMs: HistogramJson;
  chatMs: HistogramJson;
  /** Move sent → the sender's own copy of the resulting `room:state`, per mode. */
  rttMs: Record<ModeId, HistogramJson>;
  connected: number;
  connectFailures: number;
  /** Handshakes that failed and were tried again. */
  connectRetries: number;
  /**
   * Every failed handshake attempt, retried or not, by cause: the server's
   * refusal code (e.g. `TOO_MANY_CONNECTIONS`) or the transport error.
   */
  handshakeFailures: Record<string, number>;
  seated: number;
  seatFailures: number;
  /** `room:state` messages received. */
  states: number;
  /** Every server event received (states, statuses, stats, chat…). */
  events: number;
  /** Of those, the frames that carried a room's state (`room:state`, `room:delta`). */
  stateFrames: number;
  /** Characters of every Socket.IO packet received. */
  received: number;
  /** Moves the server accepted. */
  moves: number;
  /** Moves acknowledged whose state never arrived (counted at `stop`). */
  lost: number;
  sequence: SequenceCounts;
  requests: number;
  /** Error acks (and SDK timeouts / not-connected) by code. */
  errors: Record<string, number>;
  /** Connection failures by message, e.g. EMFILE. */
  connectErrors: Record<string, number>;
  /** Churn actions taken, by name. */
  actions: Record<string, number>;
  chat: ChatCounts;
  /** Connections closed without the bot asking, by reason. */
  drops: Record<string, number>;
  /** CPU time of this worker process since the reset. */
  cpuMicros: number;
  wallMs: number;
}

/** A command's answer: the worker's metrics, and for `attack` what the attacker did. */
export type Reply =
  { id: number; ok: true; metrics: WorkerMetrics; attack?: AttackCounts } | { id: number; ok: false; error: string };

/** Live counters for the progress line. */
export interface Progress {
  type: "progress";
  connected: number;
  seated: number;
  playing: number;
  /** Cumulative events received (the coordinator turns it into a rate). */
  events: number;
  cpuMicros: number;
}

export type WorkerMessage = Reply | Progress | { type: "ready" };
