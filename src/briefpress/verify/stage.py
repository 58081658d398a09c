"""The ``verify`` stage of ``write``: check every sentence of the draft, repair in strict mode.

In strict mode (the default) no sentence ships unsupported or contradicted: it is replaced by a
source sentence it cited (a grounded extractive sentence), or dropped when it cited none. The
final article is checked again: the run carries that report as ``run.grounding``, and the article
its JSON form under ``article.grounding``.
"""

from __future__ import annotations

from typing import Any

from ..edit import EditableArticle, get_part
from ..models import Article, Fact, Run
from ..rewrite.compress import headline as compress_headline
from ..rewrite.compress import main_clause, shorten
from ..spec import HEADLINE_MAX, META_MAX
from ..text import ensure_period
from .article import _from_article
from .check import check_all
from .consistency import find as find_inconsistencies
from .report import Report, build_report


def report_for(article: Article, facts: list[Fact]) -> Report:
    """The report on a draft of our own: its cuts of source sentences are checked too."""
    _, sentences = _from_article(article)
    verdicts = check_all(sentences, facts, cuts=True)
    return build_report(verdicts, find_inconsistencies(verdicts))


def _replacement(part: str, current: str, failed: str, cited: list[Fact]) -> str | None:
    """A grounded extractive sentence for a failed one: a source sentence it cited, shortened by
    deletion where the part has a size limit; None (drop it) when it cited none or none fits."""
    if not cited:
        return None
    text = cited[0].text
    if part == "meta_description":
        room = META_MAX - (len(current) - len(failed))
        short = text if len(text) <= room else shorten(text, room - 1)
        return ensure_period(short) if short else None
    if part.startswith("takeaways["):
        return ensure_period(main_clause(text, 160))
    return ensure_period(text)


def _repair(article: Article, report: Report, facts: list[Fact]) -> tuple[Article, int, int]:
    by_id = {f.id: f for f in facts}
    cited: dict[tuple[str, str], list[Fact]] = {}
    for e in article.evidence:
        cited[(e.part, e.sentence.strip())] = [by_id[i] for i in e.facts if i in by_id]
    draft = EditableArticle(article)
    replaced = dropped = 0
    for v in report.sentences:
        if not v.failed:
            continue
        facts_for = cited.get((v.part, v.text.strip()), [])
        current = get_part(draft.data, v.part)
        if current is None or v.text not in current:
            continue
        new = _replacement(v.part, current, v.text, facts_for)
        if v.part == "headline":
            lead = facts_for[0] if facts_for else next((f for f in facts if f.role in ("lead", "title")), facts[0])
            new = compress_headline(lead.text, HEADLINE_MAX)
            facts_for = [lead]
        if new is not None and new not in current:
            draft.replace_sentence(v.part, v.text, new, facts=[f.id for f in facts_for])
            replaced += 1
        else:
            draft.drop_sentence(v.part, v.text)
            dropped += 1
    draft.prune()
    return draft.article(), replaced, dropped


def verify_run(run: Run, progress: Any = None) -> Run:
    """The stage: check the article, repair it in strict mode, and put the report on the run."""
    assert run.article is not None
    article = run.article
    report = report_for(article, run.facts)
    if run.options.strict and report.failed:
        article, replaced, dropped = _repair(article, report, run.facts)
        report = report_for(article, run.facts)
        if progress:
            progress("repaired", {"replaced": replaced, "dropped": dropped})
    if progress:
        progress("verified", {"supported": report.summary.supported, "unsupported": report.summary.unsupported,
                              "contradicted": report.summary.contradicted})
    run.grounding = report
    run.article = article.model_copy(update={"grounding": report.to_json_dict()})
    return run
