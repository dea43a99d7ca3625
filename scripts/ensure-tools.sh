#!/usr/bin/env bash
# Installs what the full test suite needs and a fresh Debian machine lacks: PostgreSQL (server and
# contrib, for the integration tests on the second engine) and Chromium (for the browser tests).
# Needs root (CI runs as root); prints what it does and leaves an installed machine alone.
set -euo pipefail
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql postgresql-contrib)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# Fonts with Indonesian and symbol glyphs, so screenshots and PDFs render text.
dpkg -s fonts-noto-core >/dev/null 2>&1 || need+=(fonts-noto-core)
if [ ${#need[@]} -eq 0 ]; then
  echo "ensure-tools: PostgreSQL and Chromium are present"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "ensure-tools: missing ${need[*]}; install them as root: apt-get install ${need[*]}" >&2
  exit 1
fi
echo "ensure-tools: installing ${need[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
