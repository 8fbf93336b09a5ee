import { ErrorCode } from "@lobby/contracts";
import { LobbyError } from "./lobby-error";
import type { RequestReceipt } from "./store";

/*
 * Requests applied once (`RequestMeta`): the answers a player's requests
 * with ids got, kept so that a second try of one is answered, not applied
 * again. Bounded per player in time, count and bytes, and they go with the
 * player's record; so per address by the sessions an address may hold.
 */

/** How long an answer is kept for a second try: well past the SDK's retries (`retryForMs`, 30 s). */
export const RECEIPT_WINDOW_MS = 60_000;
/** A player's latest answers kept at most. */
export const RECEIPTS_KEPT = 16;
/** The most bytes (as JSON, by `jsonSize`) a player's kept answers take; the newest is kept whatever its size. */
export const RECEIPT_BYTES = 64 * 1024;

/** Which request an operation is: a player's, by the id the client gave it. */
export interface RequestKey {
  playerId: string;
  requestId: string;
  event: string;
}

/**
 * The answer this request already got, if it was applied within the window.
 * The same id on another event is refused: its answer would be of another shape.
 */
export function findReceipt(
  receipts: readonly RequestReceipt[],
  key: RequestKey,
  now: number,
): RequestReceipt | undefined {
  const found = receipts.find((r) => r.id === key.requestId && now - r.at < RECEIPT_WINDOW_MS);
  if (found && found.event !== key.event) {
    throw new LobbyError(ErrorCode.InvalidPayload, "That request id was already used for another request.");
  }
  return found;
}

/** The player's receipts with `added` in front: those out of the window dropped, then the oldest beyond the bounds. */
export function withReceipt(receipts: readonly RequestReceipt[], added: RequestReceipt): RequestReceipt[] {
  const kept = [added];
  let bytes = added.bytes;
  for (const receipt of receipts) {
    if (kept.length >= RECEIPTS_KEPT || added.at - receipt.at >= RECEIPT_WINDOW_MS) break;
    bytes += receipt.bytes;
    if (bytes > RECEIPT_BYTES) break;
    if (receipt.id !== added.id) kept.push(receipt);
  }
  return kept;
}

/** A receipt for `answer`, applied now. */
export function receiptFor(key: RequestKey, answer: unknown, now: number): RequestReceipt {
  const kept = answer ?? null;
  const bytes = key.requestId.length + key.event.length + jsonSize(kept);
  return { id: key.requestId, event: key.event, at: now, answer: kept, bytes };
}

/** What `jsonSize` counts for a number: as long as a millisecond timestamp, longer than a rating or a count. */
const NUMBER_SIZE = 16;

/**
 * About the size of `value` as JSON, without encoding it: every answer with
 * an id is measured, and encoding a room's view was 8 % of the lobby core's
 * CPU per seat (the transport encodes it once more to send it). Strings
 * count their length and quotes (escapes are not counted, so a string full
 * of quotes counts about half its JSON), numbers `NUMBER_SIZE`; punctuation
 * is counted as JSON writes it. Answers are the lobby's own objects: no cycles.
 */
export function jsonSize(value: unknown): number {
  switch (typeof value) {
    case "string":
      return value.length + 2;
    case "number":
      return NUMBER_SIZE;
    case "boolean":
      return value ? 4 : 5;
    case "object": {
      if (value === null) return 4;
      if (Array.isArray(value)) {
        let size = 2 + Math.max(0, value.length - 1);
        for (const item of value as unknown[]) size += item === undefined ? 4 : jsonSize(item);
        return size;
      }
      let size = 2;
      let fields = 0;
      for (const key in value) {
        const field = (value as Record<string, unknown>)[key];
        if (field === undefined || typeof field === "function") continue;
        size += key.length + 3 + jsonSize(field);
        fields++;
      }
      return size + Math.max(0, fields - 1);
    }
    default:
      return 0;
  }
}
