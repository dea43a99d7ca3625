#!/usr/bin/env bash
# Runs bench/run.ts, on PGlite and, when a PostgreSQL server is installed, on a throw-away cluster too.
set -euo pipefail
cd "$(dirname "$0")/.."
# Always measure the production bundle a user gets.
NODE_ENV=production npm run --silent build:web
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  exec bash scripts/with-postgres.sh npx tsx bench/run.ts
fi
exec npx tsx bench/run.ts
