import { useLobbyStore } from "../store";

/*
 * While a signed-in player's connection is down, or open but the server does
 * not answer (a stalled node), what is on screen is stale (queue timer,
 * opponent's moves); say so right under the header. A request the server has
 * not answered yet is still being sent, once: say it is on its way, so the
 * player waits for it rather than doing it again.
 */
export function ConnectionBanner() {
  const signedIn = useLobbyStore((s) => s.session !== null);
  const connection = useLobbyStore((s) => s.connection);
  const delayed = useLobbyStore((s) => s.delayedRequests > 0);
  if (!signedIn) return null;
  const lost =
    connection === "reconnecting"
      ? "Connection lost. Trying to reconnect…"
      : connection === "stalled"
        ? "The server isn't answering. Waiting for it…"
        : null;
  if (!lost && !delayed) return null;
  return (
    <div className="connection-banner" role="status">
      <span className="spinner" aria-hidden="true" />
      {lost}
      {lost && delayed ? " " : null}
      {delayed ? "Your last action is on its way — no need to do it again." : null}
    </div>
  );
}
