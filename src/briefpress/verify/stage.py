"""The ``verify`` stage of ``write``: check every sentence of the draft, repair in strict mode.

In strict mode (the default) no sentence ships unsupported or contradicted: it is replaced by a
source sentence it cited (a grounded extractive sentence), or dropped when it cited none. The
final article is checked again and that report travels under ``article.grounding``.
"""

from __future__ import annotations

import re
from typing import Any

from .. import jsonld
from ..compress import headline as compress_headline
from ..compress import main_clause, shorten
from ..models import Article, Evidence, Fact, Run
from ..text import ensure_period, normalize_space
from .article import _from_article
from .check import check_all
from .consistency import find as find_inconsistencies
from .report import Report, SentenceVerdict, build_report

_PART = re.compile(r"^(?P<field>\w+)(?:\[(?P<index>\d+)\])?(?:\.(?P<sub>\w+))?$")
HEADLINE_MAX = 70
META_MAX = 156


def report_for(article: Article, facts: list[Fact]) -> Report:
    _, sentences = _from_article(article)
    verdicts = check_all(sentences, facts)
    return build_report(verdicts, find_inconsistencies(verdicts))


def _get(data: dict[str, Any], part: str) -> str | None:
    m = _PART.match(part)
    if not m:
        return None
    value: Any = data.get(m["field"])
    if m["index"] is not None:
        if not isinstance(value, list) or int(m["index"]) >= len(value):
            return None
        value = value[int(m["index"])]
    if m["sub"]:
        value = value.get(m["sub"]) if isinstance(value, dict) else None
    return value if isinstance(value, str) else None


def _set(data: dict[str, Any], part: str, text: str) -> None:
    m = _PART.match(part)
    assert m is not None
    field, index, sub = m["field"], m["index"], m["sub"]
    if index is None:
        data[field] = text
    elif sub:
        data[field][int(index)][sub] = text
    else:
        data[field][int(index)] = text


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
    data = article.to_json_dict()
    evidence = [e.model_copy() for e in article.evidence]
    replaced = dropped = 0
    for v in report.sentences:
        if not v.failed:
            continue
        facts_for = cited.get((v.part, v.text.strip()), [])
        current = _get(data, v.part)
        if current is None or v.text not in current:
            continue
        new = _replacement(v.part, current, v.text, facts_for)
        if v.part == "headline":
            lead = facts_for[0] if facts_for else next((f for f in facts if f.role in ("lead", "title")), facts[0])
            new = compress_headline(lead.text, HEADLINE_MAX)
            facts_for = [lead]
        if new is not None and new not in current:
            _set(data, v.part, current.replace(v.text, new, 1))
            replaced += 1
        else:
            _set(data, v.part, normalize_space(current.replace(v.text, "", 1)))
            dropped += 1
            new = None
        for k, e in enumerate(evidence):
            if e.part == v.part and e.sentence.strip() == v.text.strip():
                evidence[k] = Evidence(part=e.part, sentence=new, facts=[f.id for f in facts_for]) if new else e.model_copy(update={"sentence": ""})
                break
    data["evidence"] = [e.model_dump() for e in evidence if e.sentence]
    _prune(data)
    return Article.model_validate(data), replaced, dropped


def _prune(data: dict[str, Any]) -> None:
    """Drop parts that repairs emptied, keeping the evidence map in step."""
    data["summary"] = [s for s in data["summary"] if s.strip()]
    data["body"] = [p for p in data["body"] if p.strip()]
    data["sections"] = [s for s in data["sections"] if s["answer"].strip()]
    data["faq"] = [s for s in data["faq"] if s["answer"].strip()]
    data["takeaways"] = [t for t in data["takeaways"] if t["text"].strip()]
    # Indexes may have shifted: keep only evidence whose sentence is still in its part.
    from .article import article_parts

    article = Article.model_validate({**data, "evidence": []})
    texts = dict(article_parts(article))
    kept = []
    for e in data["evidence"]:
        if e["sentence"] in texts.get(e["part"], ""):
            kept.append(e)
            continue
        # The same sentence now lives under a shifted index of the same field.
        field = e["part"].split("[")[0]
        moved = next((p for p, t in texts.items() if p.split("[")[0] == field and e["sentence"] in t), None)
        if moved:
            kept.append({**e, "part": moved})
    data["evidence"] = kept


def verify_run(run: Run, progress: Any = None) -> Run:
    assert run.article is not None
    article = run.article
    report = report_for(article, run.facts)
    if run.options.strict and report.failed:
        article, replaced, dropped = _repair(article, report, run.facts)
        report = report_for(article, run.facts)
        if progress:
            progress("repaired", {"replaced": replaced, "dropped": dropped})
        article = article.model_copy(update={"jsonld": jsonld.build(article)})
    if progress:
        progress("verified", {"supported": report.summary.supported, "unsupported": report.summary.unsupported,
                              "contradicted": report.summary.contradicted})
    run.article = article.model_copy(update={"grounding": report.to_json_dict()})
    return run
