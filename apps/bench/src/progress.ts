import type { PoolProgress } from "./worker-pool";

const TTY_INTERVAL_MS = 500;
/** Logs (CI) get a plain line this often instead of a line redrawn in place. */
const LOG_INTERVAL_MS = 5000;

function compact(n: number): string {
  if (n >= 10_000) return `${(n / 1000).toFixed(0)}k`;
  if (n >= 1000) return `${(n / 1000).toFixed(1)}k`;
  return n.toFixed(0);
}

/**
 * The live progress line on stderr: phase, players connected, seated and
 * playing, messages received per second, and the bots' CPU (a generator
 * near 100 % of its cores is the bottleneck, not the server).
 */
export class ProgressLine {
  private phase = "starting";
  private phaseStarted = Date.now();
  private timer: NodeJS.Timeout | null = null;
  private last: { at: number; events: number; cpu: number } | null = null;
  private lastLogged = 0;
  private readonly tty = process.stderr.isTTY;

  constructor(
    private readonly read: () => PoolProgress,
    private readonly botCores: number,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => this.draw(), TTY_INTERVAL_MS);
    this.timer.unref();
  }

  set(phase: string): void {
    this.phase = phase;
    this.phaseStarted = Date.now();
    this.lastLogged = 0;
    this.draw();
  }

  /** Print a line of its own (clearing the progress line first). */
  note(text: string): void {
    if (this.tty) process.stderr.write("\r\x1b[2K");
    process.stderr.write(`${text}\n`);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.tty) process.stderr.write("\r\x1b[2K");
  }

  private draw(): void {
    const now = Date.now();
    const p = this.read();
    let rate = 0;
    let cpu = 0;
    if (this.last && now > this.last.at) {
      const seconds = (now - this.last.at) / 1000;
      rate = Math.max(0, p.events - this.last.events) / seconds;
      cpu = (Math.max(0, p.cpuMicros - this.last.cpu) / 1e6 / seconds / this.botCores) * 100;
    }
    this.last = { at: now, events: p.events, cpu: p.cpuMicros };
    const elapsed = ((now - this.phaseStarted) / 1000).toFixed(0);
    const line =
      `[${this.phase} ${elapsed}s] connected ${compact(p.connected)} · seated ${compact(p.seated)}` +
      ` · playing ${compact(p.playing)} · ${compact(rate)} msg/s · bots CPU ${cpu.toFixed(0)}%`;
    if (this.tty) {
      process.stderr.write(`\r\x1b[2K${line.slice(0, (process.stderr.columns || 120) - 1)}`);
    } else if (now - this.lastLogged >= LOG_INTERVAL_MS) {
      this.lastLogged = now;
      process.stderr.write(`${line}\n`);
    }
  }
}
