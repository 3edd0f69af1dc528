#!/usr/bin/env bash
# Every check of the project: lint, types, unit and HTTP tests on the embedded database,
# then the API suite again on PostgreSQL. The README's test command and what CI runs.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
bootstrap

say "Formatting (prettier)"
pnpm run --silent format:check

say "TypeScript examples of the documentation (tsc)"
node scripts/check-doc-code.mjs

say "Build, lint, typecheck and tests (embedded database)"
pnpm turbo run build lint typecheck test --output-logs=errors-only

if ensure_chromium; then
  say "End-to-end tests of the portal (Debian chromium, real API, axe-core on every page)"
  pnpm --filter @nec/portal run e2e
  say "End-to-end tests of the reporting app (Debian chromium, real API, axe-core on every page)"
  CHROME_PATH="$CHROMIUM_PATH" pnpm --filter @nec/reporting run --silent e2e
elif [ "${CI:-}" = "true" ]; then
  echo "Chromium ($CHROMIUM_PATH) is missing and could not be installed: CI needs it." >&2
  exit 1
else
  say "Chromium unavailable: end-to-end tests skipped (CI runs them)."
fi

if ensure_postgres; then
  say "API tests on PostgreSQL (127.0.0.1:5432)"
  NEC_TEST_DATABASE=postgres pnpm --filter @nec/api test
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is not reachable on 127.0.0.1:5432: CI needs it." >&2
  exit 1
else
  say "PostgreSQL unreachable on 127.0.0.1:5432: API tests on PostgreSQL skipped (CI runs them)."
fi
say "All checks passed."
