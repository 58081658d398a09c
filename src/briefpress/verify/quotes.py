"""Quotes: quoted words must be in a source, as words in order, and said by the same speaker.

Quote style (curly, straight, or the ``typewriter'' style of tokenised text), case, punctuation
and spacing are ignored; an ellipsis splits a quote into pieces that
must each be found, in order. Short scare quotes (one or two words) are checked as words only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import ATTRIBUTING, QUOTING, alternation, forms

# Curly and straight quotes, and the typewriter styles of tokenised wire text: ``...'' and `...'.
# A straight single quote opening "'s " is a possessive set apart ("sheriff 's deputy"), not a quote.
_QUOTE = re.compile(
    r"“([^”]{2,}?)”|\"([^\"]{2,}?)\"|``([^`']{2,}?)''|(?<![\w`])`([^`']{2,}?)'(?![\w])"
    r"|(?<![\w])‘([^’]{2,}?\s[^’]*?)’(?![\w])|(?<![\w])'(?!s\s)([^'`]{2,}?\s[^'`]*?)'(?![\w])"
)
# "say" and "tell" in their base form too ("analysts say"); no other base form, which may be a noun ("a note").
_SPEECH = re.compile(rf"\b{alternation(forms(QUOTING, base=False) | forms(ATTRIBUTING) | {'according to'})}\b", re.I)
_WORDS = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Quote:
    text: str  # the quoted words, without the marks
    start: int  # offsets of the whole quotation, marks included
    end: int


def extract(text: str) -> list[Quote]:
    out = []
    for m in _QUOTE.finditer(text):
        inner = next(g for g in m.groups() if g is not None)
        if re.search(r"[a-zA-Z]", inner):
            out.append(Quote(inner, m.start(), m.end()))
    return out


def words_of(text: str) -> list[str]:
    return _WORDS.findall(text.lower().replace("’", "'").replace("'", ""))


def pieces(quote: str) -> list[list[str]]:
    return [w for w in (words_of(p) for p in re.split(r"\.\.\.|…|\[[^\]]*\]", quote)) if w]


def find(needle: list[str], hay: list[str], start: int = 0) -> int:
    """Index of ``needle`` as a contiguous run in ``hay`` at or after ``start``, or -1."""
    if not needle:
        return start
    first = needle[0]
    n = len(needle)
    i = start
    while True:
        try:
            i = hay.index(first, i)
        except ValueError:
            return -1
        if hay[i : i + n] == needle:
            return i
        i += 1


def has_speech_verb(text: str) -> bool:
    return bool(_SPEECH.search(text))


def outside(text: str, quotes: list[Quote]) -> str:
    """The sentence with its quotations blanked out (offsets kept)."""
    chars = list(text)
    for q in quotes:
        for i in range(q.start, q.end):
            chars[i] = " "
    return "".join(chars)


UNMARKED_RUN = 6  # words of a quotation told in a row without its marks: the speaker's, not ours


def unmarked_quote(sentence: str, facts: list[str]) -> bool:
    """Whether ``sentence`` gives a speaker's words from one of ``facts`` as its own: a run of
    ``UNMARKED_RUN`` words of a quotation there before any quotation mark it holds (a quote told
    from its second paragraph on opens without one: "There's a few new coaches ... \"Our time
    together ...")."""
    marks = [i for i, ch in enumerate(sentence) if ch in '"“”']
    mine = words_of(sentence[: marks[0]] if marks else sentence)
    for fact in facts:
        for quote in extract(fact):
            said = words_of(quote.text)
            if any(find(mine[i : i + UNMARKED_RUN], said) >= 0 for i in range(len(mine) - UNMARKED_RUN + 1)):
                return True
    return False
