"""The facts a model sentence rests on, as the evidence map shows them.

The model cites fact ids after each sentence, and a small model often cites the wrong ones: "The
European Commission is investigating the methods Starbucks used to lower its tax bills" cited
F3 ("It could face millions of pounds in back taxes ..."), told from F2; a conclusion built from
F2 and F3 cited F1. The grounding check has found the facts that do hold the sentence (its
evidence), so where the model's citations hold less than most of the sentence's words, the
verifier's facts are cited instead: the evidence map has to show what each sentence rests on.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Fact
from ..text import STOPWORDS
from ..verify.quotes import words_of
from ..verify.report import EvidenceSpan

# The share of a sentence's content words its citations must hold to stand as the model gave them.
CITED_SHARE = 0.6
_MOST_FACTS = 3


def content_words(text: str) -> set[str]:
    return {w for w in words_of(text) if w not in STOPWORDS and len(w) > 2}


def held_share(wanted: set[str], facts: Sequence[Fact], words: dict[str, set[str]] | None = None) -> float:
    """The share of ``wanted`` that the facts' words hold (``words``: each fact's, by id, read
    once by the caller)."""
    if not wanted:
        return 1.0
    held = {w for f in facts for w in (words[f.id] if words is not None else words_of(f.text))}
    return len(wanted & held) / len(wanted)


def recited(text: str, cited: Sequence[Fact], evidence: Sequence[EvidenceSpan], facts: Sequence[Fact]) -> list[Fact]:
    """``cited`` where they hold most of ``text``'s content words; else the fewest of the
    verifier's ``evidence`` facts and the cited ones (at most three) that hold the most of them,
    where those hold more."""
    wanted = content_words(text)
    if held_share(wanted, cited) >= CITED_SHARE:
        return list(cited)
    by_place = {(f.source, f.start, f.end): f for f in facts}
    found = [by_place[(e.source, e.start, e.end)] for e in evidence if (e.source, e.start, e.end) in by_place]
    candidates = list({f.id: f for f in [*found, *cited]}.values())
    words = {f.id: set(words_of(f.text)) for f in candidates}
    chosen: list[Fact] = []
    while len(chosen) < _MOST_FACTS:
        best = max(candidates, key=lambda f: held_share(wanted, [*chosen, f], words), default=None)
        if best is None or held_share(wanted, [*chosen, best], words) <= held_share(wanted, chosen, words):
            break
        chosen.append(best)
        candidates.remove(best)
    if held_share(wanted, chosen, words) <= held_share(wanted, cited, words):
        return list(cited)
    order = {f.id: i for i, f in enumerate(facts)}
    return sorted(chosen, key=lambda f: order.get(f.id, len(order)))
