import type { ConnectionState } from "@lobby/client";
import { useLobbyStore } from "../store";

const LABELS: Record<ConnectionState, string> = {
  idle: "Not connected",
  connecting: "Connecting…",
  connected: "Connected",
  stalled: "Server not answering…",
  reconnecting: "Reconnecting…",
  disconnected: "Offline",
  replaced: "Open in another tab",
};

export function ConnectionIndicator() {
  const state = useLobbyStore((s) => s.connection);
  // Still trying to get in for the first time (unreachable, or turned away as busy): not a reconnection.
  const firstTry = useLobbyStore((s) => s.session === null && s.connection === "reconnecting");
  return (
    <div className="connection" data-testid="connection" data-state={state} role="status">
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-label">{firstTry ? LABELS.connecting : LABELS[state]}</span>
    </div>
  );
}
