import type { IncomingMessage } from "node:http";

/**
 * Browsers send `Origin` on the websocket upgrade, and CORS does not apply
 * to websockets, so the check happens here: allow non-browser clients (no
 * Origin), the configured origins, and the server's own origin. When the
 * server's public host names are configured, `Host` must be one of them:
 * a DNS-rebinding page sends a foreign Origin and the same foreign Host,
 * which would otherwise pass as "the server's own origin".
 */
export function originAllowed(
  req: IncomingMessage,
  allowed: readonly string[],
  publicHosts: readonly string[] = [],
): boolean {
  const host = req.headers.host?.toLowerCase();
  if (publicHosts.length > 0 && !(host && publicHosts.includes(host))) return false;
  const origin = req.headers.origin;
  if (!origin) return true;
  if (allowed.includes("*") || allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
