"""Word forms and keyphrase matching.

With word forms on (as in Yoast Premium), a keyphrase word also matches every word of the page
that shares its stem ("approve", "approved", "approves", "approving"). With them off (as in the
free analysis) only the word itself matches. The stemmer is a small English suffix stripper:
it only has to put inflections of one word together, never to produce a dictionary form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .language import FUNCTION_WORDS
from .tokens import tokens

_DOUBLE_QUOTES = "\"“”„‟〝〞〟"
_VOWELS = set("aeiouy")


@lru_cache(maxsize=65536)
def _normalize(word: str) -> str:
    word = word.lower().replace("’", "'").replace("‘", "'")
    for suffix in ("'s", "s'"):
        if word.endswith(suffix) and len(word) > 3:
            return word[: -len(suffix)] + ("s" if suffix == "s'" else "")
    return word


def _undoubled(w: str) -> str:
    """"stopp" -> "stop": the consonant an inflection doubled ("l", "s" and "z" stay doubled)."""
    return w[:-1] if len(w) > 2 and w[-1] == w[-2] and w[-1] not in "lsz" else w


def _without_plural(w: str) -> str | None:
    """``w`` without a plural or third-person "-s", or None where it has none."""
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("sses") or re.search(r"(?:[sxz]|ch|sh)es$", w):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return None


def _without_verb_ending(w: str) -> str | None:
    """``w`` without a past "-ed" or a present participle's "-ing", or None where it has neither."""
    if w.endswith("ied") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ed") and len(w) > 4 and any(c in _VOWELS for c in w[:-2]):
        return _undoubled(w[:-2])
    if w.endswith("ing") and len(w) > 5 and any(c in _VOWELS for c in w[:-3]):
        return _undoubled(w[:-3])
    return None


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    w = _normalize(word)
    if len(w) <= 3 or not w.isalpha():
        return w
    stripped = _without_plural(w)
    if stripped is None:
        stripped = _without_verb_ending(w)
    if stripped is not None:
        w = stripped
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


def is_double_quoted(keyphrase: str) -> bool:
    k = keyphrase.strip()
    return len(k) > 2 and k[0] in _DOUBLE_QUOTES and k[-1] in _DOUBLE_QUOTES


@dataclass(frozen=True)
class Topic:
    """The keyphrase as the checks match it: one set of accepted forms per content word."""

    text: str
    words: tuple[str, ...]  # the content words, lower case
    forms: tuple[frozenset[str], ...]
    exact: bool  # a double-quoted keyphrase matches only as written

    @property
    def length(self) -> int:
        return len(self.words)


def keyphrase_words(keyphrase: str) -> list[str]:
    return [w.lower() for w in tokens(keyphrase)]


def content_words(keyphrase: str) -> list[str]:
    """The keyphrase without function words; all of it when it holds nothing else."""
    words = keyphrase_words(keyphrase)
    kept = [w for w in words if w not in FUNCTION_WORDS]
    return kept or words


def build_topic(keyphrase: str, page_words: set[str] | None = None) -> Topic:
    """``page_words``: every word of the page (text, title, slug, description, alt texts), lower
    case; given, each keyphrase word also matches the page's words with the same stem."""
    k = keyphrase.strip()
    if is_double_quoted(k):
        inner = k[1:-1].strip().lower()
        return Topic(k, (inner,), (frozenset({inner}),), exact=True)
    words = tuple(dict.fromkeys(content_words(k)))
    forms: list[frozenset[str]] = []
    for w in words:
        accepted = {w, _normalize(w)}
        if page_words is not None:
            s = stem(w)
            accepted |= {p for p in page_words if p not in FUNCTION_WORDS and stem(p) == s}
        forms.append(frozenset(accepted))
    return Topic(k, words, tuple(forms), exact=False)


@lru_cache(maxsize=16384)
def _token_keys(text: str) -> tuple[str, ...]:
    return tuple(t.lower() for t in tokens(text))


@lru_cache(maxsize=16384)
def _token_pairs(text: str) -> tuple[tuple[str, str], ...]:
    return tuple((t, _normalize(t)) for t in _token_keys(text))


def word_counts(topic: Topic, text: str) -> list[int]:
    """How often each keyphrase word (any of its forms) occurs in ``text``."""
    if topic.exact:
        return [count_exact(topic, text)]
    pairs = _token_pairs(text)
    return [sum(1 for t, n in pairs if t in f or n in f) for f in topic.forms]


def count_exact(topic: Topic, text: str) -> int:
    phrase = list(_token_keys(topic.words[0]))
    if not phrase:
        return 0
    toks = list(_token_keys(text))
    count = i = 0
    while i + len(phrase) <= len(toks):
        if toks[i : i + len(phrase)] == phrase:
            count += 1
            i += len(phrase)
        else:
            i += 1
    return count


def occurrences(topic: Topic, sentence: str) -> int:
    """Yoast's count in one sentence: every word must be there; the rarest word sets the count."""
    counts = word_counts(topic, sentence)
    return min(counts) if counts and all(counts) else 0


def percent_found(topic: Topic, text: str) -> float:
    """The share of keyphrase words found anywhere in ``text``, 0 to 100."""
    counts = word_counts(topic, text)
    if not counts:
        return 0.0
    return round(100 * sum(1 for c in counts if c) / len(counts))
