"""Consistency: the article disagrees with itself (two figures for one quantity, two dates for one event).

Two figures conflict when they are of the same kind (unit, or counted noun), differ in value, and
the words around them say they are about the same thing.
"""

from __future__ import annotations

from ..nlp import stem, tokens
from . import figures as fig
from .report import ConsistencyFinding, SentenceVerdict
from .sources import content_stems

_WINDOW = 5


def _context(text: str, f: fig.Figure) -> set[str]:
    before = content_stems(text[: f.start])[-_WINDOW:]
    after = content_stems(text[f.end :])[:_WINDOW]
    own = {stem(w) for w in tokens(f.text)}
    return {w for w in [*before, *after] if w not in own and not w.isdigit()}


def find(sentences: list[SentenceVerdict]) -> list[ConsistencyFinding]:
    items: list[tuple[int, fig.Figure, set[str]]] = []
    for k, s in enumerate(sentences):
        if s.verdict == "no_claim":
            continue
        for f in fig.extract(s.text):
            if f.unit in ("ordinal", "weekday"):
                continue
            items.append((k, f, _context(s.text, f)))
    findings: list[ConsistencyFinding] = []
    reported: set[tuple[int, int, str]] = set()
    for a in range(len(items)):
        ka, fa, ca = items[a]
        for b in range(a + 1, len(items)):
            kb, fb, cb = items[b]
            if ka == kb or sentences[ka].text == sentences[kb].text:
                continue
            kind_a = fa.unit or fa.noun
            kind_b = fb.unit or fb.noun
            if not kind_a or kind_a != kind_b or fig.same_value(fa, fb) or fig.same_value(fb, fa):
                continue
            shared = ca & cb
            if len(shared) >= 2 and len(shared) >= 0.5 * min(len(ca), len(cb)):
                key = (ka, kb, kind_a)
                if key in reported:
                    continue
                reported.add(key)
                what = "dates" if fa.unit in ("date", "month", "year") else "figures"
                findings.append(ConsistencyFinding(
                    kind="date" if what == "dates" else "figure",
                    sentences=[ka, kb],
                    detail=f"two {what} for one thing ({', '.join(sorted(shared)[:3])}): '{fa.text}' and '{fb.text}'",
                ))
    return findings
