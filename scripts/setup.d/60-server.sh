#!/usr/bin/env bash
# HTTP API, store and web editor: the server extra, PostgreSQL on loopback for the store tests,
# and Debian's Chromium driven by Playwright for the editor's browser test (no browser download:
# the tests launch /usr/bin/chromium; `playwright install` is never run).
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${VENV:?set VENV to the virtual environment}"

"$VENV/bin/pip" install --quiet -e '.[server,server-test]'

export DEBIAN_FRONTEND=noninteractive
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# PostgreSQL: the first cluster, started, listening on loopback only, with a test role that may
# create databases (each test session makes its own and drops it).
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "60-server: pg_lsclusters not found; the PostgreSQL tests will skip" >&2
  exit 0
fi
read -r ver name port status _ < <(pg_lsclusters --no-header | head -n 1) || true
if [ -z "${ver:-}" ]; then
  ver=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
  name=main
  pg_createcluster "$ver" "$name" >/dev/null
  read -r ver name port status _ < <(pg_lsclusters --no-header | head -n 1)
fi
conf="/etc/postgresql/$ver/$name/postgresql.conf"
if [ -f "$conf" ]; then  # loopback only: the tests never need more
  sed -i "s/^#\?listen_addresses = .*/listen_addresses = '127.0.0.1'/" "$conf"
fi
if [ "$status" != "online" ]; then
  pg_ctlcluster "$ver" "$name" start
fi
runuser -u postgres -- psql -p "$port" -qtAc \
  "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'briefpress_test') THEN
     CREATE ROLE briefpress_test LOGIN CREATEDB PASSWORD 'briefpress_test'; END IF; END \$\$;"
echo "60-server: PostgreSQL $ver on 127.0.0.1:$port (role briefpress_test)"
