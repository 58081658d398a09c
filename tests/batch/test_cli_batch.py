"""`briefpress batch` as a user runs it: a real process, killed with SIGKILL or SIGINT mid-run, resumed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .batch_helpers import BRIEFS, bench_sources, write_jsonl

psutil = pytest.importorskip("psutil")  # part of the batch extra

CLI = [sys.executable, "-c", "from briefpress.cli import main; main()", "batch"]
ITEMS = 12


def _run(args: list[str], env: dict[str, str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(CLI + args, env=env, check=False, capture_output=True, text=True, timeout=600, **kwargs)  # type: ignore[call-overload]


def _start(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    # Ctrl-C restored: a suite started in the background (`bash scripts/test.sh &`) inherits SIGINT
    # ignored, and Python keeps an ignored SIGINT ignored.
    return subprocess.Popen(CLI + args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def _outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())
            if p.is_file() and not p.name.startswith((".", "index."))}


def _journal_lines(folder: Path) -> int:
    path = folder / ".batch" / "journal.jsonl"
    return len(path.read_text().splitlines()) if path.exists() else 0


def _wait_for_progress(proc: subprocess.Popen[str], folder: Path, lines: int) -> None:
    deadline = time.monotonic() + 120
    while _journal_lines(folder) < lines:
        assert proc.poll() is None, f"the batch ended before it could be interrupted: {proc.communicate()}"
        assert time.monotonic() < deadline, "the batch made no progress"
        time.sleep(0.02)


def _temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


@pytest.fixture
def slow_env(test_engines: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(test_engines), "BP_TEST_DELAY": "0.08"}


@pytest.fixture
def briefs(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "briefs.jsonl", bench_sources(ITEMS))


ARGS = ["--engine", "slowextractive", "--format", "json,html", "--date", "2026-11-24T09:00:00Z", "--jobs", "2"]


def test_kill_9_mid_run_then_resume_gives_the_same_bytes_as_an_uninterrupted_run(
        tmp_path: Path, slow_env: dict[str, str], briefs: Path) -> None:
    whole = _run([str(briefs), "-o", str(tmp_path / "whole"), *ARGS], slow_env)
    assert whole.returncode == 0, whole.stderr
    reference = _outputs(tmp_path / "whole")
    assert len(reference) == 2 * ITEMS

    cut = tmp_path / "cut"
    proc = _start([str(briefs), "-o", str(cut), *ARGS], slow_env)
    _wait_for_progress(proc, cut, 3)
    os.killpg(proc.pid, signal.SIGKILL)  # the driver and its workers, as `kill -9` of the job does
    proc.wait(timeout=30)
    kept = _journal_lines(cut)
    assert 3 <= kept < ITEMS
    partial = _outputs(cut)
    # Whatever file is there is whole: byte-identical to the uninterrupted run's file of that name.
    assert partial and all(reference.get(name) == data for name, data in partial.items())
    assert len(partial) >= 2 * kept  # every journalled item has both its files

    again = _run([str(briefs), "-o", str(cut), *ARGS], slow_env)
    assert again.returncode == 2 and "--resume" in again.stderr  # never mixes into a batch by accident
    resumed = _run([str(briefs), "-o", str(cut), *ARGS, "--resume"], slow_env)
    assert resumed.returncode == 0, resumed.stderr
    assert _outputs(cut) == reference
    assert not _temp_files(cut)
    rows = [json.loads(line) for line in (cut / "index.jsonl").read_text().splitlines()]
    assert [r["status"] for r in rows] == ["ok"] * ITEMS
    assert sum(r["reused"] for r in rows) >= kept  # nothing finished before the kill was redone
    assert f"({sum(r['reused'] for r in rows)} from an earlier run)" in resumed.stderr


def test_workers_exit_when_the_driver_is_killed(tmp_path: Path, slow_env: dict[str, str], briefs: Path) -> None:
    proc = _start([str(briefs), "-o", str(tmp_path / "out"), *ARGS], slow_env)
    _wait_for_progress(proc, tmp_path / "out", 1)
    children = psutil.Process(proc.pid).children(recursive=True)
    assert children
    os.kill(proc.pid, signal.SIGKILL)  # the driver alone
    proc.wait(timeout=30)
    _, alive = psutil.wait_procs(children, timeout=20)
    assert not alive


def test_ctrl_c_keeps_finished_items_writes_the_index_and_says_how_to_resume(
        tmp_path: Path, slow_env: dict[str, str], briefs: Path) -> None:
    out = tmp_path / "out"
    # Slower items than the other tests: on a busy machine the whole batch at 0.08 s an item
    # could finish between the second journal line and the signal.
    proc = _start([str(briefs), "-o", str(out), *ARGS], {**slow_env, "BP_TEST_DELAY": "0.5"})
    _wait_for_progress(proc, out, 2)
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "interrupted" in stderr and "--resume" in stderr and "Traceback" not in stderr
    rows = [json.loads(line) for line in (out / "index.jsonl").read_text().splitlines()]
    statuses = {r["status"] for r in rows}
    assert len(rows) == ITEMS and statuses <= {"ok", "pending"} and "pending" in statuses and "ok" in statuses
    assert not _temp_files(out)
    resumed = _run([str(briefs), "-o", str(out), *ARGS, "--resume"], slow_env)
    assert resumed.returncode == 0, resumed.stderr
    assert len(_outputs(out)) == 2 * ITEMS


def test_progress_bar_failures_and_exit_code(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "b.jsonl", BRIEFS, extra=['{"brief": "  "}'])
    env = {**os.environ, "COLUMNS": "200"}
    result = _run([str(src), "-o", str(tmp_path / "out"), "--date", "2026-11-24"], env)
    assert result.returncode == 1
    assert "4/4" in result.stderr and "ETA" in result.stderr  # the bar, on stderr
    assert "failed: b.jsonl:4" in result.stderr
    assert "3 of 4 articles" in result.stderr and "--retry-failed" in result.stderr
    assert result.stdout == ""
    bad = _run(["nothing-here.jsonl", "-o", str(tmp_path / "x")], env)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "no such file" in bad.stderr


def test_outputs_do_not_depend_on_the_callers_string_hash_seed(tmp_path: Path) -> None:
    # Sources whose verification once depended on set iteration order: the batch pins the seed.
    sources = [s for s in bench_sources(40) if "Julian Hernandez" in s or "Sunderland" in s][:2]
    src = write_jsonl(tmp_path / "b.jsonl", sources)
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = _run([str(src), "-o", str(tmp_path / seed), "--date", "2026-11-24", "--no-progress"], env)
        assert result.returncode == 0, result.stderr
    assert len(_outputs(tmp_path / "1")) == 2
    assert _outputs(tmp_path / "1") == _outputs(tmp_path / "2")
