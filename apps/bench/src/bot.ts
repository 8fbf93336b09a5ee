import { createLobbyClient, type LobbyClient, type RequestResult } from "@lobby/client";
import type { ChatMessage, GameMove, ModeId, QueueStatus, RoomView } from "@lobby/contracts";
import { botFor, gameById } from "@lobby/games";
import { performance } from "node:perf_hooks";
import { forwardedForHeaders } from "./forwarded-for";
import { handshake } from "./handshake";
import type { Meters } from "./meters";
import type { ChatPlan, PlayPlan } from "./protocol";
import { SequenceTracker } from "./sequence";

const CONNECT_RETRIES = 2;
const ACK_TIMEOUT_MS = 15_000;
/** States remembered until their ack names them (the state arrives first). */
const SEEN_WINDOW = 256;
/** Open-loop real-time moves stop piling up beyond this many unanswered ones per bot. */
const MAX_IN_FLIGHT = 8;

/**
 * One player driven through the real SDK. It counts what it receives,
 * checks each room's version sequence, and times every move from the send
 * to the arrival of its own `room:state` (the state whose version the ack
 * names).
 */
export class Bot {
  client: LobbyClient | null = null;
  /** The server of the latest connect, for reconnects. */
  url = "";
  token: string | undefined;
  playerId: string | null = null;
  queued = false;
  seated = false;
  room: RoomView | null = null;
  readonly tracker = new SequenceTracker();
  private seat = -1;
  private queuedAt: number | null = null;
  private plan: PlayPlan | null = null;
  private readonly sentAt = new Map<number, number>();
  private readonly seenAt = new Map<number, number>();
  private inFlight = 0;
  private turnVersion = -1;
  private rematchRound = -1;
  private trailsTimer: NodeJS.Timeout | null = null;
  /** The game's bot strategy for this player's seats (the game's own, from its folder). */
  private readonly strategy: ReturnType<typeof botFor>;
  /** Real-time games are steered on a timer; turn-based ones answer each state. */
  private readonly realtime: boolean;
  private thinkTimer: NodeJS.Timeout | null = null;
  private chatPlan: ChatPlan | null = null;
  private chatTimer: NodeJS.Timeout | null = null;
  private chatInFlight = 0;
  /** This bot's chat lines so far; each says `<bot index>:<number>:<when it was said>` (`wallClockMs`). */
  private chatSeq = 0;
  /** The last line number heard from each other bot, by its index. */
  private readonly heard = new Map<number, number>();

  /**
   * @param forwardedFor the client address this bot claims in `X-Forwarded-For`
   *   (for a server with `TRUST_PROXY=on`), or null to send none.
   */
  constructor(
    readonly index: number,
    readonly mode: ModeId,
    private readonly meters: Meters,
    private readonly forwardedFor: string | null = null,
  ) {
    this.strategy = botFor(mode);
    this.realtime = gameById(mode).mode.realtime;
  }

  get connected(): boolean {
    return this.client?.socket.connected ?? false;
  }

  get playing(): boolean {
    return this.room?.phase === "playing";
  }

