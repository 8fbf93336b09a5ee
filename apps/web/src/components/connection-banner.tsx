import { useLobbyStore } from "../store";

/*
 * While a signed-in player's connection is down, what is on screen is stale
 * (queue timer, opponent's moves); say so right under the header.
 */
export function ConnectionBanner() {
  const lost = useLobbyStore((s) => s.session !== null && s.connection === "reconnecting");
  if (!lost) return null;
  return (
    <div className="connection-banner">
      <span className="spinner" aria-hidden="true" />
      Connection lost. Trying to reconnect…
    </div>
  );
}
