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
MAX_FINDINGS = 50


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
    # Only figures of one kind can conflict: compare within each kind, not every pair; then put
    # the findings back in the order of the figures in the article.
    by_kind: dict[str, list[tuple[int, int, fig.Figure, set[str]]]] = {}
    for n, (k, f, context) in enumerate(items):
        kind = f.unit or f.noun
        if kind:
            by_kind.setdefault(kind, []).append((n, k, f, context))
    found: list[tuple[int, int, ConsistencyFinding]] = []
    for kind, same_kind in by_kind.items():
        found += _conflicts(sentences, same_kind, kind)
    return [finding for _, _, finding in sorted(found, key=lambda x: (x[0], x[1]))][:MAX_FINDINGS]


def _conflicts(sentences: list[SentenceVerdict], items: list[tuple[int, int, fig.Figure, set[str]]],
               kind_a: str) -> list[tuple[int, int, ConsistencyFinding]]:
    """The conflicts among ``items`` (figures of one kind), with the positions of their two figures,
    up to ``MAX_FINDINGS``: past that the article is not an article, and more say nothing new."""
    findings: list[tuple[int, int, ConsistencyFinding]] = []
    reported: set[tuple[int, int]] = set()
    for a in range(len(items)):
        na, ka, fa, ca = items[a]
        for b in range(a + 1, len(items)):
            if len(findings) >= MAX_FINDINGS:
                return findings
            nb, kb, fb, cb = items[b]
            if ka == kb or sentences[ka].text == sentences[kb].text:
                continue
            if fig.same_value(fa, fb) or fig.same_value(fb, fa):
                continue
            shared = ca & cb
            if len(shared) >= 2 and len(shared) >= 0.5 * min(len(ca), len(cb)):
                if (ka, kb) in reported:
                    continue
                reported.add((ka, kb))
                what = "dates" if fa.unit in ("date", "month", "year") else "figures"
                findings.append((na, nb, ConsistencyFinding(
                    kind="date" if what == "dates" else "figure",
                    sentences=[ka, kb],
                    detail=f"two {what} for one thing ({', '.join(sorted(shared)[:3])}): '{fa.text}' and '{fb.text}'",
                )))
    return findings
