"""The sources, indexed once per check: words, stems, figures, names and quote text per fact."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..models import Fact
from ..nlp import stem, tokens
from ..text import STOPWORDS
from . import figures as fig
from . import quotes as qt
from . import scores as sc
from .names import NameIndex


def content_stems(text: str) -> list[str]:
    return [stem(w) for w in tokens(text) if w.lower() not in STOPWORDS]


@dataclass
class SourceText:
    """One source's facts joined, as quote words, with the fact each word came from."""

    name: str
    facts: list[int] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    word_fact: list[int] = field(default_factory=list)


# A sentence end inside a fact: a full stop after a word of three letters or more (not a title
# such as "Prof."), or one set apart by spaces as tokenised text writes it ("years . toro").
_INNER_END = re.compile(r"(?<=\s[.!?])\s+|(?<=[a-z0-9]{3}[.!?])\s+(?=\S)", re.I)
_TITLE_END = re.compile(r"\b(?:prof|gen|sen|rep|gov|capt|col|sgt|insp|supt|corp|inc|ltd|vs|etc)\.$", re.I)


def _sentences_within(text: str) -> list[str]:
    pieces, start = [], 0
    for m in _INNER_END.finditer(text):
        if _TITLE_END.search(text[start : m.start()]):
            continue
        pieces.append(text[start : m.start()])
        start = m.end()
    if start:
        pieces.append(text[start:])
    return [p for p in pieces if len(p.split()) >= 4]


class SourceIndex:
    def __init__(self, facts: list[Fact]) -> None:
        self.facts = facts
        self.stems = [content_stems(f.text) for f in facts]
        self.stem_sets = [set(s) for s in self.stems]
        self.all_stems: set[str] = set().union(*self.stem_sets) if self.stem_sets else set()
        self.figures = [fig.extract(f.text) for f in facts]
        self.scores = [sc.extract(f.text, loose=True) for f in facts]
        self.names = NameIndex([f.text for f in facts])
        self.lower = [f" {' '.join(qt.words_of(f.text))} " for f in facts]
        self._by_words: dict[str, int] = {}
        for i, words in enumerate(self.lower):
            self._by_words.setdefault(words, i)
        # A fact the sentence splitter left whole ("... for 27 years . toro , 66 , was ..." in
        # lower-case wire text) still holds its sentences: each is a fact's words too.
        for i, f in enumerate(facts):
            for piece in _sentences_within(f.text):
                self._by_words.setdefault(f" {' '.join(qt.words_of(piece))} ", i)
        df: Counter[str] = Counter()
        for s in self.stem_sets:
            df.update(s)
        n = max(1, len(facts))
        # A stem no source holds gets the largest idf: it is the most telling word.
        self.idf = {w: math.log(1 + (n - c + 0.5) / (c + 0.5)) for w, c in df.items()}
        self.idf_unseen = math.log(1 + (n + 0.5) / 0.5)
        self.avg_len = sum(len(s) for s in self.stems) / n if facts else 1.0
        self.sources: dict[str, SourceText] = {}
        for i, f in enumerate(facts):
            st = self.sources.setdefault(f.source, SourceText(f.source))
            st.facts.append(i)
            ws = qt.words_of(f.text)
            st.words.extend(ws)
            st.word_fact.extend([i] * len(ws))
        self.position: dict[int, tuple[str, int]] = {}
        for name, st in self.sources.items():
            for k, i in enumerate(st.facts):
                self.position[i] = (name, k)
        self._postings: dict[str, list[int]] = defaultdict(list)
        for i, s in enumerate(self.stem_sets):
            for w in s:
                self._postings[w].append(i)

    def verbatim(self, text: str) -> int | None:
        """The fact whose words ``text`` repeats exactly (case, spacing and punctuation aside)."""
        return self._by_words.get(f" {' '.join(qt.words_of(text))} ")

    def weight(self, s: str) -> float:
        return self.idf.get(s, self.idf_unseen)

    def bm25(self, query: list[str], k: int = 5, k1: float = 1.2, b: float = 0.75) -> list[tuple[int, float]]:
        scores: dict[int, float] = defaultdict(float)
        for w in sorted(set(query)):  # a fixed order: float sums and ties must not vary by hash seed
            idf = self.idf.get(w)
            if idf is None:
                continue
            for i in self._postings[w]:
                tf = self.stems[i].count(w)
                dl = len(self.stems[i])
                scores[i] += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / self.avg_len))
        return sorted(scores.items(), key=lambda x: (-x[1], x[0]))[:k]

    def neighbours(self, i: int, width: int = 1) -> list[int]:
        """Fact ``i`` and the facts next to it in the same source."""
        name, k = self.position[i]
        ids = self.sources[name].facts
        return ids[max(0, k - width) : k + width + 1]
