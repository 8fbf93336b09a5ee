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
exec pnpm dev
