"""Pages from what briefpress reads: its own articles, HTML, Markdown and plain text."""

from __future__ import annotations

import html as html_lib
import re

from ..models import Article
from .document import Page, escape, page_from_html

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)


def article_html(article: Article) -> str:
    """The post content as a CMS holds it: everything below the title (H1), escaped. Quotes stay
    as they are in text (only attributes need them escaped), as in a CMS's stored content."""

    def e(text: str) -> str:
        return html_lib.escape(text, quote=False)

    out = ["<ul>" + "".join(f"<li>{e(p)}</li>" for p in article.summary) + "</ul>"]
    for s in article.sections:
        out.append(f"<h2>{e(s.question)}</h2><p>{e(s.answer)}</p>")
    if article.faq:
        out.append("<h2>Frequently Asked Questions</h2>")
        out += [f"<h3>{e(q.question)}</h3><p>{e(q.answer)}</p>" for q in article.faq]
    if article.takeaways:
        out.append("<h2>Key Takeaways</h2><ul>")
        out += [f"<li><strong>{e(t.label)}:</strong> {e(t.text)}</li>" for t in article.takeaways]
        out.append("</ul>")
    if article.conclusion:
        out.append(f"<h2>Conclusion</h2><p>{e(article.conclusion)}</p>")
    if article.body:
        out.append("<h2>The Full Story</h2>" + "".join(f"<p>{e(p)}</p>" for p in article.body))
    return "\n".join(out)


def page_from_article(article: Article, keyphrase: str | None = None) -> Page:
    site = ""
    if article.url:
        m = re.match(r"https?://[^/]+", article.url)
        site = m.group(0) if m else ""
    return page_from_html(
        article_html(article), title=article.headline, description=article.meta_description,
        slug=article.slug, keyphrase=keyphrase if keyphrase is not None else article.keyphrase, site_url=site,
    )


def _meta(html: str, name: str) -> str:
    m = re.search(
        rf"<meta\s+[^>]*(?:name|property)=[\"']{name}[\"'][^>]*content=[\"']([^\"']*)[\"']", html, re.IGNORECASE
    ) or re.search(rf"<meta\s+[^>]*content=[\"']([^\"']*)[\"'][^>]*(?:name|property)=[\"']{name}[\"']", html, re.IGNORECASE)
    return _unescape(m.group(1)) if m else ""


def _unescape(text: str) -> str:
    import html as html_lib

    return html_lib.unescape(text).strip()


def split_html_document(html: str) -> dict[str, str]:
    """The parts of a saved HTML page a CMS keeps apart: title from <title> (else the first H1),
    description and keyphrase from meta tags, slug and site from the canonical link, and the
    content of <article> (else <body>) without its first H1 and byline."""
    title_m = re.search(r"<title[^>]*>(.*?)</title>", html, re.IGNORECASE | re.DOTALL)
    canonical = re.search(r"<link\s+[^>]*rel=[\"']canonical[\"'][^>]*href=[\"']([^\"']*)[\"']", html, re.IGNORECASE)
    body_m = re.search(r"<article[^>]*>(.*)</article>", html, re.IGNORECASE | re.DOTALL) or re.search(r"<body[^>]*>(.*)</body>", html, re.IGNORECASE | re.DOTALL)
    body = body_m.group(1) if body_m else html
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", body, re.IGNORECASE | re.DOTALL)
    title = _unescape(re.sub(r"<[^>]+>", "", title_m.group(1))) if title_m else ""
    if h1:
        if not title:
            title = _unescape(re.sub(r"<[^>]+>", "", h1.group(1)))
        body = body[: h1.start()] + body[h1.end():]  # the post title, not part of the content
    body = re.sub(r"<p[^>]*class=[\"']byline[\"'][^>]*>.*?</p>", "", body, flags=re.IGNORECASE | re.DOTALL)
    href = canonical.group(1) if canonical else ""
    site_m = re.match(r"https?://[^/]+", href)
    return {
        "title": title,
        "description": _meta(html, "description"),
        # briefpress's own pages name the keyphrase first in the keywords meta tag.
        "keyphrase": _meta(html, "keyphrase") or _meta(html, "keywords").split(",")[0].strip(),
        "slug": href.rstrip("/").rsplit("/", 1)[-1] if href else "",
        "site_url": site_m.group(0) if site_m else "",
        "content": body.strip(),
    }


