"""Every limit on what briefpress reads, in one place.

The command line, the library (``briefpress.write``, ``briefpress.audit``), ``batch`` and the
HTTP API apply these same numbers, so an input one of them accepts the others accept too, and
every accepted input finishes in bounded time (BENCHMARKS.md, "Hostile and oversized input").
Each ``check_*`` raises a one-line ``InputError`` that names the fix; all of them are cheap
(linear in the input, no parsing), so a server may run them before it accepts a request.

Long paragraphs and sentences are cut into pieces, not refused: a pasted wall of text is
legitimate material (``briefpress.text`` cuts at sentence ends, else at spaces).
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from .errors import EncodingError, InputError, InputTooLargeError

MAX_INPUT_BYTES = 2 * 1024 * 1024
"""Bytes in one brief or one source (UTF-8)."""
MAX_ARTICLE_BYTES = 512 * 1024
"""Bytes in one article to audit: a news article is rarely over 50 KB."""
MAX_SOURCES = 20
"""Sources in one run: the brief, the sources it embeds and the further sources together."""
MAX_FACTS = 2000
"""Sentences (facts) in all the sources of one run together."""
MAX_PARAGRAPH_CHARS = 10_000
"""Characters the sentence splitter takes at once; a longer paragraph is cut into pieces first."""
MAX_SENTENCE_CHARS = 2_000
"""Characters in one sentence (fact); a longer one is cut at a space into pieces."""
MAX_JSON_DEPTH = 20
"""Nesting of objects and lists in a JSON brief, source or article (a brief needs 4)."""

ITEM_TIMEOUT_S = 600.0
"""Seconds one batch item (one brief) may run before it is stopped and reported failed."""

_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


def json_depth(text: str) -> int:
    """The deepest nesting of objects and lists in ``text``, strings left out; linear, no parse,
    so a hostile document is measured before ``json.loads`` would recurse into it."""
    depth = deepest = 0
    for m in _BRACKET.finditer(_JSON_STRING.sub("", text)):
        if m.group(0) in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def check_data_depth(data: object, name: str) -> None:
    """JSON already parsed (an HTTP body) nested no deeper than allowed; iterative, so hostile
    nesting cannot exhaust the stack while it is measured."""
    stack = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, (dict, list)):
            if depth > MAX_JSON_DEPTH:
                raise InputError(f"{name} nests more than {MAX_JSON_DEPTH} levels deep; send it as briefpress wrote it")
            stack.extend((child, depth + 1) for child in (node.values() if isinstance(node, dict) else node))


def check_json_depth(text: str, name: str) -> None:
    if json_depth(text) > MAX_JSON_DEPTH:
        raise InputError(
            f"{name}: JSON nested more than {MAX_JSON_DEPTH} levels deep; a brief is "
            '{"title": "...", "points": ["..."], "sources": ["..."]}, flatten it to that'
        )


def _too_large(name: str, size: int, limit: int, what: str) -> InputTooLargeError:
    shown = f"{size / 1048576:.1f} MB" if limit >= 1048576 else f"{size / 1024:.0f} KB"
    cap = f"{limit // 1048576} MB" if limit >= 1048576 else f"{limit // 1024} KB"
    return InputTooLargeError(f"{name} is {shown}, over the {cap} limit for one {what}; {_SPLIT_HINT[what]}")


_SPLIT_HINT = {"brief": "split it into smaller sources", "article": "audit it in parts"}


def check_bytes(data: bytes, name: str, limit: int = MAX_INPUT_BYTES, what: str = "brief") -> None:
    """Size and binary content of raw input: over ``limit`` bytes, or a NUL byte anywhere."""
    if len(data) > limit:
        raise _too_large(name, len(data), limit, what)
    if b"\x00" in data:
        raise EncodingError(f"{name} looks like a binary file (it holds a NUL byte); give a text, Markdown, HTML "
                            "or JSON file")


def check_text(text: str, name: str, limit: int = MAX_INPUT_BYTES, what: str = "brief") -> None:
    """The checks of ``check_bytes`` for text already decoded (an API field, a JSON string), and
    that it is text UTF-8 can hold (no lone surrogates) and JSON no deeper than allowed."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise EncodingError(f"{name} holds a lone surrogate (character {exc.start}), not text; "
                            "send it as valid UTF-8") from exc
    check_bytes(data, name, limit, what)
    if text.lstrip()[:1] in ("{", "["):
        check_json_depth(text, name)


def check_sources(count: int, name: str = "the run") -> None:
    if count > MAX_SOURCES:
        raise InputError(f"{name} has more than {MAX_SOURCES} sources; keep the {MAX_SOURCES} that matter most, "
                         "or merge short ones into one file")


def check_facts(count: int, name: str = "the run") -> None:
    if count > MAX_FACTS:
        raise InputError(f"{name} holds more than {MAX_FACTS} sentences (facts); a brief needs its key points, "
                         "not a corpus: keep the sentences that matter, or split it into several briefs")


class Overtime(BaseException):
    """Raised by ``time_limit`` when its time is up. A ``BaseException``, like ``KeyboardInterrupt``,
    so no ``except Exception`` on the way can take it for the work's own failure."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``Overtime`` in the block once ``seconds`` have passed (None or 0: no limit). A
    SIGALRM timer, so it stops pure-Python work and regular expressions alike; it needs the main
    thread of a process (a batch worker, a job's child process), and elsewhere sets no limit."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not seconds or not usable:
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise Overtime(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


__all__ = [
    "ITEM_TIMEOUT_S",
    "MAX_ARTICLE_BYTES",
    "MAX_FACTS",
    "MAX_INPUT_BYTES",
    "MAX_JSON_DEPTH",
    "MAX_PARAGRAPH_CHARS",
    "MAX_SENTENCE_CHARS",
    "MAX_SOURCES",
    "Overtime",
    "check_bytes",
    "check_facts",
    "check_json_depth",
    "check_sources",
    "check_text",
    "json_depth",
    "time_limit",
]
