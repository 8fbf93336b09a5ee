import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AdminApp } from "./admin-app";
import { adminConnection } from "./admin-connection";
import "../styles/admin.css";
import "../styles/admin-charts.css";
import "../styles/admin-panels.css";
import "../styles/admin-actions.css";

/** The /admin page, in place of the player app: its own store and its own /admin socket, and no /lobby one. */
export function startAdmin(root: HTMLElement): void {
  document.title = "Lobby admin";
  adminConnection.signInOnStartUp();
  createRoot(root).render(
    <StrictMode>
      <AdminApp />
    </StrictMode>,
  );
}
