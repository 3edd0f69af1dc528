#!/usr/bin/env bash
# Installs and runs the platform: the API on the embedded database (migrated, with demo data).
# Set DATABASE_URL=postgres://… to use PostgreSQL instead.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
bootstrap

say "Build"
pnpm turbo run build --filter @nec/api... --output-logs=errors-only

export NEC_DATA_DIR="${NEC_DATA_DIR:-$ROOT/.data/pglite}"
export NEC_OUTBOX_DIR="${NEC_OUTBOX_DIR:-$ROOT/.outbox}"
say "Database: migrations and demo data"
pnpm --filter @nec/api run --silent migrate
pnpm --filter @nec/api run --silent seed

say "Starting the API (Ctrl-C to stop)"
echo "  Courriels de développement : $NEC_OUTBOX_DIR/*.eml"
exec pnpm --filter @nec/api run --silent start
