"""Pages from what briefpress reads: its own articles, HTML, Markdown and plain text.

``page_from_input`` reads anything ``briefpress audit`` is given; which reader it takes is
``reader.article_kind``'s answer, the same the grounding check's article reader gets.
"""

from __future__ import annotations

import html as html_lib
import json
import re

from ..errors import InputError
from ..limits import check_json_depth
from ..models import Article
from ..reader import article_kind, html_parts
from .document import Page, escape, page_from_html

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)


def article_html(article: Article) -> str:
    """The post content as a CMS holds it: everything below the title (H1), with the picture,
    background and sources list the evidence gives, escaped. Quotes stay
    as they are in text (only attributes need them escaped), as in a CMS's stored content. The
    byline is no part of it; on the HTML page it is no paragraph and follows the summary, so on
    both the text Yoast reads first is the lead."""

    def e(text: str) -> str:
        return html_lib.escape(text, quote=False)

    out = ["<ul>" + "".join(f"<li>{e(p)}</li>" for p in article.summary) + "</ul>"]
    out += _picture_html(article)
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
        heads = {c.before: f"<h3>{e(c.question)}</h3>" for c in article.crossheads}
        out.append("<h2>The Full Story</h2>" + "".join(f"{heads.get(i, '')}<p>{e(p)}</p>"
                                                       for i, p in enumerate(article.body)))
    return "\n".join(out + _evidence_html(article))


def _attr(text: str) -> str:
    return html_lib.escape(text, quote=True)


def _picture_html(article: Article) -> list[str]:
    """The lead image as the HTML page shows it: its alt text is what the image checks read."""
    image = article.image
    if image is None:
        return []
    note = " ".join(x for x in (image.caption, image.credit)
                    if x and (x == image.caption or x not in (image.caption or "")))
    caption = f"<figcaption>{html_lib.escape(note, quote=False)}</figcaption>" if note else ""
    return [f'<figure><img src="{_attr(image.url)}" alt="{_attr(image.alt or "")}">{caption}</figure>']


def _evidence_html(article: Article) -> list[str]:
    """The background and the sources list as the HTML page shows them: their links are the
    page's outbound and internal links, and their lines are text the readability checks count."""
    out = []
    if article.background:
        out.append("<h2>Background</h2>")
        for item in article.background:
            name = html_lib.escape(item.title, quote=False)
            title = f'<a href="{_attr(item.url)}">{name}</a>' if item.url else name
            date = f", {item.date[:10]}" if item.date else ""
            out.append(f"<p>{html_lib.escape(item.text, quote=False)} ({title}{date})</p>")
    if article.links:
        items = "".join(f'<li><a href="{_attr(link.url)}">{html_lib.escape(link.title, quote=False)}</a>'
                        f'{", " + link.date[:10] if link.date else ""}</li>' for link in article.links)
        out.append(f"<h2>Sources</h2><ul>{items}</ul>")
    return out


def page_from_article(article: Article, keyphrase: str | None = None) -> Page:
    """The article as its HTML page's ``<article>`` shows it, headline (H1) and byline included:
    that is what a reader and Yoast read on the page, so the scores the package ships are the
    page's. (``article_html`` is the CMS's post content, which holds neither.)"""
    from ..render.html import article_element

    site = ""
    if article.url:
        m = re.match(r"https?://[^/]+", article.url)
        site = m.group(0) if m else ""
    return page_from_html(
        article_element(article), title=article.headline, description=article.meta_description,
        slug=article.slug, keyphrase=keyphrase if keyphrase is not None else article.keyphrase, site_url=site,
    )


def split_html_document(html: str) -> dict[str, str]:
    """The parts of a saved HTML page a CMS keeps apart (``reader.html_parts``)."""
    return html_parts(html)


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


def page_from_document(text: str, keyphrase: str = "", name: str = "") -> Page:
    """A page from an article given as HTML, Markdown or plain text (told by its name, else its text)."""
    kind = article_kind(text, name)
    if kind == "html":
        return page_from_html_document(text, keyphrase)
    if kind == "markdown":
        return page_from_markdown(text, keyphrase)
    return page_from_text(text, keyphrase)


def page_from_input(data: str | bytes | Article, keyphrase: str = "", name: str = "article") -> Page:
    """A page from what ``briefpress audit`` reads: an article, its JSON, HTML, Markdown or text;
    ``keyphrase`` overrides the article's own."""
    if isinstance(data, Article):
        return page_from_article(data, keyphrase or None)
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    text = text.lstrip("\ufeff")
    if article_kind(text, name) != "json":
        return page_from_document(text, keyphrase, name)
    check_json_depth(text, name)
    try:
        article = Article.model_validate(json.loads(text))
    except ValueError as exc:
        raise InputError(f"{name} is not a briefpress article JSON ({type(exc).__name__}); "
                         "give the article as JSON, HTML, Markdown or text") from exc
    return page_from_article(article, keyphrase or None)
