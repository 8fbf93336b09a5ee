import type { IncomingMessage } from "node:http";

/**
 * Browsers send `Origin` on the websocket upgrade, and CORS does not apply
 * to websockets, so the check happens here: allow non-browser clients (no
 * Origin), the server's own origin, and the configured origins.
 */
export function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (allowed.includes("*") || allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
