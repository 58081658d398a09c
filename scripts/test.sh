#!/usr/bin/env bash
# The whole test suite from scratch: a fresh virtual environment, every dependency, every test.
# Usage: bash scripts/test.sh [pytest args...]     (CI runs this through .ci/run)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${BRIEFPRESS_TEST_VENV:-.venv-test}
PYTHON=${PYTHON:-python3}

rm -rf "$VENV"
"$PYTHON" -m venv "$VENV"
"$VENV/bin/pip" install --quiet --upgrade pip
"$VENV/bin/pip" install --quiet -e '.[test]'

"$VENV/bin/python" -m pytest "$@"
