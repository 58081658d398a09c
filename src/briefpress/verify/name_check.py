"""The name checks: every name a sentence gives must be one the sources hold, and a description
put beside a name ("Josh Earnest, a top national security official") must be theirs too."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..nlp import stem, tokens
from . import figures as fig
from . import names as nm
from .report import Reason

if TYPE_CHECKING:
    from .sources import SourceIndex


def named_otherwise(names: list[nm.Name], index: SourceIndex) -> frozenset[str]:
    """Stems of the words of names the sources hold under another form only: an alias, an
    acronym, or a place they imply ("U.K." where they name London)."""
    stems: set[str] = set()
    for n in names:
        words = {stem(w) for w in tokens(n.text)}
        if not words <= index.all_stems and index.names.contains(n.text):
            stems |= words
    return frozenset(stems)


def check_names(names: list[nm.Name], index: SourceIndex, skip: list[tuple[int, int]]) -> list[Reason]:
    """``names``: the sentence's names (``names.extract``)."""
    reasons = []
    seen: set[str] = set()
    for n in names:
        if any(s <= n.start < e for s, e in skip):
            continue  # inside a quotation: the quote check covers it
        if n.text in seen or fig.extract(n.text) and len(fig.extract(n.text)[0].text) >= len(n.text) - 1:
            continue  # a date or figure; the figure check covers it
        seen.add(n.text)
        if not index.names.contains(n.text):
            reasons.append(Reason(kind="entity", text=n.text, detail=f"the sources do not name '{n.text}'"))
    return reasons


_DESCRIBING_POS = frozenset(("NOUN", "ADJ", "VERB"))


def _stems_near(name_stems: set[str], index: SourceIndex) -> set[str]:
    """The stems of the facts around every fact that holds a word of the name."""
    near: set[str] = set()
    for i, stems in enumerate(index.stem_sets):
        if name_stems & stems:
            for j in index.neighbours(i):
                near |= index.stem_sets[j]
    return near


def _description_reason(doc: Any, tok: Any, index: SourceIndex) -> Reason | None:
    head = tok.head
    name = [t for t in head.children if t.dep_ in ("compound", "flat") and t.i < head.i and t.is_alpha] + [head]
    near = _stems_near({stem(t.text) for t in name}, index)
    if not near:
        return None  # a name the sources lack: the names check reports it
    words = [t for t in tok.subtree if t.pos_ in _DESCRIBING_POS and t.is_alpha and not t.is_stop]
    lacking = [t.text for t in words if stem(t.text) not in near]
    if not lacking:
        return None
    described = doc[tok.left_edge.i : tok.right_edge.i + 1].text
    who = " ".join(t.text for t in name)
    return Reason(kind="statement", text=described,
                  detail=f"no source describes {who} as '{described}' (not found near the name: {', '.join(lacking)})")


def check_descriptions(doc: Any | None, index: SourceIndex) -> list[Reason]:
    """A description put beside a name ("Josh Earnest, a top national security official, said")
    must be in the sources near that name: an invented role or title is an invented fact."""
    if doc is None:
        return []
    found = (_description_reason(doc, tok, index) for tok in doc if tok.dep_ == "appos" and tok.head.pos_ == "PROPN")
    return [r for r in found if r is not None]
