"""A standalone HTML5 page with SEO metadata and JSON-LD; every piece of text is escaped."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from .. import spec
from ..models import Article
from .body import body_blocks

# The part headings, from the one place that fixes them.
_HEADINGS = {
    "faq": spec.FAQ_HEADING,
    "takeaways": spec.TAKEAWAYS_HEADING,
    "conclusion": spec.CONCLUSION_HEADING,
    "story": spec.STORY_HEADING,
    "background": "Background",
    "sources": "Sources",
}


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(
        loader=PackageLoader("briefpress", "render/templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def script_json(data: Any, indent: int | None = None) -> str:
    """JSON safe inside <script>: no '<', '>' or '&' can close the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def article_element(article: Article) -> str:
    """The page's ``<article>`` element alone: the headline, summary, byline and every part as
    the page shows them (the audit scores this, so it reads what Yoast reads on the page)."""
    return _env().get_template("_article.html.j2").render(a=article, headings=_HEADINGS, body=body_blocks(article))


def render(article: Article) -> str:
    from markupsafe import Markup

    jsonld = [Markup(script_json(block, indent=2)) for block in article.jsonld]
    return _env().get_template("article.html.j2").render(a=article, jsonld=jsonld, headings=_HEADINGS,
                                                         body=body_blocks(article))
