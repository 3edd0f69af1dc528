#!/usr/bin/env bash
# Installs and runs the platform: the API on the embedded database (migrated, with demo data)
# and the applicant portal beside it (built, served by `vite preview`, `/api` proxied to the
# API: one origin for the browser, see docs/serving.md). Set DATABASE_URL=postgres://… to use
# PostgreSQL instead.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
bootstrap

API_PORT="${API_PORT:-3000}"
PORTAL_PORT="${PORTAL_PORT:-5173}"

say "Build"
pnpm turbo run build --filter @nec/api... --filter @nec/portal... --filter @nec/reporting... --output-logs=errors-only

export NEC_DATA_DIR="${NEC_DATA_DIR:-$ROOT/.data/pglite}"
export NEC_OUTBOX_DIR="${NEC_OUTBOX_DIR:-$ROOT/.outbox}"
export NEC_PORTAL_URL="${NEC_PORTAL_URL:-http://localhost:$PORTAL_PORT}"
# The demo's addresses for the legal pages (fictitious: .example); a deployment sets its own.
export NEC_CONTACT_EMAIL="${NEC_CONTACT_EMAIL:-contact@nec.example}"
export NEC_DPO_EMAIL="${NEC_DPO_EMAIL:-dpd@nec.example}"
say "Database: migrations and demo data"
pnpm --filter @nec/api run --silent migrate
pnpm --filter @nec/api run --silent seed

say "Starting the API, the portal and the reporting app (Ctrl-C to stop them all)"
REPORTING_PORT="${REPORTING_PORT:-5174}"
mkdir -p "$ROOT/.data"
PORT="$API_PORT" pnpm --filter @nec/api run --silent start &
api_pid=$!
(cd apps/portal && NEC_API_URL="http://127.0.0.1:$API_PORT" PORTAL_PORT="$PORTAL_PORT" pnpm run --silent preview >"$ROOT/.data/portal.log" 2>&1) &
portal_pid=$!
NEC_API_URL="http://127.0.0.1:$API_PORT" REPORTING_PORT="$REPORTING_PORT" \
  pnpm --filter @nec/reporting run --silent preview >"$ROOT/.data/reporting.log" 2>&1 &
reporting_pid=$!
trap 'kill "$api_pid" "$portal_pid" "$reporting_pid" 2>/dev/null; wait' INT TERM EXIT

for _ in $(seq 1 60); do
  node -e "fetch('http://127.0.0.1:$PORTAL_PORT/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))" && break
  sleep 1
done
echo
echo "  Portail des porteurs : http://localhost:$PORTAL_PORT/"
echo "  Pilotage (chiffres, carte, tableau de bord) : http://127.0.0.1:$REPORTING_PORT/"
echo "  API                  : http://127.0.0.1:$API_PORT/api/docs"
echo "  Courriels de développement : $NEC_OUTBOX_DIR/*.eml"
echo "  Compte de démonstration : porteur@nec.example / demo-nec-2026!"
echo "  Agents de démonstration (admin@, instructrice@, analyste@nec.example, même mot de passe) : code de double authentification du moment avec « npm run -s demo-code »"
wait
