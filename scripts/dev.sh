#!/usr/bin/env bash
# Start Lobby for development: the server (tsx, watching) and the web app
# (Vite, proxying /socket.io to the server). Open http://localhost:5173.
set -euo pipefail
source "$(dirname "$0")/lib/setup.sh"
require_node
ensure_pnpm
install_dependencies
log "starting the server and the web app — open http://localhost:5173"
cd "$ROOT"
# Ctrl-C stops every process; pnpm would report each of them as "ELIFECYCLE Command failed".
# Their own output (the server's errors included) still shows.
export npm_config_loglevel=silent
exec pnpm dev
