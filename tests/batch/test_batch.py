"""run_batch: packages and index, byte-identical reruns, resume, failures, retries, bounds."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Any

import pytest

from briefpress.batch import Settings, run_batch
from briefpress.batch.runner import request_bound
from briefpress.errors import UsageError

from .batch_helpers import BRIEFS, bench_sources, write_jsonl


def _outputs(folder: Path) -> dict[str, bytes]:
    """Every article file of a batch folder (not the index, whose timings differ run to run)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())
            if p.is_file() and not p.name.startswith((".", "index."))}


def _index(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (folder / "index.jsonl").read_text().splitlines()]


def test_each_item_becomes_a_package_named_by_slug_and_hash_with_an_index(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "b.jsonl", BRIEFS, extra=["{broken"])
    events: list[tuple[str, dict[str, Any]]] = []
    summary = run_batch([src], tmp_path / "out", Settings(formats=("json", "html"), date="2026-11-24T09:00:00Z"),
                        progress=lambda e, d: events.append((e, d)))
    assert (summary.total, summary.done, summary.failed) == (4, 3, 1)
    rows = _index(tmp_path / "out")
    assert [r["status"] for r in rows] == ["ok", "ok", "ok", "failed"]
    for row in rows[:3]:
        assert row["files"] == [f"{row['slug']}-{row['key'][:10]}.html", f"{row['slug']}-{row['key'][:10]}.json"]
        article = json.loads((tmp_path / "out" / row["files"][1]).read_text())
        assert article["slug"] == row["slug"] and article["headline"] == row["headline"]
        assert article["created"] == article["date_published"] == "2026-11-24T09:00:00+00:00"
        assert row["write_s"] is not None and row["error"] is None
        assert row["grounding_share"] == (article["grounding"] or {}).get("summary", {}).get("supported_share")
    assert "invalid JSON" in rows[3]["error"] and rows[3]["files"] == []
    with (tmp_path / "out" / "index.csv").open(newline="") as handle:
        table = list(csv.DictReader(handle))
    assert [r["status"] for r in table] == ["ok", "ok", "ok", "failed"]
    assert table[0]["files"] == " ".join(rows[0]["files"]) and table[3]["error"] == rows[3]["error"]
    assert [e for e, _ in events] == ["start"] + ["item"] * 4 + ["end"]
    assert events[0][1] == {"total": 4, "todo": 4, "reused": 0}
    assert events[-2][1]["finished"] == 4


def test_same_input_and_options_give_byte_identical_outputs_in_every_mode(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "b.jsonl", bench_sources(12))
    os.utime(src, (1_750_000_000, 1_750_000_000))  # no --date: the file's mtime dates the articles
    settings = Settings(formats=("json", "md", "html", "text"))
    run_batch([src], tmp_path / "one", settings)
    run_batch([src], tmp_path / "again", settings)
    run_batch([src], tmp_path / "two", settings, jobs=2)
    first = _outputs(tmp_path / "one")
    assert len(first) == 48
    assert first == _outputs(tmp_path / "again") == _outputs(tmp_path / "two")
    article = json.loads(next(v for k, v in first.items() if k.endswith(".json")))
    assert article["created"] == article["date_published"] == "2025-06-15T15:06:40+00:00"


def test_resume_skips_finished_items_and_redoes_only_what_is_missing(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "b.jsonl", BRIEFS)
    out = tmp_path / "out"
    settings = Settings(date="2026-11-24")
    run_batch([src], out, settings)
    with pytest.raises(UsageError, match="--resume"):
        run_batch([src], out, settings)
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("*.json")}
    gone = sorted(before)[0]
    (out / gone).unlink()
    summary = run_batch([src], out, settings, resume=True)
    assert (summary.done, summary.reused) == (3, 2)
    after = {p.name: p.stat().st_mtime_ns for p in out.glob("*.json")}
    assert set(after) == set(before)
    assert [n for n in after if after[n] != before[n]] == [gone]  # the others were not rewritten
    assert [r["reused"] for r in _index(out)] == [n != gone for n in (r["files"][0] for r in _index(out))]
    # Other options are other work: nothing is reused, and both sets of files stay.
    summary = run_batch([src], out, Settings(date="2026-11-24", formats=("md",)), resume=True)
    assert (summary.done, summary.reused) == (3, 0) and len(list(out.glob("*.md"))) == 3


