"""The figure checks: every figure of a sentence must be one a source gives for the same thing.

A figure no source gives is unsupported; another value for the same kind of thing in the
sentences that support the claim, or the article's value moved to another measure, contradicts it.
"First" and "second" before a noun count as ordinals here too.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..nlp import stem
from . import figures as fig
from .report import Reason

if TYPE_CHECKING:
    from typing import Any

    from .sources import SourceIndex
    from .statements import Support


def check_figures(text: str, index: SourceIndex,
                  support: Support) -> tuple[list[Reason], list[tuple[int, float]], bool]:
    """Reasons against the sentence's figures, the facts that give them, and whether one is contradicted."""
    reasons: list[Reason] = []
    evidence: list[tuple[int, float]] = []
    contradicted = False
    near = [i for i, _ in support.facts]
    for f in fig.extract(text):
        found = _source_of(f, index, near)
        rival = _moved_figure(f, index) if found is not None else _rival_nearby(f, index, near)
        if found is not None and rival is None:
            evidence.append((found, 1.0))
            period = _period_dropped(f, text, index.facts[found].text, index.figures[found])
            if period is not None:
                contradicted = True
                reasons.append(Reason(kind="number", text=f.text, detail=period))
            continue
        if rival is None:
            reasons.append(Reason(kind="number", text=f.text, detail=f"no source gives the figure '{f.text}'"))
            continue
        contradicted = True
        reasons.append(Reason(kind="number", text=f.text, detail=_rival_detail(f, rival, moved=found is not None)))
    return reasons, evidence, contradicted


# A span a figure is given for: "for the fourth quarter", "in the first half", "for the full year".
_PERIOD = re.compile(r"\b(?:(?:first|second|third|fourth|final|last)\s+(?:quarter|half)|full[\s-]+year|Q[1-4]|H[12])\b",
                     re.I)


def _period_dropped(f: fig.Figure, text: str, source: str, figures: list[fig.Figure]) -> str | None:
    """Where the source sentence gives figures of ``f``'s kind for two spans ("a 30% decrease" for
    the fourth quarter, "a 4% increase" for the full year) and ``text`` gives ``f`` without its
    span, a part of the year: what the source says, for the message; None otherwise. Told without
    it, the quarter's figure reads as the year's."""
    periods = [(m.start(), m.group(0)) for m in _PERIOD.finditer(source)]
    if len({p.lower() for _, p in periods}) < 2:
        return None
    same = [g for g in figures if g.unit == f.unit and not fig.same_value(f, g)]
    own = next((g for g in figures if g.unit == f.unit and fig.same_value(f, g)), None)
    if own is None or not same:
        return None
    span = next((p for at, p in reversed(periods) if at < own.start), None)
    # A figure without a span reads as the whole year's: only a part of it must be named.
    if span is None or re.fullmatch(r"full[\s-]+year", span, re.I) or _PERIOD.search(text):
        return None
    return f"the sources give '{own.text}' for the {span.lower()} only; say so"


def _same_thing(f: fig.Figure, g: fig.Figure, figs: list[fig.Figure], stems: set[str]) -> bool:
    """Whether source figure ``g`` (of a sentence with ``figs`` and ``stems``) gives article figure ``f``."""
    if not (fig.units_compatible(f.unit, g.unit) and fig.same_value(f, g) and fig.qualifier_compatible(f, g)):
        return False
    # The same thing: a counted noun must be in that source sentence too.
    if f.noun and g.noun and f.noun != g.noun and f.noun not in stems \
            and not any(s.startswith(f.noun[:5]) for s in stems):
        return False
    # "25 points" where the sentence counts 25 of something else and the points belong to
    # another figure ("took his tally to 25 ... up to 64 points").
    return not (f.noun and f.noun != g.noun and any(h.noun == f.noun and not fig.same_value(f, h) for h in figs))


def _source_of(f: fig.Figure, index: SourceIndex, near: list[int]) -> int | None:
    """The fact that gives ``f``: the first one that does among those supporting the claim, else the last."""
    found = None
    for i, figs in enumerate(index.figures):
        if any(_same_thing(f, g, figs, index.stem_sets[i]) for g in figs):
            found = i
        if found is not None and found in near:
            break
    return found


