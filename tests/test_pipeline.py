"""The stage runner and the Python API."""

from __future__ import annotations

import pytest

import briefpress
from briefpress.errors import InternalError, UsageError
from briefpress.models import Options, Run
from briefpress.pipeline import Stage, normalize_date, run_stages


def test_write_api_takes_texts_and_named_sources(takaichi: str) -> None:
    article = briefpress.write(
        takaichi, sources=["Takaichi took office in October.", ("wire.txt", b"The yen was steady on Monday.")]
    )
    assert [s.name for s in article.sources] == ["brief", "source1", "wire.txt"]
    assert article.engine == "extractive"
    ids = {f.id for f in article.facts}
    for entry in article.evidence:
        assert entry.no_claim or (entry.facts and set(entry.facts) <= ids)


def test_library_never_prints(takaichi: str, capsys: pytest.CaptureFixture[str]) -> None:
    events: list[str] = []
    briefpress.write(takaichi, progress=lambda event, data: events.append(event))
    out, err = capsys.readouterr()
    assert out == "" and err == ""
    assert events[0] == "ingested" and "stage" in events


def test_bad_engine_and_date_fail_before_any_work(takaichi: str) -> None:
    with pytest.raises(UsageError, match="unknown engine"):
        briefpress.write(takaichi, engine="nope")
    with pytest.raises(UsageError, match="ISO 8601"):
        briefpress.write(takaichi, date="25/11/2026")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2026-10-25", "2026-10-25T00:00:00+00:00"),
        ("2026-10-25T09:30:00+09:00", "2026-10-25T09:30:00+09:00"),
        ("2026-10-25T09:30:00Z", "2026-10-25T09:30:00+00:00"),
    ],
)
def test_dates_always_carry_a_time_zone(given: str, expected: str) -> None:
    assert normalize_date(given) == expected


def test_runner_checks_what_each_stage_needs_and_gives() -> None:
    run = Run(options=Options())
    needs_facts = Stage("plan", requires=("facts",), assigns=(), func=lambda r, p: r)
    with pytest.raises(InternalError, match="needs 'facts'"):
        run_stages(run, stages=[needs_facts])
    forgets = Stage("write", requires=(), assigns=("article",), func=lambda r, p: r)
    with pytest.raises(InternalError, match="did not fill 'article'"):
        run_stages(run, stages=[forgets])
    wrong_type = Stage("write", requires=(), assigns=(), func=lambda r, p: "text")  # type: ignore[arg-type,return-value]
    with pytest.raises(InternalError, match="returned str"):
        run_stages(run, stages=[wrong_type])


def test_a_crash_inside_a_stage_becomes_an_internal_error_with_its_cause() -> None:
    def crash(run: Run, progress: object) -> Run:
        raise ZeroDivisionError("bad")

    with pytest.raises(InternalError, match="ZeroDivisionError") as info:
        run_stages(Run(options=Options()), stages=[Stage("x", (), (), crash)])
    assert isinstance(info.value.__cause__, ZeroDivisionError)
