"""SEO and readability audit at Yoast's level, plus Rank Math's extra tests.

``analyze(article)`` audits an article package; ``analyze_page`` audits any ``Page`` (build one
with ``page_from_html_document``, ``page_from_markdown`` or ``page_from_text``);
``analyze_document`` picks the reader from the text itself. Word forms (Yoast Premium's
matching) are on by default; ``word_forms=False`` matches as Yoast's free analysis does.
"""

from __future__ import annotations

from ..models import Article
from .context import Context
from .document import Page, page_from_html
from .pages import (
    article_html,
    page_from_article,
    page_from_document,
    page_from_html_document,
    page_from_input,
    page_from_markdown,
    page_from_text,
)
from .rankmath import rank_math
from .readability_checks import READABILITY_CHECKS, flesch
from .result import Assessment, Report, SeoResult, rating
from .scoring import readability_score, seo_score
from .seo_checks import SEO_CHECKS

__all__ = [
    "Assessment",
    "Page",
    "Report",
    "SeoResult",
    "analyze",
    "analyze_document",
    "analyze_input",
    "analyze_page",
    "article_html",
    "clear_caches",
    "page_from_article",
    "page_from_document",
    "page_from_html",
    "page_from_html_document",
    "page_from_input",
    "page_from_markdown",
    "page_from_text",
    "rating",
]


def clear_caches() -> None:
    """Forget the per-sentence results kept between audits (benchmarks time cold audits)."""
    from . import forms, readability_checks, syllables, tokens

    for func in (tokens.tokens, tokens.length_words, tokens.count_words, tokens.split_sentences, forms.stem,
                 forms._normalize, forms._token_keys, forms._token_pairs, readability_checks.has_transition,
                 readability_checks.is_passive, readability_checks._beginning, syllables.count_word):
        func.cache_clear()


def analyze_page(page: Page, *, word_forms: bool = True) -> SeoResult:
    ctx = Context(page, word_forms=word_forms)
    seo = [a for a in (check(ctx) for check in SEO_CHECKS) if a is not None]
    read_all = [check(ctx) for check in READABILITY_CHECKS]
    readability = [a for a in read_all if a is not None]
    applicable = len(READABILITY_CHECKS) if page.plain_text.strip() else 1
    return SeoResult(
        seo=Report(seo_score(seo), seo),
        readability=Report(readability_score(readability, applicable), readability, extras={"insights": flesch(ctx)}),
        rankmath=rank_math(ctx),
    )


def analyze(article: Article, keyphrase: str | None = None, *, word_forms: bool = True) -> SeoResult:
    """Audit an article package; ``keyphrase`` overrides the article's own."""
    return analyze_page(page_from_article(article, keyphrase), word_forms=word_forms)


def analyze_input(data: str | bytes | Article, keyphrase: str = "", *, name: str = "article",
                  word_forms: bool = True) -> SeoResult:
    """Audit what ``briefpress audit`` reads: an article, its JSON, HTML, Markdown or text."""
    return analyze_page(page_from_input(data, keyphrase, name=name), word_forms=word_forms)


def analyze_document(text: str, keyphrase: str = "", *, name: str = "", word_forms: bool = True) -> SeoResult:
    """Audit an article given as HTML, Markdown or plain text (chosen by file name, else content)."""
    return analyze_page(page_from_document(text, keyphrase, name=name), word_forms=word_forms)