def _rival_nearby(f: fig.Figure, index: SourceIndex, near: list[int]) -> fig.Figure | None:
    """A different value for the same kind of thing in the two facts nearest the claim."""
    for i in near[:2]:
        for g in index.figures[i]:
            same_kind = (f.unit and f.unit == g.unit and f.unit not in ("", "year")) or (f.noun and f.noun == g.noun)
            if same_kind and (not fig.same_value(f, g) or not fig.qualifier_compatible(f, g)):
                return g
    return None


def _rival_detail(f: fig.Figure, rival: fig.Figure, moved: bool) -> str:
    if moved:
        return f"the sources give {rival.measure_text} as '{rival.text}', not '{f.text}'"
    if fig.same_value(f, rival):  # the same value under another bound: "over 30" for "up to 30"
        return f"the sources give '{fig.bounded(rival)}' here, not '{fig.bounded(f)}'"
    return f"the sources give '{rival.text}' here, not '{f.text}'"


def _moved_figure(f: fig.Figure, index: SourceIndex) -> fig.Figure | None:
    """The figure a source binds to what the article binds ``f`` to, where the article's value is
    in that source sentence but bound to something else (``figures.rival_binding``); None where
    any source binds that measure to ``f``'s value."""
    if not f.measure:
        return None
    if any(g.measure == f.measure and fig.same_value(f, g) for figs in index.figures for g in figs):
        return None
    return next((r for figs in index.figures if (r := fig.rival_binding(f, figs)) is not None), None)


_FIRST_SECOND = frozenset(("first", "second"))


def _ordinal_before(text: str, ordinal: str, noun: str) -> bool:
    """``text`` has ``ordinal`` as a word of its own ("second-half" is not "second") with ``noun``
    at most three words after it in the same phrase ("her first official phone call")."""
    words = text.split()
    for i, w in enumerate(words):
        if w.lower().strip("\"'“”‘’(") != ordinal:
            continue
        for nxt in words[i + 1 : i + 5]:
            if stem(nxt.strip(".,;:!?\"'“”‘’()")) == noun:
                return True
            if nxt[-1:] in ".,;:!?":
                break
    return False


def _ordinal_in_sources(doc: Any, tok: Any, index: SourceIndex) -> bool:
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_:
        joined = f"{tok.lower_}-{doc[tok.i + 2].lower_}"  # "second-half": one word, said as such
        if any(joined in fact.text.lower() for fact in index.facts):
            return True
    if any(_ordinal_before(fact.text, tok.lower_, stem(tok.head.text)) for fact in index.facts):
        return True
    # "in second place" for "are second"
    return bool(tok.head.lower_ in ("place", "position") and stem(tok.text) in index.all_stems)


def check_first_second(doc: Any | None, index: SourceIndex) -> list[Reason]:
    """"First" and "second" before a noun ("his second goal", "a first title") count like other
    ordinals, which the figure check covers from "third" on: a source must say them of that noun
    ("her first official phone call" is a first call; "second-half goals" are not second goals)."""
    if doc is None:
        return []
    reasons = []
    for tok in doc:
        if tok.lower_ not in _FIRST_SECOND or tok.dep_ != "amod" or tok.head.pos_ != "NOUN" or tok.head.i <= tok.i:
            continue
        between = [t for t in doc[tok.i + 1 : tok.head.i] if t.is_alpha]
        if len(between) > 3 or _ordinal_in_sources(doc, tok, index):
            continue
        phrase = doc[tok.i : tok.head.i + 1].text
        reasons.append(Reason(kind="number", text=phrase, detail=f"no source says '{phrase}'"))
    return reasons


def bound_dropped(text: str, facts: list[str]) -> str:
    """A figure of ``text`` told bare where every fact that gives it bounds it ("plunge 8%" for
    "fell by nearly 8%", "160 countries" for "more than 160"): that figure as the fact writes
    it, else "". Held to the writer's own sentences (a summary may round off a bound)."""
    given = [g for fact in facts for g in fig.extract(fact)]
    for f in fig.extract(text):
        same = [g for g in given if fig.units_compatible(f.unit, g.unit) and fig.same_value(f, g)]
        if not f.qualifier and same and all(g.qualifier for g in same):
            return same[0].text
    return ""
