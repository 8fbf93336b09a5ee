/**
 * The abuse scenario's attacker: one address (`ATTACKER_ADDRESS`), many
 * connections, no pause. Runs in a worker process of its own, so its loops
 * never hold up an honest bot's event loop. Each lane keeps minting new
 * identities (a handshake without a token), floods every connection with
 * junk, lobby chat, room creation and invite-code guesses, and comes back as
 * someone new whenever it is cut off or refused.
 */
import { createLobbyClient, type LobbyClient, type RequestResult } from "@lobby/client";
import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH } from "@lobby/contracts";
import { setPriority } from "node:os";
import { performance } from "node:perf_hooks";
import type { Socket } from "socket.io-client";
import { emptyAttackCounts, type AttackKind } from "./abuse-metrics";
import { ATTACKER_ADDRESS, forwardedForHeaders } from "./forwarded-for";
import { handshake } from "./handshake";
import { connectErrorKey } from "./meters";
import type { AttackCounts, AttackPlan } from "./protocol";

/** Connections tried side by side: more than the server's default cap per address (20), so the cap is tested too. */
const LANES = 32;
/** Rounds one identity plays before it leaves and comes back as a new one (identity churn). */
const ROUNDS_PER_IDENTITY = 10;
const ACK_TIMEOUT_MS = 5000;
const HANDSHAKE_TIMEOUT_MS = 5000;
/** Whatever the duration, a lane never makes more handshakes than this (the loop is bounded in count, not only in time). */
const MAX_HANDSHAKES_PER_LANE = 100_000;
/**
 * The attacker shares the bots' cores: below their priority it takes only
 * the CPU they leave, so honest players' figures are the server's, not the
 * generator's. (A real attacker has machines of its own.)
 */
const NICENESS = 10;

/** How the server answered one request: accepted, or refused with a code. */
type Outcome = { ok: true } | { ok: false; code: string };

const NOT_CONNECTED = { ok: false, code: "NOT_CONNECTED" } as const satisfies Outcome;

/**
 * An SDK result as an outcome. The SDK answers `TIMEOUT` for any ack that
 * never came, also when the server closed the connection first: that is
 * `NOT_CONNECTED` here, so TIMEOUT means a server too slow to answer.
 */
function outcomeOf(client: LobbyClient, result: RequestResult<unknown>): Outcome {
  if (result.ok) return { ok: true };
  return {
    ok: false,
    code: result.error.code === "TIMEOUT" && !client.socket.connected ? NOT_CONNECTED.code : result.error.code,
  };
}

/** The counts of one attack run, with helpers for tallying them. */
class Tally {
  readonly counts = emptyAttackCounts();

  tried(kind: AttackKind): void {
    this.counts.attempted[kind] = (this.counts.attempted[kind] ?? 0) + 1;
  }

  through(kind: AttackKind): void {
    this.counts.accepted[kind] = (this.counts.accepted[kind] ?? 0) + 1;
  }

  /** Count one attempt of `kind` and its answer; true when the server accepted it. */
  answer(kind: AttackKind, outcome: Outcome): boolean {
    this.tried(kind);
    if (outcome.ok) this.through(kind);
    else this.refused(outcome);
    return outcome.ok;
  }

  /** An error ack, by code (also for requests outside the counted kinds, such as leaving a room). */
  refused(outcome: Outcome): void {
    if (!outcome.ok) this.count(this.counts.errorAcks, outcome.code);
  }

  count(into: Record<string, number>, key: string): void {
    into[key] = (into[key] ?? 0) + 1;
  }
}

/** A reply of unknown shape as an outcome (anything but an ack result is the server's bug: `MALFORMED_ACK`). */
function asOutcome(reply: unknown): Outcome {
  if (typeof reply === "object" && reply !== null && "ok" in reply) {
    if (reply.ok === true) return { ok: true };
    const code = (reply as { error?: { code?: unknown } }).error?.code;
    if (typeof code === "string") return { ok: false, code };
  }
  return { ok: false, code: "MALFORMED_ACK" };
}

/** Emit anything, with an ack, past the SDK's typed surface: that is the point of junk. */
async function emitJunk(socket: Socket, event: string, args: readonly unknown[]): Promise<Outcome> {
  if (!socket.connected) return NOT_CONNECTED;
  try {
    const reply: unknown = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, ...args);
    return asOutcome(reply);
  } catch {
    // A connection closed under a pending ack rejects it too.
    return socket.connected ? { ok: false, code: "TIMEOUT" } : NOT_CONNECTED;
  }
}

