import type { ReactNode } from "react";
import { ConnectionIndicator } from "./connection-indicator";
import { SoundToggle } from "./sound-toggle";

export function AppHeader() {
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <Brand />
        <div className="app-header-end">
          <SoundToggle />
          <ConnectionIndicator />
        </div>
      </div>
    </header>
  );
}

/** The mark and the name, with whatever tags along (the admin page's "Admin"). */
export function Brand({ children }: { children?: ReactNode }) {
  return (
    <span className="brand">
      <span className="brand-mark" aria-hidden="true">
        <span data-seat="0" />
        <span data-seat="1" />
        <span data-seat="1" />
        <span data-seat="0" />
      </span>
      <span className="brand-name">Lobby</span>
      {children}
    </span>
  );
}
