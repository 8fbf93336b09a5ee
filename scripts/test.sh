#!/usr/bin/env bash
# Run every test: typecheck, lint, unit and integration (vitest), then the
# browser journeys (Playwright) against the production build.
set -euo pipefail
source "$(dirname "$0")/lib/setup.sh"
require_node
ensure_pnpm
install_dependencies
ensure_chromium
ensure_redis
ensure_promtool
ensure_haproxy
cd "$ROOT"
started=$(date +%s)
pnpm run test:all
log "all tests passed in $(($(date +%s) - started)) s"
