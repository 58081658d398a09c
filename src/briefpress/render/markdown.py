"""Markdown with YAML front matter, as Hugo and Jekyll read it."""

from __future__ import annotations

import re

from .. import spec
from ..models import Article
from .body import body_blocks
from .html import script_json

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|])")


def _yaml_str(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar: quotes, colons and newlines stay safe;
    # \u escapes keep markup out of templates that paste front matter unescaped.
    return script_json(value)


def _md(text: str) -> str:
    """Escape what Markdown would read as markup; raw HTML becomes entities, shown as text."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def front_matter(article: Article) -> str:
    fields = [
        ("title", _yaml_str(article.headline)),
        ("description", _yaml_str(article.meta_description)),
        ("slug", _yaml_str(article.slug)),
        ("date", _yaml_str(article.date_published or article.created)),
        ("lastmod", _yaml_str(article.date_modified or article.date_published or article.created)),
        ("tags", "[" + ", ".join(_yaml_str(t) for t in article.tags) + "]"),
        ("keyphrase", _yaml_str(article.keyphrase)),
    ]
    if article.author:
        fields.append(("author", _yaml_str(article.author)))
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in fields) + "---\n"


def _link(title: str, url: str) -> str:
    # Angle brackets keep spaces and parentheses of the URL inside the link; < > are escaped in it.
    return f"[{_md(title)}](<{url.replace('<', '%3C').replace('>', '%3E')}>)"


def _evidence(article: Article) -> list[str]:
    """The picture, the archive's background and the sources list, when the evidence gives them."""
    out: list[str] = []
    if article.image:
        image = article.image
        out += [f"![{_md(image.alt or '')}](<{image.url.replace('<', '%3C').replace('>', '%3E')}>)", ""]
        note = " ".join(x for x in (image.caption, image.credit) if x and (x == image.caption or x not in
                                                                           (image.caption or "")))
        if note:
            out += [f"*{_md(note)}*", ""]
    if article.background:
        out += ["## Background", ""]
        for item in article.background:
            ref = _link(item.title, item.url) if item.url else _md(item.title)
            out += [f"{_md(item.text)} ({ref}{', ' + _md(item.date[:10]) if item.date else ''})", ""]
    if article.links:
        out += ["## Sources", ""]
        out += [f"- {_link(link.title, link.url)}" for link in article.links] + [""]
    return out


def render(article: Article) -> str:
    out = [front_matter(article), f"# {_md(article.headline)}", ""]
    out += [f"- {_md(s)}" for s in article.summary] + [""]
    for section in article.sections:
        out += [f"## {_md(section.question)}", "", _md(section.answer), ""]
    out += [f"## {spec.FAQ_HEADING}", ""]
    for qa in article.faq:
        out += [f"### {_md(qa.question)}", "", _md(qa.answer), ""]
    out += [f"## {spec.TAKEAWAYS_HEADING}", ""]
    out += [f"- **{_md(t.label)}:** {_md(t.text)}" for t in article.takeaways] + [""]
    out += [f"## {spec.CONCLUSION_HEADING}", "", _md(article.conclusion), ""]
    out += [f"## {spec.STORY_HEADING}", ""]
    for crosshead, paragraph in body_blocks(article):
        out += [f"### {_md(crosshead)}", ""] if crosshead else []
        out += [_md(paragraph), ""]
    out += _evidence(article)
    return "\n".join(out).rstrip() + "\n"
