import { MODE_IDS } from "@lobby/contracts";
import type { ModeId } from "@lobby/contracts";
import { performance } from "node:perf_hooks";
import { Histogram } from "./histogram";
import type { ChatCounts, WorkerMetrics } from "./protocol";
import { addSequenceCounts, emptySequenceCounts, type SequenceCounts } from "./sequence";

/**
 * Classify a connection failure by its cause, so EMFILE and friends stand out
 * in the report: the server's refusal code (see `handshake`), else a system
 * error code, else the start of the message.
 */
export function connectErrorKey(message: string): string {
  const refused = /^refused ([A-Z_]+)/.exec(message)?.[1];
  if (refused) return refused;
  const known = /E[A-Z]{3,}/.exec(message)?.[0];
  return known ?? message.slice(0, 60);
}

/** One worker's counters, shared by all its bots; `reset` starts a measurement window. */
export class Meters {
  connectMs = new Histogram();
  seatMs = new Histogram();
  /** A room chat line's trip: said by a room-mate → heard by this worker's bot (each first hearing). */
  chatMs = new Histogram();
  private readonly rttByMode = new Map<ModeId, Histogram>();
  connected = 0;
  connectFailures = 0;
  connectRetries = 0;
  handshakeFailures: Record<string, number> = {};
  seatedCount = 0;
  seatFailures = 0;
  states = 0;
  events = 0;
  /** Frames that carried a room's state (`room:state`, `room:delta`), counted as they arrive. */
  stateFrames = 0;
  /** Characters of the Socket.IO packets received (each a frame less its one-byte Engine.IO type). */
  received = 0;
  /** Never reset: the progress line turns it into a rate. */
  eventsTotal = 0;
  moves = 0;
  lost = 0;
  requests = 0;
  errors: Record<string, number> = {};
  connectErrors: Record<string, number> = {};
  actions: Record<string, number> = {};
  /** Connections closed without the bot asking, by Socket.IO's reason; kept across resets until the scenario ends. */
  drops: Record<string, number> = {};
  /** Room chat, kept across resets until the scenario ends (see `ChatCounts`). */
  chat: ChatCounts = emptyChatCounts();
  private cpuAtReset = process.cpuUsage();
  private wallAtReset = performance.now();

  rtt(mode: ModeId): Histogram {
    let histogram = this.rttByMode.get(mode);
    if (!histogram) {
      histogram = new Histogram();
      this.rttByMode.set(mode, histogram);
    }
    return histogram;
  }

  countEvent(event: string): void {
    this.events++;
    this.eventsTotal++;
    if (event === "room:state" || event === "room:delta") this.stateFrames++;
  }

  /** A packet arrived: count its size. */
  receive(data: unknown): void {
    if (typeof data === "string") this.received += data.length;
    else if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) this.received += data.byteLength;
  }

  action(name: string): void {
    this.actions[name] = (this.actions[name] ?? 0) + 1;
  }

  seated(ms: number): void {
    this.seatedCount++;
    this.seatMs.record(ms);
  }

  error(code: string): void {
    this.errors[code] = (this.errors[code] ?? 0) + 1;
  }

  dropped(reason: string): void {
    this.drops[reason] = (this.drops[reason] ?? 0) + 1;
  }

  /** One handshake attempt failed (whether or not it is tried again). */
  handshakeFailed(message: string): void {
    const key = connectErrorKey(message);
    this.handshakeFailures[key] = (this.handshakeFailures[key] ?? 0) + 1;
  }

  connectFailure(message: string): void {
    this.connectFailures++;
    const key = connectErrorKey(message);
    this.connectErrors[key] = (this.connectErrors[key] ?? 0) + 1;
  }

  reset(): void {
    this.connectMs.reset();
    this.seatMs.reset();
    this.chatMs.reset();
    for (const histogram of this.rttByMode.values()) histogram.reset();
    this.connected = this.connectFailures = this.connectRetries = this.seatedCount = this.seatFailures = 0;
    this.states = this.events = this.stateFrames = this.received = this.moves = this.lost = this.requests = 0;
    this.errors = {};
    this.connectErrors = {};
    this.handshakeFailures = {};
    this.actions = {};
    this.cpuAtReset = process.cpuUsage();
    this.wallAtReset = performance.now();
  }

  /** Everything since the last reset, as JSON for the coordinator. */
  snapshot(sequences: readonly SequenceCounts[]): WorkerMetrics {
    const cpu = process.cpuUsage(this.cpuAtReset);
    return {
      connectMs: this.connectMs.toJson(),
      seatMs: this.seatMs.toJson(),
      chatMs: this.chatMs.toJson(),
      rttMs: Object.fromEntries(MODE_IDS.map((mode) => [mode, this.rtt(mode).toJson()])) as WorkerMetrics["rttMs"],
      connected: this.connected,
      connectFailures: this.connectFailures,
      connectRetries: this.connectRetries,
      handshakeFailures: { ...this.handshakeFailures },
      seated: this.seatedCount,
      seatFailures: this.seatFailures,
      states: this.states,
      events: this.events,
      stateFrames: this.stateFrames,
      received: this.received,
      moves: this.moves,
      lost: this.lost,
      sequence: sequences.reduce(addSequenceCounts, emptySequenceCounts()),
      requests: this.requests,
      errors: { ...this.errors },
      connectErrors: { ...this.connectErrors },
      actions: { ...this.actions },
      drops: { ...this.drops },
      chat: { ...this.chat },
      cpuMicros: cpu.user + cpu.system,
      wallMs: performance.now() - this.wallAtReset,
    };
  }
}

export function emptyChatCounts(): ChatCounts {
  return { sent: 0, expected: 0, delivered: 0, duplicated: 0 };
}
