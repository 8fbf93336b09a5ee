import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

/*
 * A process's own CPU time and RSS from /proc (Linux only), for processes
 * that have no stats endpoint: the cluster's redis-server.
 */

/** CPU time and resident memory of one process. */
export interface ProcUsage {
  cpuMicros: number;
  rssBytes: number | null;
}

/**
 * utime + stime (fields 14 and 15 of `/proc/<pid>/stat`, in clock ticks) as
 * microseconds; null for a malformed line. The command name (field 2) may
 * hold spaces and parentheses, so fields are counted after its last ")".
 */
export function parseProcStatCpu(stat: string, ticksPerSecond: number): number | null {
  const close = stat.lastIndexOf(")");
  if (close < 0 || !(ticksPerSecond > 0)) return null;
  // After ")": field 3 (state) is index 0, so utime (14) is index 11 and stime (15) index 12.
  const fields = stat
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (fields.length < 13 || !Number.isFinite(utime) || !Number.isFinite(stime)) return null;
  return ((utime + stime) / ticksPerSecond) * 1e6;
}

/** `VmRSS:   1234 kB` from `/proc/<pid>/status`, in bytes; null when absent. */
export function parseVmRssBytes(status: string): number | null {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : null;
}

/** Parse `getconf CLK_TCK`'s output; 100 (Linux's USER_HZ almost everywhere) when it is not a positive number. */
export function parseClockTicks(output: string | null | undefined): number {
  const value = Number.parseInt((output ?? "").trim(), 10);
  return Number.isFinite(value) && value > 0 ? value : 100;
}

let ticks: number | null = null;

/** Clock ticks per second, asked of `getconf CLK_TCK` once. */
export function clockTicks(): number {
  ticks ??= parseClockTicks(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout);
  return ticks;
}

/** CPU time of a whole process (every thread) and of its main thread, read together. */
export interface ThreadSplit {
  processMicros: number;
  mainThreadMicros: number;
}

/**
 * `pid`'s CPU time and its main thread's (`/proc/<pid>/task/<pid>/stat`), or
 * null when /proc cannot tell. In a Node process the other threads are V8's
 * (the optimizing compiler, the garbage collector's helpers) and libuv's pool.
 */
export function threadSplit(pid: number): ThreadSplit | null {
  try {
    const processMicros = parseProcStatCpu(readFileSync(`/proc/${pid}/stat`, "utf8"), clockTicks());
    const mainThreadMicros = parseProcStatCpu(readFileSync(`/proc/${pid}/task/${pid}/stat`, "utf8"), clockTicks());
    return processMicros === null || mainThreadMicros === null ? null : { processMicros, mainThreadMicros };
  } catch {
    return null;
  }
}

/**
 * The share (%) of the processes' CPU time between two readings (same pids,
 * same order) that ran outside their main threads; null when no process
 * could be read both times or none used any CPU.
 */
export function offMainThreadPercent(
  before: readonly (ThreadSplit | null)[],
  after: readonly (ThreadSplit | null)[],
): number | null {
  let all = 0;
  let main = 0;
  before.forEach((b, i) => {
    const a = after[i];
    if (!b || !a) return;
    all += a.processMicros - b.processMicros;
    main += a.mainThreadMicros - b.mainThreadMicros;
  });
  return all > 0 ? ((all - main) / all) * 100 : null;
}

/** The CPU time and RSS of `pid` now, or null when /proc cannot tell (not Linux, or the process is gone). */
export function procUsage(pid: number | null): ProcUsage | null {
  if (pid === null) return null;
  try {
    const cpuMicros = parseProcStatCpu(readFileSync(`/proc/${pid}/stat`, "utf8"), clockTicks());
    if (cpuMicros === null) return null;
    let rssBytes: number | null = null;
    try {
      rssBytes = parseVmRssBytes(readFileSync(`/proc/${pid}/status`, "utf8"));
    } catch {
      // The CPU time alone still counts.
    }
    return { cpuMicros, rssBytes };
  } catch {
    return null;
  }
}
