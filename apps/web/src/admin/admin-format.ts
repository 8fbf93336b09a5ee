import type { AdminPlayer, AuditEntry, ModeId, RoomPhase } from "@lobby/contracts";
import { GAMES } from "@lobby/games";

/* How the admin page writes figures, modes, phases and actions. */

const MODE_NAMES = new Map<string, string>(GAMES.map((game) => [game.id, game.mode.name]));

/** A mode's name as players see it ("Connect Four"). */
export function modeName(mode: ModeId): string {
  return MODE_NAMES.get(mode) ?? mode;
}

export const PHASE_LABELS = {
  waiting: "Waiting",
  countdown: "Countdown",
  playing: "Playing",
  finished: "Finished",
} satisfies Record<RoomPhase, string>;

export const WHERE_LABELS = {
  lobby: "In the lobby",
  queued: "Queued",
  playing: "Playing",
  watching: "Watching",
} satisfies Record<AdminPlayer["where"], string>;

export const ACTION_LABELS = {
  "close-room": "Closed a room",
  kick: "Kicked",
  ban: "Banned",
  announce: "Announced",
  drain: "Drained",
  undrain: "Undrained",
} satisfies Record<AuditEntry["action"], string>;

/** Bytes in binary megabytes: "182 MB" ("1.4 GB" from a thousand up). */
export function formatBytes(bytes: number): string {
  const mb = bytes / 2 ** 20;
  return mb >= 1000 ? `${(mb / 1024).toFixed(1)} GB` : `${Math.round(mb)} MB`;
}

/** A share of one core as a percentage: "7%", "0.4%" under one. */
export function formatCpu(share: number): string {
  const percent = share * 100;
  return percent > 0 && percent < 1 ? `${percent.toFixed(1)}%` : `${Math.round(percent)}%`;
}

/** Milliseconds with one decimal under ten: "2.4 ms", "38 ms". */
export function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/** A wait for a chart: "850 ms", "4.2 s", "1 min 5 s". */
export function formatWait(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return formatDuration(ms);
}

/** A duration in its two largest units: "42 s", "3 min 5 s", "2 h 10 min", "3 d 4 h". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (days > 0) return `${days} d ${hours % 24} h`;
  if (hours > 0) return `${hours} h ${minutes % 60} min`;
  if (minutes > 0) return `${minutes} min ${seconds % 60} s`;
  return `${seconds} s`;
}

/** A rate for a chart: "12", "2.5", "0.3" per minute. */
export function formatRate(perMinute: number): string {
  return perMinute >= 10 ? String(Math.round(perMinute)) : String(Math.round(perMinute * 10) / 10);
}

/** A server time as the local time of day: "14:02:33". */
export function formatClock(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

/** A count with thousands separated: "1,204". */
export function formatCount(count: number): string {
  return count.toLocaleString("en-US");
}

/** A length in minutes, dropping a zero second unit: "15 min", "1 h", "1 h 30 min", "7 d". */
export function formatMinutes(minutes: number): string {
  return formatDuration(minutes * 60_000).replace(/ 0 (d|h|min|s)$/, "");
}
