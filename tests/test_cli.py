"""The CLI end to end, as a user runs it: exit codes and one-line errors, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES

TAKAICHI = str(EXAMPLES / "takaichi-brief.txt")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "briefpress.cli", *args], input=stdin, capture_output=True, timeout=120
    )


def assert_one_line_error(proc: subprocess.CompletedProcess[bytes], code: int, *words: str) -> None:
    err = proc.stderr.decode()
    assert proc.returncode == code, err
    assert proc.stdout == b""
    assert err.count("\n") == 1 and err.startswith("briefpress: error: "), err
    assert "Traceback" not in err
    for word in words:
        assert word in err, err


def test_write_text_prints_every_part_of_the_layout() -> None:
    proc = run("write", TAKAICHI, "--engine", "extractive", "--format", "text")
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode()
    for heading in ("Frequently Asked Questions", "Key Takeaways", "Conclusion"):
        assert f"\n{heading}\n" in out
    assert out.startswith("Japan’s new Prime Minister Sanae Takaichi")
    assert "\n-\n" in out


def test_write_json_to_file_with_options(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    proc = run(
        "write", TAKAICHI, "--engine", "extractive", "--format", "json", "-o", str(target),
        "--keyphrase", "Japan-U.S. alliance", "--author", "Jane Doe", "--date", "2026-10-25",
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout == b""
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["keyphrase"] == "Japan-U.S. alliance"
    assert "Japan-U.S. alliance".lower() in data["meta_description"].lower()
    assert data["author"] == "Jane Doe" and data["date_published"] == "2026-10-25T00:00:00+00:00"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]  # no temporary file left behind


def test_write_reads_standard_input_and_sources(tmp_path: Path) -> None:
    extra = tmp_path / "extra.txt"
    extra.write_text("Takaichi took office earlier in October. The yen was steady.", encoding="utf-8")
    proc = run("write", "-", "--source", str(extra), "--format", "json", stdin=Path(TAKAICHI).read_bytes())
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(proc.stdout)
    assert {s["id"] for s in data["sources"]} == {"S1", "S2"}
    assert data["sources"][0]["name"] == "<stdin>" and data["sources"][1]["name"] == "extra.txt"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", ("empty",)),
        (b"  \n \n", ("empty",)),
        (b"-\n-\n", ("no sentence",)),
        (b"caf\xe9 au lait", ("UTF-8",)),
        (b"\x00\x01\x02\x03PK\x00\x00", ("binary",)),
        (b"A sentence here. " * 130_000, ("2 MB",)),
    ],
    ids=["empty", "blank", "no-sentence", "invalid-utf8", "binary", "too-large"],
)
def test_bad_input_files(tmp_path: Path, content: bytes, words: tuple[str, ...]) -> None:
    path = tmp_path / "brief.txt"
    path.write_bytes(content)
    assert_one_line_error(run("write", str(path)), 2, *words)


def test_bad_source_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfd")
    assert_one_line_error(run("write", TAKAICHI, "--source", str(bad)), 2, "bad.txt", "UTF-8")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--engine", "nonesuch"), ("unknown engine 'nonesuch'", "extractive")),
        (("--format", "pdf"), ("unknown format 'pdf'", "text, md, html, json")),
        (("--date", "yesterday"), ("ISO 8601",)),
        (("--bogus",), ("--bogus", "--help")),
    ],
)
def test_usage_errors(args: tuple[str, ...], words: tuple[str, ...]) -> None:
    assert_one_line_error(run("write", TAKAICHI, *args), 2, *words)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert_one_line_error(run("write", str(tmp_path / "nope.txt")), 2, "no such file")
    assert_one_line_error(run("write", str(tmp_path)), 2, "folder")
    assert_one_line_error(run("write", TAKAICHI, "-o", str(tmp_path / "missing" / "a.txt")), 2, "does not exist")


def test_internal_error_exits_1_without_traceback_unless_debug(tmp_path: Path) -> None:
    # A registered engine that crashes stands in for a bug anywhere inside the pipeline.
    plugin = tmp_path / "crashing_engine.py"
    plugin.write_text(
        "from briefpress.engines.base import Engine\n"
        "class Crashing(Engine):\n"
        "    name = 'crashing'\n"
        "    def write(self, run, outline, progress=None):\n"
        "        raise RuntimeError('boom')\n",
        encoding="utf-8",
    )
    dist = tmp_path / "crashing_engine-0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: crashing-engine\nVersion: 0\n")
    (dist / "entry_points.txt").write_text("[briefpress.engines]\ncrashing = crashing_engine:Crashing\n")
    env_path = f"{tmp_path}"
    code = (
        f"import sys; sys.path.insert(0, {env_path!r}); from briefpress.cli import main; main(sys.argv[1:])"
    )
    args = ["write", TAKAICHI, "--engine", "crashing"]
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, timeout=60)
    assert_one_line_error(proc, 1, "internal error", "boom", "--debug")
    proc = subprocess.run([sys.executable, "-c", code, *args, "--debug"], capture_output=True, timeout=60)
    assert proc.returncode == 1 and b"Traceback" in proc.stderr


def test_engines_lists_extractive() -> None:
    proc = run("engines")
    assert proc.returncode == 0
    assert any(line.startswith("extractive") and "ready" in line for line in proc.stdout.decode().splitlines())


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://news.example.com", "news.example.com"])
def test_site_url_must_be_http_or_https(url: str) -> None:
    proc = run("write", TAKAICHI, "--engine", "extractive", "--site-url", url)
    assert_one_line_error(proc, 2, "--site-url", "https://")


def test_engines_hides_the_test_engine_unless_asked() -> None:
    listed = [line.split()[0] for line in run("engines").stdout.decode().splitlines()]
    assert "scripted" not in listed and "extractive" in listed
    assert "scripted" in [line.split()[0] for line in run("engines", "--all").stdout.decode().splitlines()]
