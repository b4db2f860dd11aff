#!/usr/bin/env bash
# Runs Playwright against a fresh local database, without the rest of npm test:
#   scripts/e2e-dev.sh [playwright args]
# E2E_DEV_DB, E2E_PORT and E2E_COLLAB_PORT let several runs share a machine.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${E2E_DEV_DB:-factcheck_e2e_dev}
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" postgres
export E2E_DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$db"
export E2E_ADMIN_PASSWORD=admin-dev-password E2E_EDITOR_PASSWORD=editor-dev-password E2E_REVIEWER_PASSWORD=reviewer-dev-password
exec npx playwright test "$@"
