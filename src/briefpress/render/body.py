"""The body as every rendering shows it: its paragraphs, each crosshead before the one it precedes."""

from __future__ import annotations

from ..models import Article


def body_blocks(article: Article) -> list[tuple[str | None, str]]:
    """(crosshead or None, paragraph) for each body paragraph, in order."""
    heads = {c.before: c.question for c in article.crossheads}
    return [(heads.get(i), paragraph) for i, paragraph in enumerate(article.body)]
