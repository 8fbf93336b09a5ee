/**
 * The bare baseline: a minimal Socket.IO 4.8 lobby that speaks the same
 * events and ack shapes as Lobby for what the bots use, with no
 * validation, no sessions, no rules and no limits. The bench runs it next to
 * Lobby so every figure has a "what Socket.IO alone costs" reference.
 * Run as its own process: `node --import tsx baseline-server.ts` with PORT,
 * HOST, COUNTDOWN_MS and QUICK_MATCH_WAIT_MS in the environment.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { PerformanceObserver, monitorEventLoopDelay } from "node:perf_hooks";
import { Server, type Socket } from "socket.io";

type Ack = (result: unknown) => void;
interface Player {
  id: string;
  name: string;
  socket: Socket;
  mode: string | null;
  room: Room | null;
}
interface Room {
  id: string;
  mode: string;
  version: number;
  phase: "waiting" | "countdown" | "playing";
  /** A private room's size (rooms made by `room:create`); quick-match rooms take their mode's. */
  maxPlayers?: number;
  seats: Player[];
  game: Record<string, unknown> | null;
  timer: NodeJS.Timeout | null;
}

const env = (key: string, fallback: number) => Number(process.env[key] ?? fallback);
const countdownMs = env("COUNTDOWN_MS", 3000);
const waitMs = env("QUICK_MATCH_WAIT_MS", 5000);
const SIZES: Record<string, number> = { "connect-four": 2, trails: 8 };
const queues = new Map<string, Player[]>(Object.keys(SIZES).map((mode) => [mode, []]));
const waitTimers = new Map<string, NodeJS.Timeout>();
const rooms = new Map<string, Room>();
/** Private rooms by invite code. */
const byCode = new Map<string, Room>();
const players = new Map<string, Player>();
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
// Garbage-collection pauses since the start, as Lobby's stats count them.
const gcPauses = { pauses: 0, pauseMs: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcPauses.pauses++;
    gcPauses.pauseMs += entry.duration;
  }
}).observe({ entryTypes: ["gc"] });

const http = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://baseline.invalid");
  const body = url.pathname === "/healthz" ? { status: "ok" } : url.pathname === "/debug/stats" ? stats(url) : null;
  res.writeHead(body ? 200 : 404, { "content-type": "application/json" }).end(JSON.stringify(body));
});
// Same transport as Lobby (websocket only), but no connection state recovery, CORS or packet limits.
const nsp = new Server(http, { transports: ["websocket"], serveClient: false }).of("/lobby");

const view = (r: Room) => ({
  id: r.id,
  code: r.id.slice(0, 6).toUpperCase(),
  kind: r.maxPlayers ? "custom" : "quick",
  mode: r.mode,
  visibility: r.maxPlayers ? "private" : "public",
  maxPlayers: r.maxPlayers ?? SIZES[r.mode],
  hostId: r.seats[0]?.id ?? null,
  phase: r.phase,
  version: r.version,
  round: 1,
  countdownEndsAt: null,
  spectatorCount: 0,
  game: r.game,
  result: null,
  seats: r.seats.map((p, seat) => ({
    seat,
    player: { id: p.id, name: p.name },
    status: "connected",
    ready: true,
    graceEndsAt: null,
    wantsRematch: false,
  })),
});
const push = (r: Room) => {
  r.version++;
  nsp.to(r.id).emit("room:state", view(r));
};

function newGame(r: Room): Record<string, unknown> {
  if (r.mode === "connect-four") {
    return {
      mode: "connect-four",
      rows: 6,
      columns: 7,
      board: Array<null>(42).fill(null),
      turn: 0,
      moves: 0,
      lastMove: null,
      winLine: null,
    };
  }
  const [width, height] = r.seats.length <= 4 ? [40, 30] : [48, 36];
  const riders = r.seats.map((_, seat) => ({
    seat,
    x: 3 + seat,
    y: 3 + 3 * seat,
    direction: "right",
    alive: true,
    length: 1,
    crashedAt: null,
  }));
  return {
    mode: "trails",
    width,
    height,
    tick: 0,
    tickMs: 100,
    maxTicks: 1200,
    cells: ".".repeat(width * height),
    riders,
  };
}

