import react from "@vitejs/plugin-react";
import { createLogger, defineConfig, loadEnv, type Logger } from "vite";

/**
 * Vite's logger, less one routine message: every closed tab resets its
 * proxied websocket, and Vite prints each reset (`ECONNRESET`) as a "ws proxy
 * error" with a stack trace, which reads like a crash. Everything else is
 * logged as Vite logs it.
 */
function quietProxyResets(): Logger {
  const logger = createLogger();
  const error = logger.error.bind(logger);
  logger.error = (message, options) => {
    const code = (options?.error as NodeJS.ErrnoException | null | undefined)?.code;
    if (code === "ECONNRESET" && message.includes("ws proxy")) return;
    error(message, options);
  };
  return logger;
}

export default defineConfig(({ mode }) => {
  // Only LOBBY_* variables: anything else in the environment stays out of the config.
  const env = loadEnv(mode, ".", "LOBBY_");
  const serverUrl = env.LOBBY_SERVER_URL ?? "http://localhost:3000";
  // LOBBY_DEV_HOST=0.0.0.0 lets other devices on the network (a phone) open the dev server.
  const host = env.LOBBY_DEV_HOST ?? "localhost";
  // Opened from another device, the page's origin is that address, not one the server allows:
  // the proxy presents the server's own origin instead (development only; production checks origins).
  const socketProxy = { target: serverUrl, ws: true, changeOrigin: true, rewriteWsOrigin: host !== "localhost" };

  return {
    plugins: [react()],
    customLogger: quietProxyResets(),
    server: {
      host,
      port: 5173,
      proxy: {
        // The SDK connects to the page's own origin, so the dev server forwards
        // the Socket.IO traffic (WebSocket only) to the lobby server.
        "/socket.io": socketProxy,
      },
    },
    preview: {
      proxy: {
        "/socket.io": socketProxy,
      },
    },
    build: {
      outDir: "dist",
      emptyOutDir: true,
    },
  };
});
