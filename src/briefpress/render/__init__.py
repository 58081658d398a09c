"""Render an article package as plain text, Markdown, HTML or JSON."""

from __future__ import annotations

from collections.abc import Callable

from ..errors import UsageError
from ..models import Article
from . import html, json_format, markdown, text

RENDERERS: dict[str, Callable[[Article], str]] = {
    "text": text.render,
    "md": markdown.render,
    "html": html.render,
    "json": json_format.render,
}
FORMATS = tuple(RENDERERS)


def render(article: Article, fmt: str = "text") -> str:
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise UsageError(f"unknown format '{fmt}'; choose one of: {', '.join(FORMATS)}") from None
    return renderer(article)