function makeRoom(mode: string, seats: Player[]) {
  const room: Room = {
    id: randomBytes(6).toString("hex"),
    mode,
    version: 0,
    phase: "countdown",
    seats,
    game: null,
    timer: null,
  };
  rooms.set(room.id, room);
  for (const p of seats) {
    Object.assign(p, { mode: null, room });
    void p.socket.join(room.id);
    p.socket.emit("queue:status", { state: "matched", mode, roomId: room.id });
  }
  push(room);
  room.timer = setTimeout(() => {
    Object.assign(room, { phase: "playing", game: newGame(room) });
    push(room);
    // Trails runs on a 10 Hz clock in Lobby; the baseline pushes at the same rhythm.
    if (mode === "trails")
      room.timer = setInterval(() => {
        (room.game as { tick: number }).tick++;
        push(room);
      }, 100);
  }, countdownMs);
}

function match(mode: string) {
  const queue = queues.get(mode) ?? [];
  const size = SIZES[mode] ?? 2;
  while (queue.length >= size) makeRoom(mode, queue.splice(0, size));
  // Fewer than a full room: those waiting start together after the quick-match wait.
  if (queue.length >= 2 && !waitTimers.has(mode)) {
    waitTimers.set(
      mode,
      setTimeout(() => {
        waitTimers.delete(mode);
        if (queue.length >= 2) makeRoom(mode, queue.splice(0, size));
      }, waitMs),
    );
  }
}

function status(p: Player) {
  if (p.room) return { state: "matched", mode: p.room.mode, roomId: p.room.id };
  return p.mode ? { state: "queued", mode: p.mode, joinedAt: Date.now() } : { state: "idle" };
}

function leave(p: Player) {
  // In place: the quick-match wait timer holds this very array.
  const queue = p.mode ? (queues.get(p.mode) ?? []) : [];
  if (queue.includes(p)) queue.splice(queue.indexOf(p), 1);
  const room = p.room;
  Object.assign(p, { mode: null, room: null });
  if (!room) return;
  void p.socket.leave(room.id);
  room.seats = room.seats.filter((q) => q !== p);
  if (room.seats.length > 0) return push(room);
  if (room.timer) clearTimeout(room.timer);
  if (room.timer) clearInterval(room.timer);
  rooms.delete(room.id);
  byCode.delete(view(room).code);
}

function move(p: Player, m: { column?: number; direction?: string } | undefined) {
  const room = p.room;
  const game = room?.game;
  if (!room || !game) return { ok: false, error: { code: "GAME_NOT_RUNNING", message: "No game." } };
  if (room.mode === "connect-four") {
    const board = game.board as (number | null)[];
    const column = m?.column ?? 0;
    let row = 5;
    while (row >= 0 && board[row * 7 + column] !== null) row--;
    if (row >= 0) board[row * 7 + column] = game.turn as number;
    // No rules, no game end: a full board just starts over, so the bots never stall.
    if (!board.slice(0, 7).includes(null)) board.fill(null);
    Object.assign(game, {
      turn: 1 - (game.turn as number),
      moves: (game.moves as number) + 1,
      lastMove: { row, column },
    });
  } else {
    const rider = (game.riders as { direction: string }[])[room.seats.indexOf(p)];
    if (rider && m?.direction) rider.direction = m.direction;
  }
  push(room);
  return { ok: true, data: { version: room.version } };
}

