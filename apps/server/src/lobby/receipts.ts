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
/** The most bytes (JSON) a player's kept answers take; the newest is kept whatever its size. */
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
  const bytes = key.requestId.length + key.event.length + (JSON.stringify(kept)?.length ?? 0);
  return { id: key.requestId, event: key.event, at: now, answer: kept, bytes };
}