  /**
   * Connect (resuming the kept session when `resume` and a token exist),
   * retrying a failed handshake twice like a real client would. Resolves
   * false when every attempt failed.
   */
  async connect(url: string, resume = false): Promise<boolean> {
    this.url = url;
    const started = performance.now();
    let failure = "";
    for (let attempt = 0; attempt <= CONNECT_RETRIES; attempt++) {
      if (attempt > 0) {
        this.meters.connectRetries++;
        await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt * (0.5 + Math.random())));
      }
      const outcome = await this.attempt(url, resume);
      if (outcome === null) {
        this.meters.connectMs.record(performance.now() - started);
        return true;
      }
      this.meters.handshakeFailed(outcome);
      failure = outcome;
    }
    this.meters.connectFailure(failure);
    return false;
  }

  /** One handshake; null on success, else why it failed. */
  private async attempt(url: string, resume: boolean): Promise<string | null> {
    const client = createLobbyClient({
      url,
      name: `bot-${this.index}`,
      reconnection: false,
      pingIntervalMs: 0,
      ackTimeoutMs: ACK_TIMEOUT_MS,
      ...(resume && this.token ? { token: this.token } : {}),
      ...(this.forwardedFor !== null ? { headers: forwardedForHeaders(this.forwardedFor) } : {}),
    });
    this.client = client;
    client.socket.onAny((event: string) => this.meters.countEvent(event));
    client.socket.io.on("open", () => client.socket.io.engine.on("data", (data) => this.meters.receive(data)));
    client.on("room:state", this.onState);
    client.on("queue:status", this.onStatus);
    client.on("chat:message", this.onChat);
    const outcome = await handshake(client);
    if (outcome !== null || !client.session) {
      client.disconnect();
      this.client = null;
      return outcome ?? "no session";
    }
    // Any close the bot did not ask for is a dropped connection (server gone, heartbeat missed…).
    client.socket.on("disconnect", (reason) => {
      if (reason !== "io client disconnect") this.meters.dropped(reason);
    });
    this.token = client.token;
    this.playerId = client.session.player.id;
    return null;
  }

  /** Close the connection; `forget` also drops the session token (the next connect is a new player). */
  disconnect(forget = false): void {
    this.stopPlaying();
    this.client?.disconnect();
    this.client = null;
    this.leftRoom();
    this.queued = false;
    this.queuedAt = null;
    if (forget) this.token = undefined;
  }

  /** Ask for a quick match; the seat is timed from here to the first sign of it. */
  async quickMatch(mode: ModeId = this.mode): Promise<boolean> {
    this.queuedAt = performance.now();
    this.queued = true;
    const result = await this.request(() => this.client?.quickMatch(mode));
    if (!result.ok) {
      this.queued = false;
      this.queuedAt = null;
      return false;
    }
    if (result.data.state === "matched") this.markSeated();
    return true;
  }

  /** Make a private room of `maxPlayers` in this bot's mode; resolves with its invite code, or null if refused. */
  async createRoom(maxPlayers: number): Promise<string | null> {
    this.queuedAt = performance.now();
    const result = await this.request(() => this.client?.createRoom(this.mode, { maxPlayers, visibility: "private" }));
    if (!result.ok) return null;
    this.markSeated();
    return result.data.code;
  }

  /** Take a seat by invite code; timed like a quick match, to the first sign of the seat. */
  async joinRoom(code: string): Promise<boolean> {
    this.queuedAt = performance.now();
    const result = await this.request(() => this.client?.joinRoom(code));
    if (result.ok) this.markSeated();
    return result.ok;
  }

  /** Start saying a line to the room `plan.hz` times a second. */
  chat(plan: ChatPlan): void {
    if (this.chatPlan || plan.hz <= 0) return;
    this.chatPlan = plan;
    const period = 1000 / plan.hz;
    // Spread the bots over the period instead of firing in lockstep.
    setTimeout(() => {
      if (this.chatPlan && !this.chatTimer) this.chatTimer = setInterval(() => void this.say(), period);
    }, Math.random() * period).unref();
  }

  private async say() {
    const others = (this.room?.seats.length ?? 1) - 1;
    this.chatInFlight++;
    const said = wallClockMs().toFixed(1);
    const result = await this.request(() => this.client?.sendChat("room", `${this.index}:${++this.chatSeq}:${said}`));
    this.chatInFlight--;
    if (!result.ok) return;
    this.meters.chat.sent++;
    this.meters.chat.expected += others;
  }

  private readonly onChat = (line: ChatMessage) => {
    if (line.kind !== "user" || line.from?.id === this.playerId) return;
    const heardAt = wallClockMs();
    const [sender, seq, said] = line.text.split(":").map(Number);
    if (sender === undefined || seq === undefined || !Number.isInteger(sender) || !Number.isInteger(seq)) return;
    if (seq <= (this.heard.get(sender) ?? 0)) {
      this.meters.chat.duplicated++;
      return;
    }
    this.heard.set(sender, seq);
    this.meters.chat.delivered++;
    if (said !== undefined && Number.isFinite(said)) this.meters.chatMs.record(Math.max(0, heardAt - said));
  };

  cancelQueue() {
    return this.request(async () => {
      const result = await this.client?.cancelQueue();
      if (result?.ok) this.queued = false;
      return result;
    });
  }

  leaveRoom() {
    return this.request(async () => {
      const result = await this.client?.leaveRoom();
      if (result?.ok) this.leftRoom();
      return result;
    });
  }

  /** Start sending moves by `plan` (Trails on a timer, Connect Four on its turns). */
  play(plan: PlayPlan): void {
    this.plan = plan;
    if (this.realtime && plan.trailsHz > 0 && !this.trailsTimer) {
      const period = 1000 / plan.trailsHz;
      // Spread the bots over the period instead of firing in lockstep.
      setTimeout(() => {
        if (this.plan) this.trailsTimer = setInterval(() => this.steer(), period);
      }, Math.random() * period).unref();
    }
    if (this.room) this.react(this.room);
  }

  stopPlaying(): void {
    this.plan = null;
    if (this.trailsTimer) clearInterval(this.trailsTimer);
    if (this.thinkTimer) clearTimeout(this.thinkTimer);
    if (this.chatTimer) clearInterval(this.chatTimer);
    this.chatPlan = null;
    this.trailsTimer = null;
    this.thinkTimer = null;
    this.chatTimer = null;
  }

  /** Nothing outstanding: no move unanswered, no acked move's state missing, no gap open. */
  settled(): boolean {
    return this.inFlight === 0 && this.chatInFlight === 0 && this.sentAt.size === 0 && this.tracker.counts.gaps === 0;
  }

  /** Moves acked whose state never came; call after the drain wait. Clears them. */
  takeLost(): number {
    const lost = this.sentAt.size;
    this.sentAt.clear();
    return lost;
  }

  private readonly onStatus = (status: QueueStatus) => {
    if (status.state === "matched") this.markSeated();
    else this.queued = status.state === "queued";
  };

  private readonly onState = (view: RoomView) => {
    const now = performance.now();
    this.meters.states++;
    this.tracker.observe(view.id, view.version, view.phase);
    // Like the web app, show only the newest state: one that arrives after a newer one is
    // timed below but never replaces it.
    const fresh = this.room?.id !== view.id || view.version >= this.room.version;
    if (this.room?.id !== view.id) this.turnVersion = -1;
    if (fresh) {
      this.room = view;
      this.seat = view.seats.findIndex((s) => s.player.id === this.playerId);
      if (this.seat >= 0) this.markSeated();
    }
    const sentAt = this.sentAt.get(view.version);
    if (sentAt !== undefined) {
      this.meters.rtt(view.mode).record(now - sentAt);
      this.sentAt.delete(view.version);
    } else if (this.inFlight > 0) {
      // Ours or not, the ack that follows will tell.
      this.seenAt.set(view.version, now);
      if (this.seenAt.size > SEEN_WINDOW) this.seenAt.delete(this.seenAt.keys().next().value ?? -1);
    }
    if (this.plan && fresh) this.react(view);
  };

  private markSeated() {
    this.queued = false;
    if (this.seated) return;
    this.seated = true;
    if (this.queuedAt !== null) this.meters.seated(performance.now() - this.queuedAt);
    this.queuedAt = null;
  }

  private leftRoom() {
    if (this.room) this.tracker.forget(this.room.id);
    this.room = null;
    this.seated = false;
    this.seat = -1;
    this.sentAt.clear();
    this.seenAt.clear();
  }

  private react(view: RoomView) {
    const plan = this.plan;
    if (!plan || this.seat < 0) return;
    if (view.phase === "finished" && this.rematchRound !== view.round) {
      this.rematchRound = view.round;
      void this.request(() => this.client?.rematch());
      return;
    }
    const game = view.game;
    if (view.phase !== "playing" || !game || this.realtime) return;
    if (this.inFlight > 0 || view.version <= this.turnVersion || this.thinkTimer) return;
    // The strategy answers null when this seat has nothing to play (not its turn).
    const move: GameMove | null = this.strategy(game, this.seat, Math.random());
    if (!move) return;
    this.turnVersion = view.version;
    if (plan.connectFourHz <= 0) {
      void this.move(move);
      return;
    }
    // A turn-based rhythm: think half a period on average, so two players alternating each
    // move `connectFourHz` times a second; jittered so rooms that started together drift apart.
    this.thinkTimer = setTimeout(
      () => {
        this.thinkTimer = null;
        if (this.plan && this.room?.version === view.version) void this.move(move);
      },
      (500 / plan.connectFourHz) * (0.5 + Math.random()),
    );
  }

  private steer() {
    const view = this.room;
    const game = view?.game;
    if (view?.phase !== "playing" || !game || !this.realtime || this.inFlight >= MAX_IN_FLIGHT) return;
    const move = this.strategy(game, this.seat, Math.random());
    if (move) void this.move(move);
  }

  private async move(move: GameMove) {
    const sentAt = performance.now();
    this.inFlight++;
    const result = await this.request(() => this.client?.move(move));
    this.inFlight--;
    // Ordering makes the ack arrive before the opponent's reply, but never stall a game on it.
    if (!this.realtime && this.room) this.react(this.room);
    if (!result.ok || typeof result.data?.version !== "number") return;
    this.meters.moves++;
    const { version } = result.data;
    const seenAt = this.seenAt.get(version);
    if (seenAt === undefined) {
      this.sentAt.set(version, sentAt);
      return;
    }
    this.meters.rtt(move.mode).record(seenAt - sentAt);
    this.seenAt.delete(version);
  }

  /** Send a request through the SDK, counting it and any error ack by code. */
  private async request<T>(send: () => Promise<RequestResult<T> | undefined> | undefined): Promise<RequestResult<T>> {
    this.meters.requests++;
    const result = (await send()) ?? {
      ok: false as const,
      error: { code: "NOT_CONNECTED" as const, message: "No client." },
    };
    if (!result.ok) this.meters.error(result.error.code);
    return result;
  }
}

/**
 * Milliseconds on the wall clock, finer than `Date.now()`: comparable between
 * the bot workers (processes on one machine), so a line said in one worker
 * can be timed where it is heard in another.
 */
function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}
