#!/usr/bin/env bash
# Runs a command against a throw-away Citus cluster (a coordinator and two workers, PostgreSQL 15
# with Citus 13.2) on loopback ports, then removes it. Builds Citus first when it is missing
# (vendor/citus/build.sh, about 2 minutes; root).
# Usage: scripts/with-citus.sh <command...>   (the command sees TEST_DATABASE_URL and TEST_CITUS=1)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
if [[ ! -f /usr/lib/postgresql/15/lib/citus.so ]]; then
  [ "$(id -u)" = 0 ] || { echo "with-citus: Citus is not installed; run vendor/citus/build.sh as root" >&2; exit 1; }
  bash "$here/vendor/citus/build.sh"
fi
port=${CITUS_PORT:-9720}
dir=$(mktemp -d /tmp/sinergi-citus.XXXXXX)
cleanup() { bash "$here/vendor/citus/cluster.sh" down "$dir" >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap cleanup EXIT
bash "$here/vendor/citus/cluster.sh" up "$dir" "$port" 2
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
export TEST_CITUS=1
"$@"
