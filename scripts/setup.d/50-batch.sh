#!/usr/bin/env bash
# `briefpress batch`: feedparser for feeds, Ray for the cluster runner (the tests start a local Ray).
set -euo pipefail
cd "$(dirname "$0")/../.."
"$VENV/bin/pip" install --quiet -e ".[batch]"
"$VENV/bin/python" -c "import feedparser, ray" >/dev/null
