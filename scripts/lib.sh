# Shared by scripts/start.sh and scripts/test.sh. Needs only Node.js (>= 20.19) and npm.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PNPM_VERSION="12.21.0"
export TURBO_TELEMETRY_DISABLED=1
export NEXT_TELEMETRY_DISABLED=1
export npm_config_update_notifier=false

say() { printf '\033[1;34m▸ [%dm%02ds] %s\033[0m\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*"; }

check_node() {
  local version major minor
  version="$(node -p 'process.versions.node')"
  major="${version%%.*}"
  minor="$(echo "$version" | cut -d. -f2)"
  if [ "$major" -lt 20 ] || { [ "$major" -eq 20 ] && [ "$minor" -lt 19 ]; }; then
    echo "Node.js >= 20.19 est requis (trouvé : $version)." >&2
    exit 1
  fi
}

# pnpm is installed inside the repository (.tools/), never globally: corepack cannot fetch
# it on these machines, and a pinned local copy behaves the same everywhere.
ensure_pnpm() {
  local bin="$ROOT/.tools/node_modules/.bin"
  if [ ! -x "$bin/pnpm" ] || [ "$("$bin/pnpm" --version)" != "$PNPM_VERSION" ]; then
    say "Installation de pnpm $PNPM_VERSION dans .tools/"
    npm install --prefix "$ROOT/.tools" --no-fund --no-audit --loglevel=error "pnpm@$PNPM_VERSION" >/dev/null
  fi
  export PATH="$bin:$PATH"
}

install_dependencies() {
  say "Installation des dépendances (pnpm install)"
  (cd "$ROOT" && pnpm install --frozen-lockfile --reporter=append-only | tail -n 3)
}

bootstrap() {
  check_node
  ensure_pnpm
  install_dependencies
}

# The machine's PostgreSQL (CI and developers' machines of this kind); tests make their own
# databases in it and drop them after.
postgres_ready() {
  node -e "
    const s = require('net').connect(5432, '127.0.0.1');
    s.on('connect', () => { s.end(); process.exit(0); });
    s.on('error', () => process.exit(1));
  " 2>/dev/null
}

ensure_postgres() {
  if postgres_ready; then return 0; fi
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    say "Démarrage de PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
    for _ in $(seq 1 20); do postgres_ready && return 0; sleep 0.5; done
  fi
  return 1
}

# The browser of the end-to-end tests and the screenshots: Debian's chromium, never a browser
# downloaded by Playwright (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 everywhere).
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
ensure_chromium() {
  if [ -x "$CHROMIUM_PATH" ]; then return 0; fi
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    say "Installation de Chromium (paquet Debian) pour les tests de bout en bout"
    (apt-get install -y chromium >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y chromium >/dev/null 2>&1; }) || true
  fi
  [ -x "$CHROMIUM_PATH" ]
}
