"""`briefpress audit` end to end, through the installed command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SOURCE = """Council of Riverton approved a 4.2 million dollar cycle lane network on Tuesday.
-
The plan adds 18 kilometres of protected lanes along the river.
-
Mayor Ana Ruiz said construction starts in March."""
GOOD = "Riverton's council approved a 4.2 million dollar cycle lane network on Tuesday.\n\nWhat happens next?\n"
BAD = GOOD + "\nThe plan adds 25 kilometres of lanes, <b>according</b> to Dr. Helen Marsh.\n"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    # The console script's own entry point, as `briefpress audit ...` runs it.
    code = "import sys; from briefpress.cli import main; sys.argv[0] = 'briefpress'; main()"
    return subprocess.run([sys.executable, "-c", code, "audit", *args], input=stdin,
                          capture_output=True, timeout=120)


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {"source": tmp_path / "brief.txt", "good": tmp_path / "good.txt", "bad": tmp_path / "bad.md"}
    paths["source"].write_text(SOURCE, encoding="utf-8")
    paths["good"].write_text(GOOD, encoding="utf-8")
    paths["bad"].write_text(BAD, encoding="utf-8")
    return paths


def test_json_report(files: dict[str, Path]) -> None:
    proc = run(str(files["bad"]), "--source", str(files["source"]), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["schema"] == "briefpress.report/1"
    verdicts = [s["verdict"] for s in report["sentences"]]
    assert verdicts == ["supported", "no_claim", "contradicted"]
    text = files["bad"].read_text(encoding="utf-8")
    assert all(text[s["start"] : s["end"]] == s["text"] for s in report["sentences"])


def test_fail_on_unsupported_exits_3_only_on_findings(files: dict[str, Path]) -> None:
    bad = run(str(files["bad"]), "--source", str(files["source"]), "--fail-on", "unsupported")
    good = run(str(files["good"]), "--source", str(files["source"]), "--fail-on", "unsupported")
    assert bad.returncode == 3, bad.stderr
    assert good.returncode == 0, good.stderr


def test_table_lists_verdicts_and_summary(files: dict[str, Path]) -> None:
    proc = run(str(files["bad"]), "--source", str(files["source"]), "--format", "table")
    out = proc.stdout.decode()
    assert proc.returncode == 0
    assert "contradicted" in out and "Helen Marsh" in out and "3 sentences, 2 claims" in out


def test_html_escapes_article_text(files: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    proc = run(str(files["bad"]), "--source", str(files["source"]), "--format", "html", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    page = out.read_text(encoding="utf-8")
    assert "&lt;b&gt;according&lt;/b&gt;" in page and "<b>according</b>" not in page


def test_article_from_standard_input(files: dict[str, Path]) -> None:
    proc = run("-", "--source", str(files["source"]), "--format", "json", stdin=GOOD.encode())
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["summary"]["supported"] == 1


def one_line_error(proc: subprocess.CompletedProcess[bytes]) -> str:
    err = proc.stderr.decode().strip()
    assert "Traceback" not in err and len(err.splitlines()) == 1, err
    return err


def test_empty_article_is_bad_input(files: dict[str, Path], tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    proc = run(str(empty), "--source", str(files["source"]))
    assert proc.returncode == 2 and "empty" in one_line_error(proc)


def test_article_without_a_sentence_is_bad_input(files: dict[str, Path], tmp_path: Path) -> None:
    art = tmp_path / "marks.txt"
    art.write_text("...\n\n---\n\n!!!\n", encoding="utf-8")
    proc = run(str(art), "--source", str(files["source"]))
    assert proc.returncode == 2 and "no sentence" in one_line_error(proc)


def test_one_megabyte_article_is_refused_quickly(files: dict[str, Path], tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("The plan adds 18 kilometres of protected lanes. " * 22000, encoding="utf-8")
    assert big.stat().st_size > 1_000_000
    proc = run(str(big), "--source", str(files["source"]))
    assert proc.returncode == 2 and "limit" in one_line_error(proc)


def test_empty_source_is_bad_input(files: dict[str, Path], tmp_path: Path) -> None:
    empty = tmp_path / "empty-source.txt"
    empty.write_bytes(b"")
    proc = run(str(files["good"]), "--source", str(empty))
    assert proc.returncode == 2 and "empty" in one_line_error(proc)


def test_no_source_is_a_usage_error(files: dict[str, Path]) -> None:
    proc = run(str(files["good"]))
    assert proc.returncode == 2 and "--source" in one_line_error(proc)


def test_unknown_format_and_missing_file(files: dict[str, Path]) -> None:
    proc = run(str(files["good"]), "--source", str(files["source"]), "--format", "pdf")
    assert proc.returncode == 2 and "json, table, html" in one_line_error(proc)
    proc = run(str(files["good"]) + ".nope", "--source", str(files["source"]))
    assert proc.returncode == 2 and "no such file" in one_line_error(proc)


def test_unknown_judge_is_a_usage_error(files: dict[str, Path]) -> None:
    proc = run(str(files["good"]), "--source", str(files["source"]), "--judge", "no-such-engine")
    assert proc.returncode == 2 and "no-such-engine" in one_line_error(proc)


def test_audit_finds_a_blamed_deed_told_as_fact(tmp_path: Path) -> None:
    # Every word is the source's; only the blame is gone, so the article states as fact what the
    # source gives as Washington's charge.
    source = tmp_path / "source.txt"
    source.write_text("Washington blamed Russia and the Syrian government for intensifying their attacks "
                      "against civilians.", encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text("Russia and the Syrian government intensified their attacks against civilians.\n",
                       encoding="utf-8")
    proc = run(str(article), "--source", str(source), "--format", "json", "--fail-on", "unsupported")
    assert proc.returncode == 3, proc.stderr
    verdict = json.loads(proc.stdout)["sentences"][0]
    assert verdict["verdict"] == "unsupported"
    assert [r["kind"] for r in verdict["reasons"]] == ["attribution"] and "'blamed'" in verdict["reasons"][0]["detail"]
