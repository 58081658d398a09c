"""Quotations that run over several sentences: told whole, in the body alone.

Wire copy quotes a speaker over paragraphs, opening each again and closing only the last. Given
apart, such pieces lose their marks or their speaker ("That just makes it worse."); kept together
by the splitter (``text.open_quote``), the quote is too long to condense and may not be cut.
"""

from __future__ import annotations

import re

from ..lexicon import SAYING, forms
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


# A stretch in double quotes, straight or curly.
QUOTATION = re.compile(r"[\"“]([^\"“”]+)[\"”]")


def speakerless(text: str) -> bool:
    """Whether ``text`` is all quotation, naming no one who said it ("\"That is not safe for them or
    for passengers.\"" after "he said" closed the sentence before): read on its own, a quote
    with no speaker."""
    return QUOTATION.fullmatch(text.strip()) is not None


# A sentence's end followed by more words: inside a quotation, the quote runs over sentences.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“]?[A-Z])")


def quotes_sentences(text: str) -> bool:
    """Whether ``text`` holds a quotation of more than one sentence (the splitter keeps one
    speaker's words together): too long to condense, and no part but the body may cut it."""
    return any(open_quote(text[: m.start()]) for m in _SENTENCE_END.finditer(text))


def without_reopened_marks(text: str) -> str:
    """A quotation over several paragraphs told in one paragraph: the marks that opened each of
    its paragraphs again are taken out (wire copy reopens a quote at every paragraph; inside one
    paragraph a mark that opens what is open reads as a broken quote). Every word stays."""
    out: list[str] = []
    open_ = False
    last = 0  # where the text not yet copied to ``out`` starts
    for m in re.finditer('["“”]', text):
        mark = m.group()
        if mark == '"':
            # the mark read as ``double_quote_open`` reads it, beside what stands on either side
            now_open = double_quote_open(text[max(0, m.start() - 1) : m.end() + 1], open_)
            # open before and after, it opened words again: a reopening where a space stands
            # before it (after "(" or ":" it may be a quote inside the quote)
            reopens = open_ and now_open and (m.start() == 0 or text[m.start() - 1].isspace())
        else:
            now_open = mark == "“"
            reopens = open_ and now_open
        if reopens:
            out.append(text[last : m.start()])
            last = m.end()
        open_ = now_open
    if not out:
        return text
    return "".join(out) + text[last:]


# "Yorkshire captain Alex Lees: "We are all gutted ..."": broadcast copy's way of giving a
# speaker's words, a description and a name before a colon and the quotation. Told in an article
# it reads as a caption; "said" makes it a sentence, and says no more than the colon did.
_SPEAKER_COLON = re.compile(
    r"^(?P<speaker>(?:[A-Za-z][\w'’.-]*\s+){0,5}[A-Z][\w'’.-]*\s+[A-Z][\w'’.-]*):\s+(?P<quote>[\"“].*)$", re.S)


_SAID_FORMS = forms(SAYING, base=True)


def with_said(text: str) -> str:
    """``text`` with "said" after a speaker who stands before a colon and their quotation
    ("Yorkshire captain Alex Lees said: "We are all gutted.""); any other text as it is. The
    speaker ends on two capitalised words (a name) and holds no figure."""
    m = _SPEAKER_COLON.match(text.strip())
    if m is None or any(ch.isdigit() for ch in m["speaker"]) or any(
            w.lower() in _SAID_FORMS for w in m["speaker"].split()):
        return text  # "Batty told BBC Radio London: ..." has its verb
    return f"{m['speaker']} said: {m['quote']}"

