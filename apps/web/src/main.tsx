import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app";
import { startAttention } from "./attention-effects";
import { lobbyConnection } from "./lobby-connection";
import { isAdminPath } from "./room-url";
import { startUrlSync } from "./url-sync";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html must contain #root");

if (isAdminPath(window.location.pathname)) {
  // The operators' page is an app of its own, loaded only here: the player app never connects on it.
  import("./admin/admin-main").then(
    ({ startAdmin }) => startAdmin(root),
    (error: unknown) => {
      root.textContent = "The admin page failed to load. Reload to try again.";
      console.error(error);
    },
  );
} else {
  startUrlSync();
  startAttention();
  lobbyConnection.signInOnStartUp();

  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
