/**
 * Whether the server still answers: a process or host that froze keeps its
 * socket open, so nothing drops and only silence tells. The client notes
 * every packet it hears and every ping it sends; a ping unanswered for
 * `stallAfterMs` is a stall, and for `reconnectMs` a reason to go elsewhere.
 * A connection that heard nothing for `stallAfterMs` is probed with a ping
 * at once rather than at the next regular one.
 */
export class Liveness {
  private lastHeardAt = Date.now();
  /** When the oldest ping still unanswered was sent; null when none is. */
  private pingSentAt: number | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private stalled = false;

  constructor(
    private readonly stallAfterMs: number,
    private readonly reconnectMs: number,
    private readonly hooks: {
      /** Whether the socket is open now. */
      connected: () => boolean;
      /** Send a ping (its answer calls `heard`). */
      probe: () => void;
      /** The server stopped answering (true) or answers again (false). */
      onStall: (stalled: boolean) => void;
      /** Unanswered past `reconnectMs`: close this connection and reconnect. */
      reconnect: () => void;
    },
  ) {}

  start(): void {
    if (this.stallAfterMs <= 0 || this.timer) return;
    this.timer = setInterval(() => this.check(), Math.max(100, Math.floor(this.stallAfterMs / 4)));
    // Never keep a Node process alive just to watch.
    (this.timer as { unref?: () => void }).unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Anything came from the server: it is alive. */
  heard(): void {
    this.lastHeardAt = Date.now();
    this.pingSentAt = null;
    this.setStalled(false);
  }

  /** A ping went out. */
  pinged(): void {
    this.pingSentAt ??= Date.now();
  }

  /** A new connection: nothing is owed on it yet. */
  reset(): void {
    this.lastHeardAt = Date.now();
    this.pingSentAt = null;
    this.setStalled(false);
  }

  private check(): void {
    if (!this.hooks.connected()) return;
    const now = Date.now();
    if (this.pingSentAt === null) {
      if (now - this.lastHeardAt >= this.stallAfterMs) this.hooks.probe();
      return;
    }
    const waited = now - this.pingSentAt;
    if (waited >= this.stallAfterMs) this.setStalled(true);
    if (this.reconnectMs > 0 && waited >= this.reconnectMs) {
      this.pingSentAt = null;
      this.hooks.reconnect();
    }
  }

  private setStalled(stalled: boolean): void {
    if (stalled === this.stalled) return;
    this.stalled = stalled;
    this.hooks.onStall(stalled);
  }
}
