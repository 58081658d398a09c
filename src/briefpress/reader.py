"""Reading input: bytes into text, what kind of text it is, and the text inside an HTML page.

One sniffer answers both questions briefpress asks of what it is given. ``sniff`` tells a brief's
or source's layout (JSON, HTML, the dash layout, bullets, prose); ``article_kind`` tells an
article's form (briefpress JSON, HTML, Markdown, plain text) by the same JSON and HTML tests.

The HTML readers live here too, one view each: ``main_text`` (the article's main text through
trafilatura, for briefs and sources), ``visible_blocks`` (every visible block, for checking an
article sentence by sentence) and ``html_parts`` (the parts a CMS keeps apart, for the SEO page).
"""

from __future__ import annotations

import html as html_lib
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Literal

from .errors import EmptyInputError, EncodingError, InputError, InputTooLargeError
from .models import SourceKind

MAX_INPUT_BYTES = 2 * 1024 * 1024

ArticleKind = Literal["json", "html", "markdown", "text"]

DASH_LINE = re.compile(r"^[ \t]*-[ \t]*$", re.MULTILINE)
BULLET = re.compile(r"^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+(?=\S)")
_HTML_START = re.compile(r"^\s*(?:<!doctype|<html|<head|<body|<article|<div|<p[\s>]|<h1|<!--)", re.I)
# How far into a text an HTML tag still marks it as a page (a fragment may open with <section>).
_HTML_HEAD = 2000


def decode(data: bytes, name: str) -> str:
    """UTF-8 text, or a one-line error that says what is wrong with the bytes."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputTooLargeError(
            f"{name} is {len(data) / 1048576:.1f} MB, over the 2 MB limit for one brief; "
            "split it into smaller sources"
        )
    if b"\x00" in data[:8192] or _control_share(data[:8192]) > 0.1:
        raise EncodingError(f"{name} looks like a binary file; give a text, Markdown, HTML or JSON brief")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"{name} is not valid UTF-8 (byte {exc.start}); save it as UTF-8 and try again"
        ) from exc
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyInputError(f"{name} is empty; give a brief: a lead sentence and a few key points")
    return text


def _control_share(data: bytes) -> float:
    if not data:
        return 0.0
    controls = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(data)


# --- what kind of text -------------------------------------------------------------------------


def _is_json(stripped: str) -> bool:
    if stripped.startswith("{"):
        return True
    if stripped.startswith("["):  # a JSON list is a mistake worth naming, not prose
        try:
            json.loads(stripped)
            return True
        except json.JSONDecodeError:
            pass
    return False


def looks_like_html(text: str, name: str = "") -> bool:
    """A page: named .html, opening with a page's tag, or holding a paragraph or H1 tag near its start."""
    if name.lower().endswith((".html", ".htm")):
        return True
    head = text.lstrip()[:_HTML_HEAD].lower()
    return bool(_HTML_START.match(head)) or "<p>" in head or "<h1" in head


def sniff(text: str, name: str = "") -> SourceKind:
    """The layout of a brief or source: JSON, HTML, the dash layout, bullets, else prose."""
    if _is_json(text.lstrip()):
        return "json"
    if looks_like_html(text, name):
        return "html"
    if DASH_LINE.search(text):
        return "dash"
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if sum(1 for ln in lines if BULLET.match(ln)) >= 2:
        return "bullets"
    return "prose"


def article_kind(text: str, name: str = "") -> ArticleKind:
    """The form of an article: briefpress JSON, HTML, Markdown (by name, front matter or a
    heading), else plain text."""
    kind = sniff(text, name)
    if kind in ("json", "html"):
        return "json" if kind == "json" else "html"
    head = text.lstrip()[:_HTML_HEAD]
    if name.lower().endswith((".md", ".markdown")) or head.startswith("---") or "\n#" in "\n" + head:
        return "markdown"
    return "text"


# --- HTML ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MainText:
    text: str
    title: str | None = None
    url: str | None = None


def main_text(page: str, name: str) -> MainText:
    """The main text of a saved page (boilerplate left out), with its title and address."""
    import trafilatura  # imported lazily: heavy, and only HTML needs it

    try:
        extracted = trafilatura.bare_extraction(page, include_comments=False, include_tables=False)
    except Exception as exc:  # trafilatura raises a variety of parser errors
        raise InputError(f"{name}: the HTML page could not be parsed ({exc}); save the page again") from exc
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body or not body.strip():
        raise EmptyInputError(f"{name}: no article text found in the HTML page; save the article page itself")
    return MainText(body, getattr(extracted, "title", None), getattr(extracted, "url", None))


class _BlockParser(HTMLParser):
    _BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "td", "th", "dt", "dd", "figcaption",
               "div", "section", "article", "header", "footer", "br", "tr", "title"}
    _SKIP = {"script", "style", "noscript", "template", "head", "nav", "svg"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []  # (tag, text)
        self._buf: list[str] = []
        self._skip = 0
        self._tag = "p"

    def flush(self) -> None:
        text = " ".join("".join(self._buf).split())
        if text:
            self.blocks.append((self._tag, text))
        self._buf = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip += 1
        elif tag in self._BLOCKS:
            self.flush()
            self._tag = tag

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._buf.append(data)


def visible_blocks(page: str) -> list[tuple[str, str]]:
    """Every block of visible text on a page as (tag, text), whitespace folded, scripts and
    navigation left out."""
    parser = _BlockParser()
    parser.feed(page)
    parser.close()
    parser.flush()
    return parser.blocks


def _unescape(text: str) -> str:
    return html_lib.unescape(text).strip()


def _meta(page: str, name: str) -> str:
    m = re.search(
        rf"<meta\s+[^>]*(?:name|property)=[\"']{name}[\"'][^>]*content=[\"']([^\"']*)[\"']", page, re.IGNORECASE
    ) or re.search(
        rf"<meta\s+[^>]*content=[\"']([^\"']*)[\"'][^>]*(?:name|property)=[\"']{name}[\"']", page, re.IGNORECASE
    )
    return _unescape(m.group(1)) if m else ""


def html_parts(page: str) -> dict[str, str]:
    """The parts of a saved HTML page a CMS keeps apart: title from <title> (else the first H1),
    description and keyphrase from meta tags, slug and site from the canonical link, and the
    content of <article> (else <body>) without its first H1 and byline."""
    title_m = re.search(r"<title[^>]*>(.*?)</title>", page, re.IGNORECASE | re.DOTALL)
    canonical = re.search(r"<link\s+[^>]*rel=[\"']canonical[\"'][^>]*href=[\"']([^\"']*)[\"']", page, re.IGNORECASE)
    body_m = re.search(r"<article[^>]*>(.*)</article>", page, re.IGNORECASE | re.DOTALL) \
        or re.search(r"<body[^>]*>(.*)</body>", page, re.IGNORECASE | re.DOTALL)
    body = body_m.group(1) if body_m else page
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
        "description": _meta(page, "description"),
        # briefpress's own pages name the keyphrase first in the keywords meta tag.
        "keyphrase": _meta(page, "keyphrase") or _meta(page, "keywords").split(",")[0].strip(),
        "slug": href.rstrip("/").rsplit("/", 1)[-1] if href else "",
        "site_url": site_m.group(0) if site_m else "",
        "content": body.strip(),
    }


__all__ = [
    "MAX_INPUT_BYTES",
    "ArticleKind",
    "MainText",
    "article_kind",
    "decode",
    "html_parts",
    "looks_like_html",
    "main_text",
    "sniff",
    "visible_blocks",
]
