"""The audit of any article: its grounding report and its SEO and readability result, together.

``audit`` checks every sentence of an article against its sources (``briefpress.verify``) and
runs the SEO and readability checks (``briefpress.seo``) on the same article, both reading it by
the one sniffer (``reader.article_kind``). ``AuditResult`` is what the CLI, the API and the web
editor render; its JSON form (``schemas/report.schema.json``) is the grounding report with the SEO
reports beside it, whose keys the grounding report never uses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .models import Article
from .seo import SeoResult, analyze_input
from .verify import Judge, Report, SentenceVerdict, SourceInput
from .verify import audit as check_grounding


@dataclass(frozen=True)
class AuditResult:
    grounding: Report
    seo: SeoResult

    @property
    def failed(self) -> list[SentenceVerdict]:
        """The sentences the sources do not support or contradict."""
        return self.grounding.failed

    def to_json_dict(self) -> dict[str, Any]:
        """The ``briefpress.report/1`` document: grounding, then ``seo``, ``readability``, ``rankmath``."""
        return {**self.grounding.to_json_dict(), **self.seo.to_dict()}


def audit(article: str | bytes | Article, sources: Iterable[SourceInput], *, judge: str | Judge | None = None,
          article_name: str = "article", keyphrase: str = "") -> AuditResult:
    """Check ``article`` (an ``Article``, its JSON, HTML, Markdown or text) against ``sources``, and
    run the SEO and readability checks on it; ``keyphrase`` overrides the article's own."""
    grounding = check_grounding(article, sources, judge=judge, article_name=article_name)
    return AuditResult(grounding, analyze_input(article, keyphrase, name=article_name))


__all__ = ["AuditResult", "audit"]
