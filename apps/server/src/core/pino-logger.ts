import pino, { type DestinationStream } from "pino";
import type { LogFields, Logger } from "./logger";

export interface PinoLoggerOptions {
  /** The least important level written (`LOG_LEVEL`). */
  level: string;
  /** `json`: one JSON object a line; `pretty`: readable lines (`LOG_FORMAT`). */
  format: "json" | "pretty";
  /** Written on every line as `node`. */
  nodeId: string;
  /** Where JSON lines go (standard output when absent); tests pass their own. */
  destination?: DestinationStream;
}

/**
 * The server's logger, over `pino`: one JSON object a line in production
 * (`{"level":"info","time":…,"node":…,"message":…, …fields}`), readable
 * coloured lines with `pretty` (through `pino-pretty`, in a worker thread, as
 * `pnpm dev` runs it). Every line carries the node's id; lines about a
 * player carry `playerId` (callers pass it in `fields`).
 */
export function pinoLogger(options: PinoLoggerOptions): Logger {
  const settings: pino.LoggerOptions = {
    level: options.level,
    base: { node: options.nodeId },
    messageKey: "message",
    timestamp: pino.stdTimeFunctions.isoTime,
    // Level names rather than numbers: lines read the same as anywhere else.
    formatters: { level: (label) => ({ level: label }) },
  };
  const log =
    options.format === "pretty"
      ? pino({
          ...settings,
          formatters: {},
          transport: {
            target: "pino-pretty",
            options: { messageKey: "message", translateTime: "HH:MM:ss.l", ignore: "pid,hostname" },
          },
        })
      : options.destination
        ? pino(settings, options.destination)
        : pino(settings);
  const write = (level: "info" | "warn" | "error") => (message: string, fields?: LogFields) => {
    if (fields) log[level](fields, message);
    else log[level](message);
  };
  return { info: write("info"), warn: write("warn"), error: write("error") };
}