nsp.on("connection", (socket) => {
  const auth = socket.handshake.auth as { name?: string; token?: string };
  const p: Player = {
    id: auth.token ?? randomBytes(8).toString("hex"),
    name: String(auth.name),
    socket,
    mode: null,
    room: null,
  };
  players.set(socket.id, p);
  socket.emit("session:ready", {
    player: { id: p.id, name: p.name },
    modes: [],
    serverTime: Date.now(),
    token: p.id,
    resumed: false,
  });
  // The SDK may send a request id between the payload and the ack (`emit(event, payload, { requestId }, ack)`);
  // the baseline applies nothing twice anyway, so it only takes the ack from the end.
  const answer =
    <P>(fn: (payload: P, ack?: Ack) => void) =>
    (payload: P, ...rest: unknown[]) => {
      const ack = rest.at(-1);
      fn(payload, typeof ack === "function" ? (ack as Ack) : undefined);
    };
  const on = (event: string, fn: (payload: Record<string, unknown>) => unknown) =>
    socket.on(
      event,
      answer((payload: Record<string, unknown>, ack) => ack?.({ ok: true, data: fn(payload ?? {}) })),
    );
  on("session:ping", () => ({ serverTime: Date.now() }));
  on("queue:join", ({ mode }) => {
    // The one check the baseline keeps: a player in two places would leave a zombie room behind.
    if (p.room || p.mode) return status(p);
    p.mode = String(mode);
    queues.get(p.mode)?.push(p);
    match(p.mode);
    return status(p);
  });
  on("queue:leave", () => {
    leave(p);
    return { state: "idle" };
  });
  on("room:leave", () => {
    leave(p);
    return null;
  });
  socket.on(
    "game:move",
    answer(({ move: m }: { move?: { column?: number; direction?: string } }, ack) => ack?.(move(p, m))),
  );
  on("game:rematch", () => null);
  // A private room by invite code, and chat in it: what a bare server needs for the chat scenario.
  on("room:create", ({ mode, maxPlayers }) => {
    if (p.room || p.mode) return null;
    const room: Room = {
      id: randomBytes(6).toString("hex"),
      mode: String(mode),
      version: 0,
      phase: "waiting",
      seats: [p],
      game: null,
      timer: null,
      maxPlayers: Number(maxPlayers),
    };
    rooms.set(room.id, room);
    byCode.set(view(room).code, room);
    p.room = room;
    void socket.join(room.id);
    room.version++;
    return view(room);
  });
  socket.on(
    "room:join",
    answer(({ code }: { code?: string }, ack) => {
      const room = byCode.get(String(code));
      if (!room || p.room || p.mode)
        return ack?.({ ok: false, error: { code: "ROOM_NOT_FOUND", message: "No room." } });
      room.seats.push(p);
      p.room = room;
      void socket.join(room.id);
      push(room);
      ack?.({ ok: true, data: view(room) });
    }),
  );
  socket.on(
    "chat:send",
    answer(({ text }: { text?: string }, ack) => {
      const room = p.room;
      if (!room) return ack?.({ ok: false, error: { code: "NOT_IN_ROOM", message: "No room." } });
      const message = {
        id: randomBytes(6).toString("hex"),
        scope: "room",
        roomId: room.id,
        kind: "user",
        from: { id: p.id, name: p.name },
        text: String(text),
        at: Date.now(),
      };
      // To the others; the sender has it in the answer.
      socket.to(room.id).emit("chat:message", message);
      ack?.({ ok: true, data: message });
    }),
  );
  socket.on("disconnect", () => {
    leave(p);
    players.delete(socket.id);
  });
});

function stats(url: URL) {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (url.searchParams.has("gc")) gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  const cpu = process.cpuUsage();
  const figures = {
    memory: { rssBytes: rss, heapUsedBytes: heapUsed, collected: url.searchParams.has("gc") && !!gc },
    cpu: { userMicros: cpu.user, systemMicros: cpu.system },
    gc: { ...gcPauses },
    eventLoopDelayMs: { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
    lobby: {
      players: players.size,
      away: 0,
      rooms: rooms.size ? { playing: rooms.size } : {},
      queues: Object.fromEntries([...queues].map(([mode, q]) => [mode, q.length])),
      violations: 0,
      firstViolations: [],
    },
  };
  if (url.searchParams.has("reset")) loop.reset();
  return figures;
}

http.listen(env("PORT", 3100), process.env.HOST ?? "127.0.0.1", () => console.info("baseline listening"));
process.on("SIGTERM", () => process.exit(0));
process.on("SIGINT", () => process.exit(0));
