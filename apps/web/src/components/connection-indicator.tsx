import type { ConnectionState } from "@lobby/client";
import { useLobbyStore } from "../store";

const LABELS: Record<ConnectionState, string> = {
  idle: "Not connected",
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Reconnecting…",
  disconnected: "Offline",
  replaced: "Open in another tab",
};

export function ConnectionIndicator() {
  const state = useLobbyStore((s) => s.connection);
  return (
    <div className="connection" data-testid="connection" data-state={state} role="status">
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-label">{LABELS[state]}</span>
    </div>
  );
}
