#!/usr/bin/env bash
# Installs and runs the platform: the API on the embedded database (migrated, with demo data).
# Set DATABASE_URL=postgres://… to use PostgreSQL instead.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
bootstrap

say "Build"
pnpm turbo run build --filter @nec/api... --filter @nec/reporting --output-logs=errors-only

export NEC_DATA_DIR="${NEC_DATA_DIR:-$ROOT/.data/pglite}"
export NEC_OUTBOX_DIR="${NEC_OUTBOX_DIR:-$ROOT/.outbox}"
say "Database: migrations and demo data"
pnpm --filter @nec/api run --silent migrate
pnpm --filter @nec/api run --silent seed

# The reporting app (built above), served by `vite preview`, its `/api` proxied to the API.
REPORTING_PORT="${REPORTING_PORT:-5174}"
mkdir -p "$ROOT/.data"
NEC_API_URL="${NEC_API_URL:-http://127.0.0.1:${PORT:-3000}}" REPORTING_PORT="$REPORTING_PORT" \
  pnpm --filter @nec/reporting run --silent preview >"$ROOT/.data/reporting.log" 2>&1 &
REPORTING_PID=$!
trap 'kill "$REPORTING_PID" 2>/dev/null || true' EXIT INT TERM

say "Starting the API (Ctrl-C to stop)"
echo "  Pilotage (chiffres, carte, tableau de bord) : http://127.0.0.1:$REPORTING_PORT/"
echo "  Courriels de développement : $NEC_OUTBOX_DIR/*.eml"
pnpm --filter @nec/api run --silent start
