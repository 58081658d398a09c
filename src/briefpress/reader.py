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

from .errors import EmptyInputError, EncodingError, InputError
from .limits import MAX_INPUT_BYTES, MAX_JSON_DEPTH, check_bytes, json_depth
from .models import SourceKind

ArticleKind = Literal["json", "html", "markdown", "text"]

DASH_LINE = re.compile(r"^[ \t]*-[ \t]*$", re.MULTILINE)
BULLET = re.compile(r"^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+(?=\S)")
_HTML_START = re.compile(r"^\s*(?:<!doctype|<html|<head|<body|<article|<div|<p[\s>]|<h1|<!--)", re.I)
# How far into a text an HTML tag still marks it as a page (a fragment may open with <section>).
_HTML_HEAD = 2000
_TAG_MARK = re.compile(r"<[^<>]+>")  # stops at the next "<": one pass over a run of unclosed "<"


def decode(data: bytes, name: str, limit: int = MAX_INPUT_BYTES, what: str = "brief") -> str:
    """UTF-8 text, or a one-line error that says what is wrong with the bytes (``limits``)."""
    check_bytes(data, name, limit, what)
    if _control_share(data[:8192]) > 0.1:
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
        if json_depth(stripped) > MAX_JSON_DEPTH:
            return True  # refused as JSON, with the fix named, by whoever parses it
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
        extracted = trafilatura.bare_extraction(page, include_comments=False, include_tables=False, with_metadata=True)
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


# One tag and its attributes. "[^>]*" runs to the tag's end (or the page's), and finditer goes on
# from there, so a page of unclosed "<meta " is one pass; an attribute starts only after a space.
_TAG = {tag: re.compile(rf"<{tag}\b([^>]*)>?", re.IGNORECASE) for tag in ("meta", "link", "p", "div")}
_ATTR = re.compile(r"""(?<![^\s"'/])([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


def _tags(page: str, tag: str) -> list[tuple[re.Match[str], dict[str, str]]]:
    """Each ``<tag ...>`` on the page with its attributes, names in lower case."""
    out = []
    for m in _TAG[tag].finditer(page):
        attrs = {a.group(1).lower(): next(v for v in a.groups()[1:] if v is not None)
                 for a in _ATTR.finditer(m.group(1))}
        out.append((m, attrs))
    return out


def _meta(page: str, name: str) -> str:
    """The content of the first ``<meta>`` whose name or property is ``name``."""
    for _, attrs in _tags(page, "meta"):
        if name in (attrs.get("name", "").lower(), attrs.get("property", "").lower()) and "content" in attrs:
            return _unescape(attrs["content"])
    return ""


def _element(page: str, lower: str, tag: str, last: bool = False) -> tuple[int, int, int, int] | None:
    """(tag start, content start, content end, end) of the first ``<tag ...>...</tag>``, the
    content running to the last closing tag with ``last``; found with ``str.find``, one pass."""
    start = lower.find(f"<{tag}")
    opened = lower.find(">", start) + 1 if start >= 0 else 0
    if not opened:
        return None
    close = lower.rfind(f"</{tag}>") if last else lower.find(f"</{tag}>", opened)
    return (start, opened, close, close + len(tag) + 3) if close >= opened else None


def _without_bylines(body: str) -> str:
    """``body`` without its byline (``<p class="byline">``, or the ``<div class="byline">`` of
    briefpress's own page): author and date are fields a CMS keeps apart from the post content."""
    for tag in ("p", "div"):
        lower, out, at = body.lower(), [], 0
        for m, attrs in _tags(body, tag):
            if m.start() < at or attrs.get("class", "").lower() != "byline":
                continue
            close = lower.find(f"</{tag}>", m.end())
            if close < 0:
                break
            out.append(body[at : m.start()])
            at = close + len(tag) + 3
        body = "".join(out) + body[at:]
    return body


def html_parts(page: str) -> dict[str, str]:
    """The parts of a saved HTML page a CMS keeps apart: title from <title> (else the first H1),
    description and keyphrase from meta tags, slug and site from the canonical link, and the
    content of <article> (else <body>) without its first H1 and byline."""
    lower = page.lower()
    title_at = _element(page, lower, "title")
    canonical = next((attrs.get("href", "") for _, attrs in _tags(page, "link")
                      if attrs.get("rel", "").lower() == "canonical" and "href" in attrs), "")
    body_at = _element(page, lower, "article", last=True) or _element(page, lower, "body", last=True)
    body = page[body_at[1] : body_at[2]] if body_at else page
    h1 = _element(body, body.lower(), "h1")
    title = _unescape(_TAG_MARK.sub("", page[title_at[1] : title_at[2]])) if title_at else ""
    if h1:
        if not title:
            title = _unescape(_TAG_MARK.sub("", body[h1[1] : h1[2]]))
        body = body[: h1[0]] + body[h1[3]:]  # the post title, not part of the content
    body = _without_bylines(body)
    href = canonical
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
