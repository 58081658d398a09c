"""The openai engine's error paths, for real: a llama.cpp server with a key, a server that is
stopped, a path with no API, and a loopback HTTP server that answers 503 and 429 (retries)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from briefpress.engines.openai_engine import OpenAIEngine
from briefpress.errors import EngineError

from .conftest import ROOT, Server, make_run, needs_server
from .test_contract import TAKAICHI

pytest.importorskip("openai")

ANSWER = {
    "id": "x", "object": "chat.completion", "created": 0, "model": "m",
    "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": '{"sentences": [{"text": "Takaichi conveyed gratitude for Trump\'s congratulations.", "facts": ["F2"]}]}'}}],
    "usage": {"prompt_tokens": 10, "completion_tokens": 12, "total_tokens": 22},
}


class Flaky(BaseHTTPRequestHandler):
    """Fails the first ``failures`` chat requests with ``status``, then answers."""

    failures = 2
    status = 503
    posts = 0

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, code: int, body: dict[str, object]) -> None:
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self._send(200, {"object": "list", "data": [{"id": "m", "object": "model", "created": 0, "owned_by": "t"}]})

    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        type(self).posts += 1
        if type(self).posts <= type(self).failures:
            self._send(type(self).status, {"error": {"message": "busy", "type": "server_error"}})
        else:
            self._send(200, ANSWER)


@pytest.fixture
def flaky() -> Iterator[tuple[str, type[Flaky], ThreadingHTTPServer]]:
    handler = type("Handler", (Flaky,), {"posts": 0})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", handler, server
    finally:
        server.shutdown()
        server.server_close()


def _one_part(engine: OpenAIEngine) -> str:
    run, outline = make_run(TAKAICHI)
    from briefpress.engines.prompts import part_specs
    from briefpress.engines.session import Session

    session = Session(engine, run, outline, None, engine.grounding_check)
    engine._begin(session.prefix)
    spec = part_specs(outline, session.alias_of)["conclusion"]
    return session.ask(spec).text


def test_5xx_answers_are_retried_with_backoff(flaky: tuple[str, type[Flaky], ThreadingHTTPServer]) -> None:
    url, handler, _ = flaky
    handler.failures, handler.status = 2, 503
    text = _one_part(OpenAIEngine(model="m", base_url=url, api_key="k", max_retries=3, timeout=10))
    assert "gratitude" in text
    assert handler.posts == 3


def test_429_that_never_ends_is_one_line_naming_the_wait(flaky: tuple[str, type[Flaky], ThreadingHTTPServer]) -> None:
    url, handler, _ = flaky
    handler.failures, handler.status = 99, 429
    with pytest.raises(EngineError, match=r"rate limiting \(429\) after 1 retries; wait and try again"):
        _one_part(OpenAIEngine(model="m", base_url=url, api_key="k", max_retries=1, timeout=10))
    assert handler.posts == 2


def test_a_stopped_server_is_connection_refused(flaky: tuple[str, type[Flaky], ThreadingHTTPServer]) -> None:
    url, _, server = flaky
    server.shutdown()
    server.server_close()
    engine = OpenAIEngine(model="m", base_url=url, api_key="k", max_retries=0, timeout=5)
    with pytest.raises(EngineError, match=r"cannot connect to .*; start the server or fix --base-url"):
        _one_part(engine)
    state = engine.state()
    assert not state.ready and "cannot connect" in state.detail


@needs_server
def test_a_bad_key_is_refused_by_the_real_server(llama_server: Server) -> None:
    engine = OpenAIEngine(model=llama_server.model, base_url=llama_server.base_url, api_key="wrong", max_retries=0)
    with pytest.raises(EngineError, match=r"refused the API key \(401\); set BRIEFPRESS_API_KEY or OPENAI_API_KEY"):
        _one_part(engine)
    assert not engine.state().ready


@needs_server
def test_an_unknown_model_names_the_served_ones(llama_server: Server) -> None:
    engine = OpenAIEngine(model="no-such-model", base_url=llama_server.base_url, api_key=llama_server.api_key)
    with pytest.raises(EngineError, match=r"model 'no-such-model' is not served at .*choose one of: smollm2"):
        _one_part(engine)


@needs_server
def test_a_base_url_without_the_api_path_is_a_404_naming_the_fix(llama_server: Server) -> None:
    root = llama_server.base_url.removesuffix("/v1") + "/nothing-here"
    engine = OpenAIEngine(model=llama_server.model, base_url=root, api_key=llama_server.api_key, max_retries=0)
    with pytest.raises(EngineError, match=r"\(404\); check --base-url"):
        _one_part(engine)


@needs_server
def test_state_shows_a_reachable_server_and_its_models(llama_server: Server) -> None:
    state = OpenAIEngine(base_url=llama_server.base_url, api_key=llama_server.api_key).state()
    assert state.ready and "reachable" in state.detail and "smollm2" in state.detail


@needs_server
def test_cli_bad_key_is_one_line_and_exit_1(llama_server: Server, tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", "from briefpress.cli import main; main()", "write", str(ROOT / "examples" / "takaichi-brief.txt"),
         "--engine", "openai", "--base-url", llama_server.base_url, "--model", llama_server.model],
        capture_output=True, timeout=120, env={"PATH": "/usr/bin:/bin", "BRIEFPRESS_API_KEY": "wrong", "HOME": str(tmp_path)},
    )
    err = proc.stderr.decode()
    assert proc.returncode == 1, err
    assert err.count("\n") == 1 and err.startswith("briefpress: error: ") and "401" in err, err
    assert proc.stdout == b""
