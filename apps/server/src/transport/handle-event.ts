import {
  ErrorCode,
  RequestMeta,
  clientEvents,
  fail,
  ok,
  type AckResult,
  type ClientEventName,
  type ClientResult,
  type ParsedClientPayload,
} from "@lobby/contracts";
import { LiveExample, LiveExamples } from "../core/live-example";
import type { Logger } from "../core/logger";
import type { Metrics } from "../metrics/metrics";
import { LobbyError } from "../lobby/lobby-error";
import { asRequest } from "../lobby/operations";
import type { EdgeLimits } from "./rate-limits";
import type { RefusalLog } from "./refusal-log";
import type { LobbySocket, SocketData } from "./types";

/**
 * Handles one parsed event from the connection `who` describes. It may
 * `settle` the ack itself the moment its operation commits (so the ack goes
 * out before any push the operation or a later one causes); otherwise its
 * resolved value is the ack.
 */
export type EventHandler<E extends ClientEventName> = (
  payload: ParsedClientPayload<E>,
  settle: (result: ClientResult<E>) => void,
  who: SocketData,
) => Promise<ClientResult<E>>;

/** A handler for every client event of the contract, made once and shared by every connection. */
export type Handlers = { [E in ClientEventName]: EventHandler<E> };

/** What the edge needs for every event of one connection. */
export interface Edge {
  socket: LobbySocket;
  logger: Logger;
  limits: EdgeLimits;
  /** Where refusals are counted, to be logged as periodic summaries. */
  refusals: RefusalLog;
  /** Where every answer is counted and timed. */
  metrics: Metrics;
  /** Close the connection after persistent abuse. */
  closeForAbuse(): void;
}

const MAX_ISSUE_MESSAGE = 200;

/**
 * Every request's payload (as received, and as parsed) and request id are
 * made and dropped within the request: the latest valid one of each event
 * stays reachable so V8 keeps their layouts (see `LiveExample`).
 */
const receivedPayloads = new LiveExamples<ClientEventName>();
const parsedPayloads = new LiveExamples<ClientEventName>();
const requestIds = new LiveExample<RequestMeta>();

/**
 * Refusals that say the sender is flooding: they feed the abuse meter and
 * the refusal log. Others ("not your turn", "room full") are the ordinary
 * answers of a game and are neither.
 */
const REFUSALS_THAT_COUNT: ReadonlySet<string> = new Set([
  ErrorCode.RateLimited,
  ErrorCode.TooManyRooms,
  ErrorCode.TooManyGuesses,
]);

/**
 * Serve a connection: one listener takes every event it sends. An event of
 * the contract goes to its handler through `handleEvent`; any other is
 * answered with UNKNOWN_EVENT. (One listener per connection, not one per
 * event: a connection holds no closure per event.)
 */
export function serveEvents(edge: Edge, handlers: Handlers): void {
  edge.socket.onAny((event: unknown, ...args: unknown[]) => {
    if (typeof event === "string" && Object.hasOwn(clientEvents, event)) {
      const name = event as ClientEventName;
      void handleEvent(edge, name, handlers[name] as EventHandler<ClientEventName>, args);
    } else {
      refuseUnknown(edge, event, args);
    }
  });
}

/**
 * The one wrapper around every client event: rate-limit it, parse the
 * payload with its contract, run the handler, and turn the outcome —
 * including any thrown error — into exactly one ack. Nothing a client sends
 * can throw past here.
 */
async function handleEvent<E extends ClientEventName>(
  edge: Edge,
  event: E,
  handler: EventHandler<E>,
  args: unknown[],
): Promise<void> {
  const { socket, logger, limits } = edge;
  const ack = args[args.length - 1];
  if (typeof ack !== "function") {
    countRefusal(edge, "NO_ACK");
    return;
  }
  const started = performance.now();
  const reply = (result: AckResult<unknown>) => {
    (ack as (result: AckResult<unknown>) => void)(result);
    edge.metrics.ack(event, result.ok ? "OK" : result.error.code, (performance.now() - started) / 1000);
  };
  if (!limits.allow(event)) {
    refuse(edge, reply, ErrorCode.RateLimited, "Too many requests — slow down.");
    return;
  }
  // The payload, then — for an event that changes something — optionally its envelope (`RequestMeta`).
  const once = clientEvents[event].once;
  if (args.length !== 2 && !(once && args.length === 3)) {
    const shape = once ? "one payload, optionally a request id, and an ack" : "exactly one payload and an ack";
    refuse(edge, reply, ErrorCode.InvalidPayload, `${event} takes ${shape}.`);
    return;
  }
  const meta = args.length === 3 ? RequestMeta.safeParse(args[1]) : null;
  if (meta && !meta.success) {
    refuse(
      edge,
      reply,
      ErrorCode.InvalidPayload,
      `Invalid ${event} request id: ${meta.error.issues[0]?.message ?? "malformed"}`,
    );
    return;
  }
  const parsed = clientEvents[event].payload.safeParse(args[0]);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
    const message = `Invalid ${event} payload${where}: ${issue?.message ?? "malformed"}`;
    refuse(edge, reply, ErrorCode.InvalidPayload, message.slice(0, MAX_ISSUE_MESSAGE));
    return;
  }
  receivedPayloads.keep(event, args[0]);
  parsedPayloads.keep(event, parsed.data);
  if (meta) requestIds.keep(meta.data);
  let settled = false;
  const settle = (data: ClientResult<E>) => {
    if (settled) return;
    settled = true;
    reply(ok(data));
  };
  const request = meta?.success ? { playerId: socket.data.playerId, requestId: meta.data.requestId, event } : null;
  try {
    settle(await handler(parsed.data as ParsedClientPayload<E>, asRequest(request, settle), socket.data));
  } catch (error) {
    if (settled) {
      logger.error("handler failed after answering", { event, playerId: socket.data.playerId, error: String(error) });
      return;
    }
    if (error instanceof LobbyError) {
      reply(fail(error.code, error.message));
      if (REFUSALS_THAT_COUNT.has(error.code)) {
        countRefusal(edge, error.code);
      }
      return;
    }
    logger.error("handler failed", {
      event,
      playerId: socket.data.playerId,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    reply(fail(ErrorCode.Internal, "Something went wrong on the server."));
  }
}

/** Count a refusal in the refusal log and toward closing the connection for abuse. */
function countRefusal(edge: Edge, code: string): void {
  edge.refusals.note(code, edge.socket.data.addressKey);
  if (!edge.limits.refused()) edge.closeForAbuse();
}

/** Answer with a refusal that counts (see `countRefusal`). */
function refuse(edge: Edge, reply: (result: AckResult<unknown>) => void, code: ErrorCode, message: string): void {
  reply(fail(code, message));
  countRefusal(edge, code);
}

/** Answer an event that is not in the contract with UNKNOWN_EVENT. */
function refuseUnknown(edge: Edge, event: unknown, args: unknown[]): void {
  const ack = args[args.length - 1];
  if (typeof ack === "function") {
    (ack as (r: AckResult<never>) => void)(
      fail(ErrorCode.UnknownEvent, `Unknown event "${String(event).slice(0, 64)}".`),
    );
  }
  countRefusal(edge, ErrorCode.UnknownEvent);
}
