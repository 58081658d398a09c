"""RSS and Atom feed files: each entry's title, summary and content become one brief.

The entry's title is the brief's title, its summary the key points, and its full content (when
the feed carries more than the summary) a further source. The entry's own date (published, else
updated) is the article's date, so a feed read twice gives the same articles.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from ..errors import UsageError
from .items import Item

_BLOCK_TAGS = frozenset({"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"})


def feed_items(file: Path, label: str, fallback: str) -> Iterator[Item]:
    try:
        import feedparser
    except ImportError as exc:
        raise UsageError("reading feeds needs feedparser; install it with: pip install 'briefpress[batch]'") from exc
    try:
        data = file.read_bytes()
    except OSError as exc:
        yield Item(0, label, "", label, fallback_date=fallback, error=f"{label}: cannot be read ({exc.strerror})")
        return
    # feedparser never fetches anything when given bytes, and sanitizes the HTML it returns.
    parsed = feedparser.parse(data)
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


def _squash(text: str) -> str:
    return " ".join(text.split())
