"""`write` verifies every article: the report travels with it, and strict mode ships no unsupported sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefpress import ingest
from briefpress.models import Evidence, Options, Run
from briefpress.pipeline import STAGES, run_stages, stages_through, write
from briefpress.verify.stage import report_for, verify_run

BRIEF = """Council of Riverton approved a 4.2 million dollar cycle lane network on Tuesday, ending a two-year dispute.
-
The plan adds 18 kilometres of protected lanes along the river and the ring road.
-
Mayor Ana Ruiz said construction starts in March and should finish within 14 months.
-
Shop owners on Mill Street, who opposed the plan, won a delivery bay on every block."""
GOLDEN_BRIEFS = sorted((Path(__file__).parents[1] / "golden" / "briefs").glob("*.txt"))
EXAMPLE = Path(__file__).parents[3] / "shared" / "examples" / "takaichi-brief.txt"


def drafted(brief: str, strict: bool = True) -> Run:
    """A run through the write stage only, before verification."""
    run = ingest.ingest(Run(options=Options(strict=strict)), brief)
    return run_stages(run, stages=stages_through("write"))


def test_verify_is_a_stage_of_write() -> None:
    assert [s.name for s in STAGES][-1] == "verify" or "verify" in [s.name for s in STAGES]


def test_written_articles_carry_their_grounding_report() -> None:
    article = write(BRIEF)
    report = article.grounding
    assert report is not None and report["schema"] == "briefpress.report/1"
    assert report["summary"]["claims"] > 0
    assert report["summary"]["unsupported"] == 0 and report["summary"]["contradicted"] == 0


@pytest.mark.parametrize("path", GOLDEN_BRIEFS + ([EXAMPLE] if EXAMPLE.exists() else []), ids=lambda p: p.stem)
def test_the_extractive_draft_is_fully_supported_before_any_repair(path: Path) -> None:
    run = drafted(path.read_text(encoding="utf-8"))
    assert run.article is not None
    report = report_for(run.article, run.facts)
    failed = [(s.part, s.text, [r.detail for r in s.reasons]) for s in report.failed]
    assert failed == []


def _with_invention(run: Run) -> Run:
    """Add an invented sentence to the body and the conclusion, as a careless model would."""
    assert run.article is not None
    art = run.article
    invented = "Dr. Helen Marsh of the Brookfield Institute said 40% of residents will switch to cycling."
    body = list(art.body)
    body[0] = f"{body[0]} {invented}"
    cited = art.evidence[1].facts  # cites a real fact, wrongly
    evidence = [*art.evidence, Evidence(part="body[0]", sentence=invented, facts=cited),
                Evidence(part="conclusion", sentence="Nobody opposed the plan.", facts=[])]
    run.article = art.model_copy(update={"body": body, "conclusion": f"{art.conclusion} Nobody opposed the plan.",
                                          "evidence": evidence})
    return run


def test_strict_mode_replaces_or_drops_unsupported_sentences() -> None:
    run = verify_run(_with_invention(drafted(BRIEF)))
    art = run.article
    assert art is not None and art.grounding is not None
    text = " ".join([art.conclusion, *art.body])
    assert "Helen Marsh" not in text and "Nobody opposed" not in text
    assert art.grounding["summary"]["unsupported"] == 0 and art.grounding["summary"]["contradicted"] == 0
    # The replacement is the source sentence the invented one cited, and the evidence map says so.
    by_id = {f.id: f for f in run.facts}
    for e in art.evidence:
        if not e.no_claim and e.part == "body[0]":
            assert all(i in by_id for i in e.facts)
    assert all(e.sentence in art.body[0] for e in art.evidence if e.part == "body[0]")


def test_non_strict_mode_keeps_the_text_and_reports_it() -> None:
    run = verify_run(_with_invention(drafted(BRIEF, strict=False)))
    art = run.article
    assert art is not None and art.grounding is not None
    assert "Helen Marsh" in art.body[0]
    failed = [s for s in art.grounding["sentences"] if s["verdict"] in ("unsupported", "contradicted")]
    assert {s["text"] for s in failed} >= {"Nobody opposed the plan."}
    assert any("Helen Marsh" in s["text"] for s in failed)
