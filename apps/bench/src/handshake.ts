import { HandshakeError, handshakeRefusal, type LobbyClient } from "@lobby/client";

const CONNECT_TIMEOUT_MS = 20_000;

/**
 * Why a handshake failed, as one line: `refused CODE: message` when the server
 * refused it (`connect_error` data, or the SDK's `HandshakeError`), so the
 * report can count refusals by code; otherwise the transport error.
 */
export function describeHandshakeFailure(error: unknown): string {
  if (error instanceof HandshakeError) return `refused ${error.code}: ${error.message}`;
  const refusal = handshakeRefusal(error);
  if (refusal) return `refused ${refusal.code}: ${refusal.message}`;
  if (!(error instanceof Error)) return String(error);
  // Transport errors (ECONNREFUSED, EMFILE…) hide in the engine.io error's description.
  const description = (error as Error & { description?: { message?: unknown } | string }).description;
  const cause = typeof description === "string" ? description : description?.message;
  return `${error.message}${typeof cause === "string" ? ` ${cause}` : ""}`;
}

/**
 * Open `client` and wait for its session: null on success, else why it
 * failed (see `describeHandshakeFailure`). With reconnection off the SDK's
 * `connect()` may not settle on a transport error (the socket stays
 * "active"), so this races it against `connect_error` and a timeout.
 */
export async function handshake(client: LobbyClient, timeoutMs = CONNECT_TIMEOUT_MS): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const failed = new Promise<string>((resolve) => {
    client.socket.once("connect_error", (error: Error) => resolve(describeHandshakeFailure(error)));
    timer = setTimeout(() => resolve("connect timeout"), timeoutMs);
  });
  const outcome = await Promise.race([client.connect().then(() => null, describeHandshakeFailure), failed]);
  clearTimeout(timer);
  return outcome ?? (client.session ? null : "no session");
}
