"""Batch items under the input limits: a brief past its deadline (`--item-timeout`) or over a limit is a failed item with the fix named, and the batch goes on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from briefpress.batch import Settings
from briefpress.batch.items import Item
from briefpress.batch.work import process_item
from briefpress.limits import ITEM_TIMEOUT_S

from .batch_helpers import BRIEFS, write_jsonl

SRC = Path(__file__).resolve().parents[2] / "src"
CLI = [sys.executable, "-c", "from briefpress.cli import main; main()", "batch"]
STALLING = "Council of Stallbridge approved a STALL on parking fees on Tuesday.\n-\nThe fee freeze lasts a year."


def test_a_stalled_brief_fails_with_the_deadline_named_and_the_others_are_written(
        tmp_path: Path, test_engines: Path) -> None:
    briefs = write_jsonl(tmp_path / "briefs.jsonl", [BRIEFS[0], STALLING, BRIEFS[1]])
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": f"{test_engines}{os.pathsep}{SRC}", "BP_TEST_STALL": "120"}
    # The deadline must part a stall (120 s) from a brief written on a busy 2-core machine: the
    # first brief loads spaCy in the worker, which took over 2 s there while other work ran.
    proc = subprocess.run([*CLI, str(briefs), "-o", str(out), "--engine", "stalling", "--item-timeout", "15",
                           "--date", "2026-11-24", "--no-progress"], env=env, capture_output=True, text=True, timeout=110)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines()[-1].startswith("2 of 3 articles")
    rows = [json.loads(line) for line in (out / "index.jsonl").read_text().splitlines()]
    assert [r["status"] for r in rows] == ["ok", "failed", "ok"]
    assert "stopped after 15 s" in rows[1]["error"] and "--item-timeout" in rows[1]["error"]
    assert len(rows[1]["error"].splitlines()) == 1


def test_the_deadline_is_checked_in_the_worker_itself(test_engines: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("BP_TEST_STALL", "30")
    item = Item(position=0, id="stall", brief=STALLING, brief_name="stall.txt")
    result = process_item(item, Settings(engine="stalling", item_timeout=0.5))
    assert result.status == "failed" and "stopped after 0.5 s" in (result.error or "")
    assert process_item(Item(position=1, id="ok", brief=BRIEFS[2], brief_name="ok.txt"),
                        Settings(engine="stalling", item_timeout=120)).status == "ok"


def test_the_deadline_does_not_change_an_items_key() -> None:
    item = Item(position=0, id="a", brief=BRIEFS[0], brief_name="a.txt")
    assert item.key(Settings(item_timeout=5)) == item.key(Settings()) == item.key(Settings(item_timeout=None))
    assert Settings().item_timeout == ITEM_TIMEOUT_S


def test_briefs_over_the_input_limits_are_failed_items_with_the_fix_named(tmp_path: Path) -> None:
    from briefpress.batch.inputs import load_items
    from briefpress.limits import MAX_FACTS, MAX_JSON_DEPTH

    deep = '{"brief": ' + "[" * 50_000 + "]" * 50_000 + "}"
    many = json.dumps({"title": "Council", "points": [f"Point {i} holds." for i in range(MAX_FACTS + 1)]})
    nul = tmp_path / "folder"
    nul.mkdir()
    (nul / "late-nul.txt").write_bytes(b"The council approved homes. " * 400 + b"\x00")
    lines = tmp_path / "briefs.jsonl"
    lines.write_text(deep + "\n" + many + "\n", encoding="utf-8")
    items = load_items([lines, nul])
    assert f"more than {MAX_JSON_DEPTH} levels" in (items[0].error or "")
    assert "NUL" in (items[2].error or "")
    failed = process_item(items[1], Settings())
    assert failed.status == "failed" and f"more than {MAX_FACTS} sentences" in (failed.error or "")
