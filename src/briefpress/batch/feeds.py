"""RSS and Atom feed files: each entry's title, summary and content become one brief.

The entry's title is the brief's title, its summary the key points, and its full content (when
the feed carries more than the summary) a further source. An entry too thin to write from (no
content and a summary of under ``THIN_SENTENCES`` sentences) names its link as a source to fetch:
``briefpress.evidence.resolve_brief`` fetches it when the brief is written. The entry's own date (published, else
updated) is the article's date, so a feed read twice gives the same articles.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from ..errors import InputError, UsageError
from .items import Item

THIN_SENTENCES = 2

_BLOCK_TAGS = frozenset({"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"})


@dataclass(frozen=True)
class FeedEntry:
    title: str
    text: str  # the summary, then the content when it says more
    link: str | None
    date: str | None


def _parse(data: bytes) -> Any:
    try:
        import feedparser
    except ImportError as exc:
        raise UsageError("reading feeds needs feedparser; install it with: pip install 'briefpress[batch]'") from exc
    # feedparser never fetches anything when given bytes, and sanitizes the HTML it returns.
    return feedparser.parse(data)


def feed_entries(data: bytes, label: str) -> list[FeedEntry]:
    """The entries of an RSS or Atom document, as plain text (what the archive keeps)."""
    parsed = _parse(data)
    if not parsed.entries:
        raise InputError(f"{label}: no feed entries found; give an RSS or Atom file")
    out = []
    for entry in parsed.entries:
        summary = _text(entry.get("summary", ""))
        content = "\n\n".join(c for c in (_text(c.get("value", "")) for c in entry.get("content", []) or []) if c)
        text = summary if not content or _squash(content) == _squash(summary) else f"{summary}\n\n{content}".strip()
        out.append(FeedEntry(_text(entry.get("title", "")), text, entry.get("link") or None, _entry_date(entry)))
    return out


def first_entry_brief(data: bytes, label: str) -> str:
    """The newest (first) entry of a feed as a JSON brief: what ``write`` makes of a feed file."""
    parsed = _parse(data)
    if not parsed.entries:
        raise InputError(f"{label}: no feed entries found; give an RSS or Atom file")
    item = _entry_item(parsed.entries[0], f"{label}#1", label, "")
    if item.error:
        raise InputError(item.error)
    return item.brief


def feed_items(file: Path, label: str, fallback: str) -> Iterator[Item]:
    try:
        data = file.read_bytes()
    except OSError as exc:
        yield Item(0, label, "", label, fallback_date=fallback, error=f"{label}: cannot be read ({exc.strerror})")
        return
    parsed = _parse(data)
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None)
        detail = f" ({' '.join(str(reason).split())})" if reason else ""
        yield Item(0, label, "", label, fallback_date=fallback,
                   error=f"{label}: no feed entries found{detail}; give an RSS or Atom file")
        return
    for n, entry in enumerate(parsed.entries, start=1):
        yield _entry_item(entry, f"{label}#{n}", label, fallback)


def _entry_item(entry: Any, where: str, label: str, fallback: str) -> Item:
    title = _text(entry.get("title", ""))
    summary = _text(entry.get("summary", ""))
    contents = [_text(c.get("value", "")) for c in entry.get("content", []) or []]
    content = "\n\n".join(c for c in contents if c)
    link = entry.get("link") or None
    name = link or entry.get("id") or label  # not the position: new entries on top must not change a key
    points = _paragraphs(summary)
    if content and _squash(content) == _squash(summary):
        content = ""
    if not points and content:  # an entry with content only: its paragraphs are the brief
        points, content = _paragraphs(content), ""
    if not title and not points:
        return Item(0, where, "", where, fallback_date=fallback,
                    error=f"{where}: the feed entry has no title, summary or content")
    brief: dict[str, Any] = {"title": title, "points": points}
    if content:
        source: dict[str, Any] = {"name": name, "text": content}
        if link:
            source["url"] = link
        brief["sources"] = [source]
    elif link and _thin(points):
        brief["sources"] = [{"name": link, "url": link}]
    return Item(
        0, where, json.dumps(brief, sort_keys=True, ensure_ascii=False), name,
        date=_entry_date(entry), fallback_date=fallback,
    )


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            # feedparser gives UTC struct_time; timegm reads it as UTC.
            return datetime.fromtimestamp(calendar.timegm(value), tz=UTC).isoformat()
    return None


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _text(html: str) -> str:
    """Feed HTML as plain text: tags dropped, entities decoded, one paragraph per line."""
    if "<" not in html and "&" not in html:
        return html.strip()
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]
    return "\n".join(line for line in lines if line)


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _thin(points: list[str]) -> bool:
    from ..text import split_sentences

    return sum(len(split_sentences(p)) for p in points) < THIN_SENTENCES


def _squash(text: str) -> str:
    return " ".join(text.split())
