#!/usr/bin/env bash
# The whole test suite from scratch: a fresh virtual environment, every dependency, the lint and
# type gate, every test.
# Usage: bash scripts/test.sh [pytest args...]     (CI runs this through .ci/run)
#
# Each part of briefpress that needs more than pip's base install (a model package, a system
# service, a browser, node) has its own step in scripts/setup.d/, run in name order with VENV set.
set -euo pipefail
cd "$(dirname "$0")/.."
export VENV=${BRIEFPRESS_TEST_VENV:-$PWD/.venv-test}
PYTHON=${PYTHON:-python3}

echo "== fresh virtual environment in $VENV"
rm -rf "$VENV"
"$PYTHON" -m venv "$VENV"
"$VENV/bin/pip" install --quiet --upgrade pip
"$VENV/bin/pip" install --quiet -e '.[test]'

for step in scripts/setup.d/*.sh; do
  [ -e "$step" ] || continue
  echo "== setup: $step"
  bash "$step"
done

# The gate: lint and types first, so a finding fails the run before the long test suite starts.
echo "== lint: ruff check src tests bench"
"$VENV/bin/ruff" check src tests bench
echo "== types: mypy (src, as configured in pyproject.toml)"
"$VENV/bin/mypy"

echo "== tests"
"$VENV/bin/python" -m pytest "$@"
