import { ConnectionIndicator } from "./connection-indicator";

export function AppHeader() {
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">
            <span data-seat="0" />
            <span data-seat="1" />
            <span data-seat="1" />
            <span data-seat="0" />
          </span>
          <span className="brand-name">Lobby</span>
        </span>
        <ConnectionIndicator />
      </div>
    </header>
  );
}
