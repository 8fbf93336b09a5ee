import { z } from "zod";
import { errorCodes } from "./errors";
import type { ErrorCode } from "./errors";

/** The error half of every acknowledgement. */
export const AckError = z.object({
  code: z.enum(errorCodes as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
});
export type AckError = z.infer<typeof AckError>;

/** Every client event is acknowledged with exactly one of these. */
export type AckResult<T> = { ok: true; data: T } | { ok: false; error: AckError };

/** The callback a client passes as the last argument of an event. */
export type Ack<T> = (result: AckResult<T>) => void;

/** Schema of an acknowledgement whose success data matches `data`. */
export function ackResultSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion("ok", [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: AckError }),
  ]);
}

export function ok<T>(data: T): AckResult<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string): AckResult<never> {
  return { ok: false, error: { code, message } };
}
