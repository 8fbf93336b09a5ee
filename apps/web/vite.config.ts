import react from "@vitejs/plugin-react";
import { defineConfig, loadEnv } from "vite";

export default defineConfig(({ mode }) => {
  // Only LOBBY_* variables: anything else in the environment stays out of the config.
  const env = loadEnv(mode, ".", "LOBBY_");
  const serverUrl = env.LOBBY_SERVER_URL ?? "http://localhost:3000";

  return {
    plugins: [react()],
    server: {
      port: 5173,
      proxy: {
        // The SDK connects to the page's own origin, so the dev server forwards
        // the Socket.IO traffic (WebSocket only) to the lobby server.
        "/socket.io": { target: serverUrl, ws: true, changeOrigin: true },
      },
    },
    preview: {
      proxy: {
        "/socket.io": { target: serverUrl, ws: true, changeOrigin: true },
      },
    },
    build: {
      outDir: "dist",
      emptyOutDir: true,
    },
  };
});
