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


_DUMP_ALL = """
import json, sys
from pathlib import Path
import briefpress
texts = []
for path in sorted(Path(sys.argv[1]).glob("*.dev.jsonl")):
    for line in path.open(encoding="utf-8"):
        source = json.loads(line)["source"]
        if ("Julian Hernandez" in source or "Sunderland" in source) and source not in texts:
            texts.append(source)
for text in texts[:3]:
    article = briefpress.write(text, date="2026-01-01", created="2026-01-01T00:00:00+00:00")
    print(briefpress.render(article, "json"))
"""


def test_the_whole_pipeline_gives_the_same_bytes_in_every_process() -> None:
    """String hashing differs per process: no stage (verify and seo included) may depend on it."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    bench = Path(__file__).resolve().parents[2] / "shared" / "bench"
    if not bench.is_dir():
        pytest.skip(f"needs the shared benchmark data at {bench}")
    outputs = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", _DUMP_ALL, str(bench)], env=env, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] and outputs[0] == outputs[1] == outputs[2]


def test_each_stage_fills_what_it_says_and_the_run_carries_the_typed_products(takaichi: str) -> None:
    from briefpress import ingest
    from briefpress.engines.base import Draft
    from briefpress.pipeline import STAGES
    from briefpress.plan import Outline
    from briefpress.seo.result import SeoResult
    from briefpress.verify.report import Report

    assert [s.name for s in STAGES] == ["plan", "write", "address", "verify", "seo", "package"]
    run = ingest.ingest(Run(options=Options(created="2026-11-25T09:00:00+00:00")), takaichi)
    done = run_stages(run)
    assert isinstance(done.outline, Outline) and isinstance(done.draft, Draft)
    assert isinstance(done.grounding, Report) and isinstance(done.seo, SeoResult)
    assert done.article is not None and done.article.slug and done.article.tags and done.article.jsonld
    assert done.article.grounding is not None and done.article.grounding["summary"]["claims"] > 0


def test_the_runner_checks_a_field_of_the_article_a_stage_says_it_fills(takaichi: str) -> None:
    from briefpress import ingest
    from briefpress.pipeline import stages_through

    run = run_stages(ingest.ingest(Run(options=Options()), takaichi), stages=stages_through("write"))
    assert run.article is not None and run.article.slug == ""  # the address stage gives it
    forgets = Stage("address", requires=("article",), assigns=("article.slug",), func=lambda r, p: r)
    with pytest.raises(InternalError, match="did not fill 'article.slug'"):
        run_stages(run, stages=[forgets])


def test_write_takes_one_options_or_keywords_that_build_it(takaichi: str) -> None:
    date = "2026-11-25T09:00:00+00:00"
    given = briefpress.write(takaichi, options=briefpress.Options(date=date, created=date, author="A. Writer"))
    shorthand = briefpress.write(takaichi, date=date, created=date, author="A. Writer")
    assert given == shorthand and given.author == "A. Writer"
    with pytest.raises(UsageError, match="put them in the Options"):
        briefpress.write(takaichi, options=briefpress.Options(), date=date)


def test_keywords_that_are_not_options_go_to_the_engine() -> None:
    from briefpress.pipeline import options_from

    options = options_from(engine="openai", keyphrase="Takaichi", model="m", base_url="http://x/v1")
    assert options.engine == "openai" and options.keyphrase == "Takaichi"
    assert options.engine_options == {"model": "m", "base_url": "http://x/v1"}


def test_a_run_stopped_after_a_stage_names_the_stages_there_are() -> None:
    from briefpress.pipeline import stages_through

    assert [s.name for s in stages_through("write")] == ["plan", "write"]
    with pytest.raises(UsageError, match="the stages are: plan, write, address"):
        stages_through("draft")
