import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app";
import { lobbyConnection } from "./lobby-connection";
import { startUrlSync } from "./url-sync";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html must contain #root");

startUrlSync();
lobbyConnection.signInOnStartUp();

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
