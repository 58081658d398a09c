"""The ``seo`` stage of ``write``: improve the article for its checks (``briefpress.seo.fix``),
check its grounding again, and attach the final audit.

When the article was verified, the whole changed article is checked again; if it holds more
failed sentences than before, the stage tries again without writing those sentences (up to three
times), and failing that ships the article as it came.
"""

from __future__ import annotations

import functools
from typing import Any

from ..models import Article, Fact, Run
from ..verify import check_sentences
from ..verify.report import Report
from ..verify.stage import report_for
from . import analyze
from .fix import Grounded, improve
from .fix.transitions import without_connective

__all__ = ["seo_run", "without_connective"]

_FAILED = ("unsupported", "contradicted")
_RETRIES = 3  # tries without the sentences that failed before the verified article ships as it came


def _grounding_report(article: Article, facts: list[Fact]) -> Report:
    """The verifier's report on ``article``."""
    return report_for(article, facts)


def _grounded_by(facts: list[Fact]) -> Grounded:
    """Whether the verifier supports each of some new sentences on its own. Answers are kept: the
    stage asks again about the same sentence as it tries each keyphrase and run of questions."""
    @functools.lru_cache(maxsize=1024)
    def judged(sentences: tuple[str, ...]) -> bool:
        return all(v.verdict == "supported" for v in check_sentences(list(sentences), facts))

    def grounded(sentences: list[str]) -> bool:
        return judged(tuple(sentences))
    return grounded


def _improved(run: Run, before: Article, keyphrase_given: bool) -> tuple[Article, list[str], Report | None]:
    """The improved article, its changes and the verifier's report on it (None where nothing was
    checked again). A fix that costs grounding is tried once more without writing the sentences
    that failed, so the other fixes stay; if that still costs grounding, the verified article ships."""
    grounded = _grounded_by(run.facts)
    after, changes = improve(before, run.facts, grounded, keyphrase_given=keyphrase_given)
    if not (changes and any(c != "keyphrase" for c in changes) and before.grounding is not None):
        return after, changes, None
    failed_before = sum(1 for v in before.grounding.get("sentences", []) if v.get("verdict") in _FAILED)
    report = _grounding_report(after, run.facts)
    banned: frozenset[str] = frozenset()
    for _ in range(_RETRIES):
        if len(report.failed) <= failed_before:
            return after, changes, report
        # A cut of one sentence can fail where the whole passed: each try bans what failed so far.
        banned |= frozenset(v.text.strip() for v in report.failed)
        after, changes = improve(before, run.facts, grounded, keyphrase_given=keyphrase_given, banned=banned)
        report = _grounding_report(after, run.facts)
    if len(report.failed) > failed_before:
        return before, [], None
    return after, changes, report


def seo_run(run: Run, progress: Any = None) -> Run:
    """The stage: improve, check grounding again, attach the final scores (the JSON-LD is built
    after it, by the package stage, from the article as it ships)."""
    assert run.article is not None
    before = run.article
    after, changes, report = _improved(run, before, bool(run.options.keyphrase))
    result = analyze(after)
    after = after.model_copy(update={
        "seo": result.seo.to_dict(),
        "readability": result.readability.to_dict(),
        "grounding": report.to_json_dict() if report is not None else before.grounding,
    })
    if report is not None:
        run.grounding = report
    if progress:
        progress("seo", {"seo": result.seo.score, "readability": result.readability.score,
                         "changes": sorted(set(changes))})
    run.article = after
    run.seo = result
    return run
