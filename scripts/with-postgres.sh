#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL cluster on a loopback port, then removes it.
# Usage: scripts/with-postgres.sh <command...>   (the command sees TEST_DATABASE_URL)
# initdb refuses to run as root, so as root the cluster belongs to the postgres user.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "with-postgres: no PostgreSQL server found (run scripts/ensure-tools.sh)" >&2; exit 1; }
port=${PGTEST_PORT:-54329}
dir=$(mktemp -d /tmp/sinergi-pg.XXXXXX)
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$dir"
cleanup() { run "$bin/pg_ctl -D $dir/data -m immediate stop" >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap cleanup EXIT
run "$bin/initdb -D $dir/data -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8" >/dev/null
run "$bin/pg_ctl -D $dir/data -l $dir/log -w -o '-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=${PGTEST_MAX_CONNECTIONS:-100} -c fsync=off -c synchronous_commit=off -c full_page_writes=off' start" >/dev/null
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
"$@"
