"""The grounding verifier: a verdict for every sentence of an article against its sources.

    >>> from briefpress.verify import audit
    >>> report = audit("The council approved 18 km of lanes.", ["The plan adds 18 kilometres of lanes."])
    >>> report.summary.supported
    1

Checks, cheapest first: figures, names, quotes, attributions, then the meaning of the statement;
then the article against itself (consistency). A judge, when given, settles only borderline
statements. ``check_sentences`` is the per-sentence core that ``write`` uses.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import EmptyInputError, InputError
from ..ingest import read_texts
from ..models import Article, Fact
from ..reader import decode
from . import consistency
from .article import ArticleSentence, read
from .check import check_all, is_no_claim
from .judge import Judge, resolve_judge
from .report import (
    REPORT_SCHEMA,
    ConsistencyFinding,
    EvidenceSpan,
    Reason,
    Report,
    SentenceVerdict,
    Summary,
    build_report,
)
from .statements import SUPPORT_THRESHOLD

SourceInput = str | bytes | tuple[str, str | bytes]


def check_sentences(sentences: list[str], facts: list[Fact], *, judge: Judge | str | None = None,
                    parts: list[str] | None = None, threshold: float = SUPPORT_THRESHOLD) -> list[SentenceVerdict]:
    """A verdict for each sentence (offsets are into the sentence itself; part is 'sentence[i]').

    ``threshold`` is the statement check's operating point (support below it is unsupported).
    """
    items = [
        ArticleSentence(s, parts[i] if parts else f"sentence[{i}]", 0, len(s), s)
        for i, s in enumerate(sentences)
    ]
    return check_all(items, facts, resolve_judge(judge), threshold)


def read_sources(sources: Iterable[SourceInput]) -> list[Fact]:
    """Facts from sources in any form ingest reads: texts, bytes, or (name, text) pairs."""
    texts: list[tuple[str, str]] = []
    for i, item in enumerate(sources, start=1):
        name, content = item if isinstance(item, tuple) else (f"source{i}", item)
        if not content.strip():
            raise EmptyInputError(f"{name}: the source is empty; give it some text or leave it out")
        texts.append((name, decode(content, name) if isinstance(content, bytes) else content))
    _sources, facts = read_texts(texts)
    if not facts:
        raise EmptyInputError("no source holds a sentence; give at least one source file with text (--source FILE)")
    return facts


def audit(article: str | bytes | Article, sources: Iterable[SourceInput], *, judge: str | Judge | None = None,
          article_name: str = "article") -> Report:
    """Check every sentence of ``article`` against ``sources`` and report the verdicts: the
    grounding half of ``briefpress.audit``, which runs the SEO checks beside it."""
    facts = read_sources(sources)
    _text, sentences = read(article, article_name)
    if not sentences:
        raise InputError(f"{article_name} holds no sentence to check; give the article text")
    verdicts = check_all(sentences, facts, resolve_judge(judge))
    return build_report(verdicts, consistency.find(verdicts))


__all__ = [
    "REPORT_SCHEMA",
    "SUPPORT_THRESHOLD",
    "ConsistencyFinding",
    "EvidenceSpan",
    "Judge",
    "Reason",
    "Report",
    "SentenceVerdict",
    "SourceInput",
    "Summary",
    "audit",
    "check_sentences",
    "is_no_claim",
    "read_sources",
]
