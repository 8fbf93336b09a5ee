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

# Playwright cannot download its own browsers here, so the e2e tests use a
# system Chromium: $PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH or Debian's /usr/bin/chromium.
ensure_chromium() {
  local chromium="${PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH:-/usr/bin/chromium}"
  if [ -x "$chromium" ]; then return; fi
  if command -v apt-get >/dev/null; then
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
      if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo"; else sudo="none"; fi
    fi
    if [ "$sudo" != "none" ]; then
      log "installing Debian's chromium for the browser tests"
      $sudo apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
      export PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH=/usr/bin/chromium
      return
    fi
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