/** Junk the edge must refuse: unknown events, malformed payloads, a payload too many, and events without an ack. */
async function junk(client: LobbyClient, tally: Tally): Promise<void> {
  const socket = client.socket as unknown as Socket;
  // Without an ack nothing answers: the attempt is all there is to count.
  for (const [event, payload] of [
    ["queue:join", { mode: "connect-four" }],
    ["admin:shutdown", {}],
  ] as const) {
    if (!socket.connected) break;
    socket.emit(event, payload);
    tally.tried("junk");
  }
  const acked: [string, unknown[]][] = [
    ["admin:shutdown", [{ now: true }]],
    ["queue:join", [{ mode: "chess" }]],
    ["game:move", ["e2e4"]],
    ["room:create", [{ mode: "trails", maxPlayers: 1e9, visibility: "everyone" }]],
    ["chat:send", [{ scope: "lobby", text: "hi" }, "one payload too many"]],
  ];
  const outcomes = await Promise.all(acked.map(([event, args]) => emitJunk(socket, event, args)));
  for (const outcome of outcomes) tally.answer("junk", outcome);
}

function randomCode(): string {
  let code = "";
  for (let i = 0; i < INVITE_CODE_LENGTH; i++)
    code += INVITE_CODE_ALPHABET[Math.floor(Math.random() * INVITE_CODE_ALPHABET.length)];
  return code;
}

/** Guess an invite code; a hit (at 31^6 codes it never should be) is left again at once. */
async function guess(client: LobbyClient, tally: Tally, kind: "join-guess" | "watch-guess"): Promise<void> {
  const code = randomCode();
  const result = await (kind === "join-guess" ? client.joinRoom(code) : client.watchRoom(code));
  if (tally.answer(kind, outcomeOf(client, result))) tally.refused(outcomeOf(client, await client.leaveRoom()));
}

/** One round on an open connection: junk, chat and guesses side by side, then a room created and left. */
async function round(client: LobbyClient, tally: Tally, index: number): Promise<void> {
  await Promise.all([
    junk(client, tally),
    client
      .sendChat("lobby", `cheap gold, visit now #${index}`)
      .then((result) => tally.answer("chat", outcomeOf(client, result))),
    guess(client, tally, "join-guess"),
    guess(client, tally, "watch-guess"),
  ]);
  const created = await client.createRoom("connect-four", {
    maxPlayers: 2,
    visibility: index % 2 === 0 ? "public" : "private",
  });
  if (tally.answer("room", outcomeOf(client, created))) tally.refused(outcomeOf(client, await client.leaveRoom()));
}

/** One lane: a new identity after another, until the deadline. */
async function lane(plan: AttackPlan, tally: Tally, laneIndex: number, deadline: number): Promise<void> {
  for (let n = 0; n < MAX_HANDSHAKES_PER_LANE && Date.now() < deadline; n++) {
    const client = createLobbyClient({
      url: plan.url,
      name: `mallory-${laneIndex}-${n}`,
      reconnection: false,
      pingIntervalMs: 0,
      ackTimeoutMs: ACK_TIMEOUT_MS,
      headers: forwardedForHeaders(ATTACKER_ADDRESS),
    });
    tally.tried("handshake");
    const failure = await handshake(client, HANDSHAKE_TIMEOUT_MS);
    if (failure !== null) {
      client.disconnect();
      tally.count(tally.counts.refusedHandshakes, connectErrorKey(failure));
      continue;
    }
    tally.through("handshake");
    let closedBecause: string | null = null;
    client.on("session:closed", ({ reason }) => {
      closedBecause = reason;
    });
    client.socket.on("disconnect", (reason) => {
      if (reason !== "io client disconnect") tally.count(tally.counts.cutOffs, closedBecause ?? reason);
    });
    for (let r = 0; r < ROUNDS_PER_IDENTITY && client.socket.connected && Date.now() < deadline; r++)
      await round(client, tally, r);
    client.disconnect();
  }
}

/** Attack until `plan.durationMs` has passed (and the last round's answers are in); every connection is closed on return. */
export async function runAttack(plan: AttackPlan): Promise<AttackCounts> {
  try {
    setPriority(NICENESS);
  } catch {
    // Not allowed here: the attacker then competes with the bots as an equal.
  }
  const tally = new Tally();
  const cpuAtStart = process.cpuUsage();
  const startedAt = performance.now();
  const deadline = Date.now() + plan.durationMs;
  await Promise.all(Array.from({ length: LANES }, (_, i) => lane(plan, tally, i, deadline)));
  const cpu = process.cpuUsage(cpuAtStart);
  return { ...tally.counts, cpuMicros: cpu.user + cpu.system, wallMs: performance.now() - startedAt };
}
