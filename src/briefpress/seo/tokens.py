"""Sentences and words, split the way Yoast's English analysis splits them.

Two word counts exist on purpose: text length splits on white space only ("Japan-U.S." is one
word), while sentence-level checks split on hyphens and dashes too (two words).
"""

from __future__ import annotations

import re
from functools import lru_cache

PUNCTUATION = (
    "–-()_[]’‘“”〝〞〟‟„\"'.?!:;,¿¡«»‹›—×+&<>…"
)
_TOKEN_SEPARATORS = re.compile(r"[\s\u00a0\u2013\u2014\-\[\]]+")
_QUOTES = "'\"‘’“”„‟‚‛`〝〞〟«»‹›"
_CLOSING_DELIMITERS = "”〞〟„』›»’‛`\"'"

ABBREVIATIONS = [
    "A.D.", "Adm.", "Adv.", "B.C.", "Br.", "Brig.", "Cmrd.", "Col.", "Cpl.", "Cpt.", "Dr.", "Esq.", "Fr.", "Gen.",
    "Gov.", "Hon.", "Jr.", "Lieut.", "Lt.", "Maj.", "Mr.", "Mrs.", "Ms.", "Msgr.", "Mx.", "No.", "Pfc.", "Pr.", "Prof.",
    "Pvt.", "Rep.", "Reps.", "Rev.", "Hon.", "Sen.", "Sens.", "Sgt.", "Sps.", "Sr.", "St.", "vs.", "i.e.", "e.g.",
    "viz.", "Mt.",
]
_ABBREV_END = re.compile(
    r"(?:^|[\s(\"'“‘])(?:" + "|".join(re.escape(a) for a in sorted(set(ABBREVIATIONS), key=len, reverse=True)) + r")$"
)
_INITIAL_BEFORE = re.compile(r"(?:^|[\s.,'()\"+\-;!?:/»«‹›<>])[A-Za-z]$")


def strip_punctuation(word: str) -> str:
    return word.strip(PUNCTUATION)


@lru_cache(maxsize=16384)
def count_words(text: str) -> int:
    """Words as text length counts them: white-space separated, punctuation removed."""
    return sum(1 for w in text.split() if strip_punctuation(w))


@lru_cache(maxsize=16384)
def tokens(text: str) -> tuple[str, ...]:
    """Words as keyphrase matching sees them: hyphens and dashes separate words too."""
    out = []
    for raw in _TOKEN_SEPARATORS.split(text):
        word = strip_punctuation(raw)
        if word:
            out.append(word)
    return tuple(out)


_LENGTH_SEPARATORS = re.compile(r"[\s\u00a0\u2013\u2014\[\]]+")


@lru_cache(maxsize=16384)
def length_words(text: str) -> tuple[str, ...]:
    """Words as sentence and paragraph length count them: hyphenated compounds stay one word
    ("Indo-Pacific"), dashes and brackets separate."""
    out = []
    for raw in _LENGTH_SEPARATORS.split(text):
        word = strip_punctuation(raw)
        if word:
            out.append(word)
    return tuple(out)


def _valid_start(ch: str) -> bool:
    return ch != ch.lower() or ch.isdigit() or ch in _QUOTES or ch in "¿¡<"


_SPACES = re.compile(r"\s+")
_CANDIDATES = re.compile("[.?!…" + re.escape(_CLOSING_DELIMITERS) + "]")
_INITIAL_AFTER = re.compile(r"\s?[A-Za-z]\.")


def _after(text: str, i: int) -> str:
    """The two characters after position i, with the first white-space run collapsed."""
    rest = text[i + 1 : i + 40]
    return _SPACES.sub(" ", rest, count=1)[:2]


@lru_cache(maxsize=4096)
def split_sentences(text: str) -> tuple[str, ...]:
    """Sentences of one paragraph or heading."""
    out: list[str] = []
    start = 0
    n = len(text)
    for m in _CANDIDATES.finditer(text):
        i, ch = m.start(), m.group(0)
        split = False
        if ch == ".":
            current = text[start : i + 1]
            nxt = _after(text, i)
            if _ABBREV_END.search(current.strip()):
                continue
            if nxt[:1].isdigit():
                continue
            # "J. K. Rowling": a single letter, a dot, a single letter and a dot again.
            if _INITIAL_BEFORE.search(text[start:i]) and _INITIAL_AFTER.match(text, i + 1, i + 4):
                continue
            split = len(nxt) == 2 and nxt[0].isspace() and _valid_start(nxt[1])
        elif ch in "?!":
            split = i + 1 < n and text[i + 1].isspace()
        elif ch == "…" or (ch in _CLOSING_DELIMITERS and i > 0 and text[i - 1] == "."):
            # An ellipsis, or a closing quote right after a full stop: split before a new sentence.
            nxt = _after(text, i)
            split = len(nxt) == 2 and nxt[0].isspace() and _valid_start(nxt[1])
        if split:
            sentence = text[start : i + 1].strip()
            if sentence:
                out.append(sentence)
            start = i + 1
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return tuple(out)