def page_from_html_document(html: str, keyphrase: str = "") -> Page:
    parts = split_html_document(html)
    return page_from_html(
        parts["content"], title=parts["title"], description=parts["description"], slug=parts["slug"],
        keyphrase=keyphrase or parts["keyphrase"], site_url=parts["site_url"],
    )


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    fields: dict[str, str] = {}
    for line in m.group(1).splitlines():
        if ":" in line and not line.startswith((" ", "-")):
            key, value = line.split(":", 1)
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                import json

                try:
                    value = json.loads(value) if value[0] == '"' else value[1:-1]
                except ValueError:
                    value = value[1:-1]
            fields[key.strip().lower()] = value
    return fields, text[m.end():]


def markdown_html(md: str) -> tuple[str, str]:
    """A small Markdown reader for articles: headings, lists, paragraphs, links, images, emphasis.
    Returns (content HTML without the first H1, that H1's text)."""
    blocks: list[str] = []
    title = ""
    para: list[str] = []
    items: list[str] = []

    def inline(text: str) -> str:
        out = escape(re.sub(r"\\([\\`*_\[\]<>#|])", r"\1", text))
        out = re.sub(r"!\[([^\]]*)\]\(([^)\s]+)[^)]*\)", r'<img alt="\1" src="\2">', out)
        out = re.sub(r"\[([^\]]+)\]\(([^)\s]+)[^)]*\)", r'<a href="\2">\1</a>', out)
        out = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", out)
        return out

    def flush() -> None:
        if para:
            blocks.append(f"<p>{inline(' '.join(para))}</p>")
            para.clear()
        if items:
            blocks.append("<ul>" + "".join(f"<li>{inline(i)}</li>" for i in items) + "</ul>")
            items.clear()

    for line in md.splitlines():
        stripped = line.strip()
        heading = re.match(r"(#{1,6})\s+(.*?)\s*#*$", stripped)
        item = re.match(r"(?:[-*+]|\d+[.)])\s+(.*)", stripped)
        if not stripped:
            flush()
        elif heading:
            flush()
            level, text = len(heading.group(1)), heading.group(2)
            if level == 1 and not title:
                title = re.sub(r"\\(.)", r"\1", text)
            else:
                blocks.append(f"<h{level}>{inline(text)}</h{level}>")
        elif item:
            if para:
                flush()
            items.append(item.group(1))
        else:
            if items:
                flush()
            para.append(stripped)
    flush()
    return "\n".join(blocks), title


def page_from_markdown(md: str, keyphrase: str = "") -> Page:
    fields, body = _front_matter(md)
    content, h1 = markdown_html(body)
    return page_from_html(
        content, title=fields.get("title", h1), description=fields.get("description", ""),
        slug=fields.get("slug", ""), keyphrase=keyphrase or fields.get("keyphrase", ""),
    )


_TEXT_HEADINGS = {"frequently asked questions", "key takeaways", "conclusion"}


def page_from_text(text: str, keyphrase: str = "", title: str = "", description: str = "") -> Page:
    """The plain-text layout of FORMAT.md (or any plain text): the first line is the lead; a line
    ending in '?' or a known part name is a subheading; '-' lines only separate points."""
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln and ln != "-"]
    parts: list[str] = []
    for ln in lines:
        if ln.endswith("?") and len(ln) < 150 or ln.lower() in _TEXT_HEADINGS:
            parts.append(f"<h2>{escape(ln)}</h2>")
        elif ln.startswith("- "):
            parts.append(f"<ul><li>{escape(ln[2:])}</li></ul>")
        else:
            parts.append(f"<p>{escape(ln)}</p>")
    return page_from_html("\n".join(parts), title=title, description=description, keyphrase=keyphrase)
