#!/usr/bin/env bash
# Start a local Lobby cluster: redis-server, three server nodes and HAProxy in front of them at one
# URL (http://localhost:8080). Installs pnpm, the dependencies, and Debian's redis-server and
# haproxy when missing. Options go to the cluster tool: bash scripts/dev-cluster.sh --help
set -euo pipefail
source "$(dirname "$0")/lib/setup.sh"
require_node
ensure_pnpm
install_dependencies
ensure_redis
ensure_haproxy
cd "$ROOT"
exec pnpm dev:cluster "$@"
