import {
  ErrorCode,
  clientEvents,
  fail,
  ok,
  type AckResult,
  type ClientEventName,
  type ClientResult,
  type ParsedClientPayload,
} from "@lobby/contracts";
import type { Logger } from "../core/logger";
import { LobbyError } from "../lobby/lobby-error";
import type { EdgeLimits } from "./rate-limits";
import type { LobbySocket } from "./types";

export type EventHandler<E extends ClientEventName> = (
  payload: ParsedClientPayload<E>,
) => Promise<ClientResult<E>>;

/** What the edge needs for every event of one connection. */
export interface Edge {
  socket: LobbySocket;
  logger: Logger;
  limits: EdgeLimits;
  /** Close the connection after persistent abuse. */
  closeForAbuse(): void;
}

const MAX_ISSUE_MESSAGE = 200;

/**
 * The one wrapper around every client event: rate-limit it, parse the
 * payload with its contract, run the handler, and turn the outcome —
 * including any thrown error — into exactly one ack. Nothing a client sends
 * can throw past here.
 */
export function handleEvent<E extends ClientEventName>(edge: Edge, event: E, handler: EventHandler<E>): void {
  const { socket, logger, limits } = edge;
  const schema = clientEvents[event].payload;
  const refuse = (reply: (result: AckResult<unknown>) => void, code: ErrorCode, message: string) => {
    reply(fail(code, message));
    if (!limits.refused()) edge.closeForAbuse();
  };
  const listener = async (...args: unknown[]) => {
    const ack = args[args.length - 1];
    if (typeof ack !== "function") {
      logger.warn("event without ack dropped", { event, playerId: socket.data.playerId });
      if (!limits.refused()) edge.closeForAbuse();
      return;
    }
    const reply = ack as (result: AckResult<unknown>) => void;
    if (!limits.allow(event)) {
      refuse(reply, ErrorCode.RateLimited, "Too many requests — slow down.");
      return;
    }
    if (args.length !== 2) {
      refuse(reply, ErrorCode.InvalidPayload, `${event} takes exactly one payload and an ack.`);
      return;
    }
    const parsed = schema.safeParse(args[0]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
      const message = `Invalid ${event} payload${where}: ${issue?.message ?? "malformed"}`;
      refuse(reply, ErrorCode.InvalidPayload, message.slice(0, MAX_ISSUE_MESSAGE));
      return;
    }
    try {
      const data = await handler(parsed.data as ParsedClientPayload<E>);
      reply(ok(data));
    } catch (error) {
      if (error instanceof LobbyError) {
        reply(fail(error.code, error.message));
        if (error.code === ErrorCode.RateLimited && !limits.refused()) edge.closeForAbuse();
        return;
      }
      logger.error("handler failed", {
        event,
        playerId: socket.data.playerId,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      reply(fail(ErrorCode.Internal, "Something went wrong on the server."));
    }
  };
  (socket as unknown as { on(event: string, fn: (...args: unknown[]) => void): void }).on(
    event,
    (...args) => void listener(...args),
  );
}

/** Answer events that are not in the contract with UNKNOWN_EVENT. */
export function refuseUnknownEvents(edge: Edge): void {
  const { socket, logger, limits } = edge;
  socket.onAny((event: unknown, ...args: unknown[]) => {
    if (typeof event === "string" && Object.hasOwn(clientEvents, event)) return;
    const ack = args[args.length - 1];
    if (typeof ack === "function") {
      (ack as (r: AckResult<never>) => void)(
        fail(ErrorCode.UnknownEvent, `Unknown event "${String(event).slice(0, 64)}".`),
      );
    } else {
      logger.warn("unknown event without ack dropped", { playerId: socket.data.playerId });
    }
    if (!limits.refused()) edge.closeForAbuse();
  });
}
