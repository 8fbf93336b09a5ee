# Shared set-up for scripts/dev.sh and scripts/test.sh. Needs only Node 20 and npm.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PNPM_VERSION="$(node -p "require('$ROOT/package.json').packageManager.split('@')[1]")"
export TURBO_TELEMETRY_DISABLED=1

log() { printf '\033[1;36m[lobby]\033[0m %s\n' "$*"; }

require_node() {
  if ! command -v node >/dev/null; then
    echo "Node.js 20.19 or newer is required: https://nodejs.org/" >&2
    exit 1
  fi
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  if [ "$major" -lt 20 ]; then
    echo "Node.js 20.19 or newer is required (found $(node --version))." >&2
    exit 1
  fi
}

# pnpm at the version pinned in package.json. Installed into .tools/ when the
# one on PATH differs, so no global install or root is needed.
ensure_pnpm() {
  if [ "$(pnpm --version 2>/dev/null || true)" = "$PNPM_VERSION" ]; then return; fi
  if [ ! -x "$ROOT/.tools/node_modules/.bin/pnpm" ] ||
    [ "$("$ROOT/.tools/node_modules/.bin/pnpm" --version)" != "$PNPM_VERSION" ]; then
    log "installing pnpm $PNPM_VERSION into .tools/"
    npm install --silent --no-audit --no-fund --prefix "$ROOT/.tools" "pnpm@$PNPM_VERSION" >/dev/null
  fi
  export PATH="$ROOT/.tools/node_modules/.bin:$PATH"
}

install_dependencies() {
  log "installing dependencies from the lockfile"
  (cd "$ROOT" && pnpm install --frozen-lockfile --prefer-offline --reporter=append-only | tail -n 3)
}

# How to run apt-get here: prints nothing as root, "sudo" with passwordless sudo.
# Fails when there is no apt-get or no way to run it as root.
apt_sudo() {
  command -v apt-get >/dev/null || return 1
  if [ "$(id -u)" -eq 0 ]; then return 0; fi
  command -v sudo >/dev/null && sudo -n true 2>/dev/null && echo sudo
}

# apt_install SUDO PACKAGE, with SUDO as apt_sudo printed it.
apt_install() {
  $1 apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $1 apt-get install -y -qq "$2" >/dev/null
}

# Playwright cannot download its own browsers here, so the e2e tests use a
# system Chromium: $PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH or Debian's /usr/bin/chromium.
ensure_chromium() {
  local chromium="${PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH:-/usr/bin/chromium}" sudo
  if [ -x "$chromium" ]; then return; fi
  if sudo="$(apt_sudo)"; then
    log "installing Debian's chromium for the browser tests"
    apt_install "$sudo" chromium
    export PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH=/usr/bin/chromium
    return
  fi
  cat >&2 <<MSG
The browser tests need Chromium and none was found at $chromium.
Install it, then run this command again:
  - Debian/Ubuntu: sudo apt-get install -y chromium
  - elsewhere: install Chromium or Google Chrome and set
    PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH=/path/to/chromium
MSG
  exit 1
}

# The Redis tests start their own throwaway redis-server (@lobby/redis-server) and
# need only the binary: redis-server on PATH, or $REDIS_SERVER_BIN. No service is started.
ensure_redis() {
  local redis="${REDIS_SERVER_BIN:-redis-server}" sudo
  if command -v "$redis" >/dev/null; then return; fi
  if sudo="$(apt_sudo)"; then
    log "installing Debian's redis-server for the Redis tests"
    apt_install "$sudo" redis-server
    export REDIS_SERVER_BIN=/usr/bin/redis-server
    return
  fi
  cat >&2 <<MSG
The Redis tests need redis-server and none was found ($redis).
Install it, then run this command again:
  - Debian/Ubuntu: sudo apt-get install -y redis-server
  - elsewhere: install Redis 6 or newer and set
    REDIS_SERVER_BIN=/path/to/redis-server
MSG
  exit 1
}

# The metrics test checks a scrape with Prometheus' promtool: $PROMTOOL_BIN or promtool on PATH,
# from Debian's prometheus package (only the binary is used; no service is started).
ensure_promtool() {
  local promtool="${PROMTOOL_BIN:-promtool}" sudo
  if command -v "$promtool" >/dev/null; then return; fi
  if sudo="$(apt_sudo)"; then
    log "installing Debian's prometheus (for promtool) for the metrics test"
    apt_install "$sudo" prometheus
    return
  fi
  cat >&2 <<MSG
The metrics test needs Prometheus' promtool and none was found ($promtool).
Install it, then run this command again:
  - Debian/Ubuntu: sudo apt-get install -y prometheus
  - elsewhere: download Prometheus (it ships promtool) and set
    PROMTOOL_BIN=/path/to/promtool
MSG
  exit 1
}

# The cluster tests and `pnpm dev:cluster` run behind HAProxy: $HAPROXY_BIN, haproxy on PATH, or
# Debian's /usr/sbin/haproxy (only the binary is used; the cluster starts its own with its own config).
ensure_haproxy() {
  local haproxy="${HAPROXY_BIN:-haproxy}" sudo
  if command -v "$haproxy" >/dev/null || { [ -z "${HAPROXY_BIN:-}" ] && [ -x /usr/sbin/haproxy ]; }; then return; fi
  if sudo="$(apt_sudo)"; then
    log "installing Debian's haproxy for the cluster tests"
    apt_install "$sudo" haproxy
    return
  fi
  cat >&2 <<MSG
The cluster tests need HAProxy and none was found ($haproxy).
Install it, then run this command again:
  - Debian/Ubuntu: sudo apt-get install -y haproxy
  - elsewhere: install HAProxy 2.4 or newer and set
    HAPROXY_BIN=/path/to/haproxy
MSG
  exit 1
}
