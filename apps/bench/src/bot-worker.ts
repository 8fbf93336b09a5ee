/**
 * A bot worker process: holds a share of the bots, runs the coordinator's
 * commands on all of them, and reports progress twice a second. Started by
 * `worker-pool.ts` over IPC; never run by hand.
 */
import { Bot } from "./bot";
import { runAttack } from "./attacker";
import { runChurn } from "./churn";
import { honestAddress } from "./forwarded-for";
import { Meters, emptyChatCounts } from "./meters";
import {
  urlForBot,
  type AttackCounts,
  type Command,
  type Request,
  type WorkerMessage,
  type WorkerMetrics,
} from "./protocol";

const meters = new Meters();
let bots: Bot[] = [];

function snapshot(): WorkerMetrics {
  return meters.snapshot(bots.map((bot) => bot.tracker.counts));
}

/** Poll `done` until it holds or the time is up (the bench's only waits are bounded). */
async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

async function spawnBots(command: Extract<Command, { kind: "spawn" }>): Promise<void> {
  // The first bots of a scenario: dropped connections and chat are counted per scenario.
  if (bots.length === 0) {
    meters.drops = {};
    meters.chat = emptyChatCounts();
  }
  const fresh = command.modes.map((mode, i) => {
    const index = command.firstIndex + i;
    return new Bot(index, mode, meters, command.forwardedFor ? honestAddress(index) : null);
  });
  bots.push(...fresh);
  let next = 0;
  // A bounded number of handshakes in flight, so the server's accept backlog never overflows.
  const lane = async () => {
    for (let bot = fresh[next++]; bot; bot = fresh[next++]) {
      if (await bot.connect(urlForBot(command.urls, bot.index))) meters.connected++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, command.concurrency) }, lane));
}

async function queueBots(timeoutMs: number): Promise<void> {
  const waiting = bots.filter((bot) => bot.connected && !bot.seated && !bot.queued);
  await Promise.all(waiting.map((bot) => bot.quickMatch()));
  await until(() => waiting.every((bot) => bot.seated || !bot.connected), timeoutMs);
  meters.seatFailures += waiting.filter((bot) => !bot.seated).length;
}

/**
 * Seat the worker's unseated bots in private rooms of `roomSize` (the last
 * may be smaller): each group's first bot makes the room, the others join it
 * by its invite code, all at once.
 */
async function gather(roomSize: number, timeoutMs: number): Promise<void> {
  const free = bots.filter((bot) => bot.connected && !bot.seated && !bot.queued);
  const groups: Bot[][] = [];
  for (let i = 0; i < free.length; i += roomSize) groups.push(free.slice(i, i + roomSize));
  await Promise.all(
    groups.map(async ([host, ...guests]) => {
      const code = host ? await host.createRoom(roomSize) : null;
      if (code) await Promise.all(guests.map((guest) => guest.joinRoom(code)));
    }),
  );
  await until(() => free.every((bot) => bot.seated || !bot.connected), timeoutMs);
  meters.seatFailures += free.filter((bot) => !bot.seated).length;
}

async function stop(drainMs: number): Promise<void> {
  for (const bot of bots) bot.stopPlaying();
  // Let answers to the last moves, and states still on their way, arrive before calling anything
  // missing lost: done as soon as nothing is outstanding, at most `drainMs`.
  await until(() => bots.every((bot) => bot.settled()), drainMs);
  for (const bot of bots) meters.lost += bot.takeLost();
}

/** Run one command (`reset` is answered at once, below); only `attack` has more to tell than the worker's metrics. */
async function run(command: Exclude<Command, { kind: "reset" }>): Promise<AttackCounts | null> {
  if (command.kind === "attack") return runAttack(command.plan);
  await runBots(command);
  return null;
}

/** Start a new measurement window. */
function reset(): void {
  meters.reset();
  for (const bot of bots) bot.tracker.resetCounts();
}

async function runBots(command: Exclude<Command, { kind: "attack" | "reset" }>): Promise<void> {
  switch (command.kind) {
    case "spawn":
      return spawnBots(command);
    case "queue":
      return queueBots(command.timeoutMs);
    case "await-playing": {
      const seated = bots.filter((bot) => bot.seated);
      return until(() => seated.every((bot) => bot.room?.phase === "playing" || !bot.connected), command.timeoutMs);
    }
    case "play":
      for (const bot of bots) if (bot.seated) bot.play(command.plan);
      return;
    case "gather":
      return gather(command.roomSize, command.timeoutMs);
    case "chat":
      for (const bot of bots) if (bot.seated) bot.chat(command.plan);
      return;
    case "stop":
      return stop(command.drainMs);
    case "snapshot":
      return;
    case "churn":
      return runChurn(bots, command.plan, meters);
    case "disconnect":
      for (const bot of bots) bot.disconnect(true);
      meters.connected = 0;
      bots = [];
      return;
    case "exit":
      process.exit(0);
  }
}

function send(message: WorkerMessage): void {
  process.send?.(message);
}

process.on("message", (raw) => {
  const { id, command } = raw as Request;
  if (command.kind === "reset") {
    // A reset answers with what it is about to clear, so no count can fall between a snapshot and the reset.
    const metrics = snapshot();
    reset();
    send({ id, ok: true, metrics });
    return;
  }
  run(command).then(
    (attack) => send({ id, ok: true, metrics: snapshot(), ...(attack ? { attack } : {}) }),
    (error: unknown) =>
      send({ id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});

setInterval(() => {
  let connected = 0;
  let seated = 0;
  let playing = 0;
  for (const bot of bots) {
    if (!bot.connected) continue;
    connected++;
    if (bot.seated) seated++;
    if (bot.playing) playing++;
  }
  const cpu = process.cpuUsage();
  send({ type: "progress", connected, seated, playing, events: meters.eventsTotal, cpuMicros: cpu.user + cpu.system });
}, 500).unref();

send({ type: "ready" });

// The coordinator went away: never linger with open sockets.
process.on("disconnect", () => process.exit(0));