def test_a_bad_item_is_recorded_and_retry_failed_runs_it_again(tmp_path: Path, test_engines: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    healed = tmp_path / "healed"
    monkeypatch.setenv("BP_TEST_HEALED", str(healed))
    flaky = BRIEFS[1].replace("Monday", "Monday FLAKY")
    src = write_jsonl(tmp_path / "b.jsonl", [BRIEFS[0], flaky, BRIEFS[2]])
    out = tmp_path / "out"
    settings = Settings(engine="flaky", date="2026-11-24")
    summary = run_batch([src], out, settings, jobs=2)
    assert (summary.done, summary.failed) == (2, 1)
    assert _index(out)[1]["error"] == "the engine's server did not answer; try again later"
    healed.touch()
    summary = run_batch([src], out, settings, resume=True)  # --resume alone keeps the failure
    assert summary.failed == 1 and summary.reused == 3
    summary = run_batch([src], out, settings, retry_failed=True)
    assert (summary.done, summary.failed, summary.reused) == (3, 0, 2)
    assert [r["status"] for r in _index(out)] == ["ok", "ok", "ok"]


def test_a_brief_given_twice_is_written_once_and_listed_twice(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "b.jsonl", [BRIEFS[0], BRIEFS[0]])
    summary = run_batch([src], tmp_path / "out", Settings(date="2026-11-24"))
    rows = _index(tmp_path / "out")
    assert summary.done == 2 and rows[0]["files"] == rows[1]["files"] and len(_outputs(tmp_path / "out")) == 1


def test_max_requests_bounds_items_in_flight(tmp_path: Path, test_engines: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = write_jsonl(tmp_path / "b.jsonl", bench_sources(8))
    for bound, name in ((2, "bounded"), (None, "free")):
        count_dir = tmp_path / f"count-{name}"
        count_dir.mkdir()
        monkeypatch.setenv("BP_TEST_COUNT_DIR", str(count_dir))
        # Unbounded, a write waits for a third in flight (the bounded run never sees one).
        monkeypatch.setenv("BP_TEST_WAIT_FOR", "0" if bound else "3")
        summary = run_batch([src], tmp_path / name, Settings(engine="counting", date="2026-11-24"), jobs=4,
                            max_requests=bound)
        assert summary.done == 8
        seen = [int(n) for n in (count_dir / "seen.log").read_text().split()]
        assert len(seen) == 8
        if bound:
            assert max(seen) <= 2
        else:
            assert max(seen) > 2  # without the bound, four workers do overlap: the bound is what held them


def test_the_openai_engine_is_bounded_by_default() -> None:
    assert request_bound(Settings(engine="openai"), None) == 4
    assert request_bound(Settings(engine="openai"), 9) == 9
    assert request_bound(Settings(engine="extractive"), None) is None
    with pytest.raises(UsageError, match="1 or more"):
        request_bound(Settings(), 0)


def test_bad_options_fail_before_any_work(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "b.jsonl", BRIEFS)
    for settings, kwargs, message in [
        (Settings(formats=("pdf",)), {}, "unknown format"),
        (Settings(engine="nope"), {}, "unknown engine"),
        (Settings(date="soon"), {}, "ISO 8601"),
        (Settings(), {"jobs": 0}, "--jobs"),
    ]:
        with pytest.raises(UsageError, match=message):
            run_batch([src], tmp_path / "out", settings, **kwargs)
    assert not (tmp_path / "out").exists()


def test_index_csv_cells_that_look_like_formulas_are_defused(tmp_path: Path) -> None:
    src = tmp_path / "b.jsonl"
    src.write_text(json.dumps({"id": "=HYPERLINK(\"http://x\")", "brief": ""}) + "\n")
    run_batch([src], tmp_path / "out", Settings(date="2026-11-24"))
    with (tmp_path / "out" / "index.csv").open(newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["id"].startswith("'=") and row["status"] == "failed"
