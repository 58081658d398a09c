"""Quotations that run over several sentences: told whole, in the body alone.

Wire copy quotes a speaker over paragraphs, opening each again and closing only the last. Given
apart, such pieces lose their marks or their speaker ("That just makes it worse."); kept together
by the splitter (``text.open_quote``), the quote is too long to condense and may not be cut.
"""

from __future__ import annotations

import re

from ..text import double_quote_open, open_quote


def quote_pieces(sentences: list[str]) -> set[int]:
    """The indexes of ``sentences`` (in story order) that are part of a quotation running over
    more than one sentence: one that opens a quote it does not close, starts inside one, or holds
    one whole (``quotes_sentences``). Told alone, a piece loses its quotation marks or its speaker
    ("That just makes it worse.")."""
    pieces: set[int] = set()
    open_ = False
    for i, text in enumerate(sentences):
        started_open = open_
        # a quote over paragraphs opens each one again without closing the last
        open_ = double_quote_open(text, open_)
        curly = [ch for ch in text if ch in "“”"]
        if curly:
            open_ = curly[-1] == "“"
        if started_open or open_ or quotes_sentences(text):
            pieces.add(i)
    return pieces


# A sentence's end followed by more words: inside a quotation, the quote runs over sentences.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“]?[A-Z])")


def quotes_sentences(text: str) -> bool:
    """Whether ``text`` holds a quotation of more than one sentence (the splitter keeps one
    speaker's words together): too long to condense, and no part but the body may cut it."""
    return any(open_quote(text[: m.start()]) for m in _SENTENCE_END.finditer(text))
