"""The name checks: every name a sentence gives must be one the sources hold, and a description
put beside a name ("Josh Earnest, a top national security official") must be theirs too."""

from __future__ import annotations

import re
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


def _stems_near(name_stems: set[str], index: SourceIndex) -> tuple[set[str], set[str], list[str]]:
    """The stems of the facts that hold a word of the name, those of the facts around them too,
    and the words of those facts around them."""
    near: set[str] = set()
    beside: set[str] = set()
    around: list[str] = []
    for i, stems in enumerate(index.stem_sets):
        if name_stems & stems:
            beside |= stems
            for j in index.neighbours(i):
                near |= index.stem_sets[j]
                around.append(index.lower[j])
    return beside, near, around


def _role_told(role: Any, beside: set[str], around: list[str]) -> bool:
    """Whether a source gives the person this role: in a sentence that names them, or as the
    definite description a sentence next to one refers back with ("... Steve Bruce ... The Hull
    manager says")."""
    if stem(role.text) in beside:
        return True
    definite = re.compile(rf" the (?:\S+ ){{0,3}}{re.escape(role.text.lower())} ")
    return any(definite.search(words) for words in around)


def _description_reason(head: Any, role: Any, words: list[Any], described: str, index: SourceIndex) -> Reason | None:
    """``words``: the tokens of a description of the name headed by ``head``; ``role``: its head
    noun, which a source must say in a sentence that names the person ("our national security
    officials" in the next sentence makes no one an official)."""
    name = [t for t in head.children if t.dep_ in ("compound", "flat") and t.i < head.i and t.is_alpha
            and t.pos_ == "PROPN"] + [head]
    beside, near, around = _stems_near({stem(t.text) for t in name}, index)
    if not near:
        return None  # a name the sources lack: the names check reports it
    content = [t for t in words if t.pos_ in _DESCRIBING_POS and t.is_alpha and not t.is_stop]
    lacking = [t.text for t in content if not (_role_told(t, beside, around) if t is role else stem(t.text) in near)]
    if not lacking:
        return None
    who = " ".join(t.text for t in name)
    return Reason(kind="statement", text=described,
                  detail=f"no source describes {who} as '{described}' (not found near the name: {', '.join(lacking)})")


def _has_verb(token: Any) -> bool:
    """Whether the parse found its sentence's verb: where it did not, a noun before a name is as
    likely that verb misread ("Porto host Bayern Munich")."""
    return bool(token.sent.root.pos_ in ("VERB", "AUX"))


def _descriptions(head: Any) -> list[tuple[Any, list[Any]]]:
    """The descriptions a sentence puts on the name headed by ``head``: an apposition ("Josh
    Earnest, a security official"), a title before it in common words ("security official Josh
    Earnest") and a relative clause that says what it is ("Josh Earnest, who is a security
    official")."""
    found = []
    for child in head.children:
        if child.dep_ == "appos":
            found.append((child, list(child.subtree)))
        elif child.dep_ == "compound" and child.i < head.i and child.pos_ == "NOUN" and _has_verb(head):
            # a title in common words: its nouns are the role ("official"); the adjectives before
            # them are often a nationality the sources give as a place ("German" for Germany)
            found.append((child, [t for t in child.subtree if t.pos_ == "NOUN"]))
        elif child.dep_ == "relcl" and child.lemma_ == "be":
            found += [(t, list(t.subtree)) for t in child.children if t.dep_ in ("attr", "acomp")]
    return found


def check_descriptions(doc: Any | None, index: SourceIndex) -> list[Reason]:
    """A description put on a name (beside it, before it as a title, or in a "who is" clause) must
    be in the sources near that name: an invented role or title is an invented fact."""
    if doc is None:
        return []
    reasons = []
    for head in doc:
        if head.pos_ != "PROPN" or head.dep_ in ("compound", "flat"):
            continue
        for role, words in _descriptions(head):
            described = doc[words[0].i : words[-1].i + 1].text
            reason = _description_reason(head, role, words, described, index)
            if reason is not None:
                reasons.append(reason)
    return reasons
