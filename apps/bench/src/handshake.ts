import type { LobbyClient } from "@lobby/client";

const CONNECT_TIMEOUT_MS = 20_000;

/**
 * Open `client` and wait for its session: null on success, else why it
 * failed. With reconnection off the SDK's `connect()` never settles on a
 * transport error (the socket stays "active"), so this races it against
 * `connect_error` and a timeout.
 */
export async function handshake(client: LobbyClient): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const failed = new Promise<string>((resolve) => {
    client.socket.once("connect_error", (error: Error & { description?: { message?: unknown } | string }) => {
      // Transport errors (ECONNREFUSED, EMFILE…) hide in the engine.io error's description.
      const cause = typeof error.description === "string" ? error.description : error.description?.message;
      resolve(`${error.message}${typeof cause === "string" ? ` ${cause}` : ""}`);
    });
    timer = setTimeout(() => resolve("connect timeout"), CONNECT_TIMEOUT_MS);
  });
  const outcome = await Promise.race([client.connect().then(() => null, (e: Error) => e.message), failed]);
  clearTimeout(timer);
  return outcome ?? (client.session ? null : "no session");
}
