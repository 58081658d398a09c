"""The quote and attribution checks: quoted words must be a source's words, from the speaker
the sentence names, and a source the sentence cites ("according to X", "analysts say") must be
one the sources mention, near the facts that support the claim."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..lexicon import REPORTING, alternation, forms
from . import attributions as attr
from . import names as nm
from . import quotes as qt
from .hedges import unhedged
from .report import Reason
from .statements import SUPPORT_THRESHOLD

if TYPE_CHECKING:
    from .sources import SourceIndex
    from .statements import Support

# Verbs of saying whose name beside them is the speaker's: not whom one "asked" or "recalled".
_NAMING = forms(REPORTING | {"write"}, base=False)
_NAMEISH = r"[A-Z][\w’'.-]+(?:(?:\s+(?:of|de|van|von))?\s+[A-Z][\w’'.-]+){0,3}"
_SPEAKER_AFTER = re.compile(
    rf"\b{alternation(_NAMING | {'according to'})}"
    rf"\s+(?P<who>{_NAMEISH})"
)
_SPEAKER_BEFORE = re.compile(
    rf"(?P<who>{_NAMEISH})(?:,[^,]{{1,60}},)?\s+(?:has\s+|had\s+)?"
    rf"{alternation(_NAMING)}\b"
)


def speaker_of(text: str, quotes: list[qt.Quote]) -> str:
    """The named speaker of the quotations in a sentence ("", when none or a pronoun)."""
    rest = qt.outside(text, quotes)
    if not qt.has_speech_verb(rest):
        return ""
    found = []
    for pattern in (_SPEAKER_BEFORE, _SPEAKER_AFTER):
        for m in pattern.finditer(rest):
            who = m.group("who").strip(" ,.'’")
            words = [w for w in who.split() if w.lower() not in nm._COMMON_CAPS]
            if words:
                found.append((m.start("who"), " ".join(words)))
    if not found:
        return ""
    return sorted(found)[-1][1]


def _source_speaker_ok(speaker: str, index: SourceIndex, fact_ids: list[int]) -> bool:
    """Whether the sources give these words to ``speaker``: the name in the quoting sentence's own
    attribution, or, when that says only "he said", in the sentences just before it."""
    joined = " ".join(index.facts[i].text for i in fact_ids)
    own = speaker_of(joined, qt.extract(joined))
    if own:
        return nm.NameIndex([own]).contains(speaker) or nm.NameIndex([speaker]).contains(own)
    if nm.NameIndex([qt.outside(joined, qt.extract(joined))]).contains(speaker):
        return True
    before = [j for j in index.neighbours(fact_ids[0], 2) if j < fact_ids[0]]
    return nm.NameIndex([index.facts[j].text for j in before]).contains(speaker) if before else True


def _find_quote(pieces: list[list[str]], index: SourceIndex) -> tuple[str, int, int] | None:
    """The first source holding every piece of a quote in order: (its name, first word, past the last)."""
    for name, st in index.sources.items():
        pos, first = 0, -1
        for piece in pieces:
            at = qt.find(piece, st.words, pos)
            if at < 0:
                break
            first = at if first < 0 else first
            pos = at + len(piece)
        else:
            return name, first, pos
    return None


def check_quotes(text: str, doc: Any | None,
                 index: SourceIndex) -> tuple[list[Reason], list[tuple[int, float]], list[tuple[int, int]]]:
    """Reasons against the sentence's quotations, the facts that hold them, and the quotations' spans."""
    reasons: list[Reason] = []
    evidence: list[tuple[int, float]] = []
    quotes = qt.extract(text)
    spans = [(q.start, q.end) for q in quotes]
    if not quotes:
        return reasons, evidence, spans
    speaker = speaker_of(text, quotes)
    for q in quotes:
        pieces = qt.pieces(q.text)
        if not pieces:
            continue
        hit = _find_quote(pieces, index)
        if hit is None:
            reasons.append(Reason(kind="quote", text=q.text, detail="no source has these quoted words"))
            continue
        name, first, last = hit
        fact_ids = sorted(set(index.sources[name].word_fact[first:last]))
        evidence.extend((i, 1.0) for i in fact_ids)
        if speaker and not index.names.contains(speaker):
            continue  # the name check reports the unknown speaker
        if speaker and not _source_speaker_ok(speaker, index, fact_ids):
            detail = f"the sources have these words, but not from {speaker}"
            reasons.append(Reason(kind="quote", text=q.text, detail=detail))
    return reasons, evidence, spans


def check_hedges(text: str, index: SourceIndex, support: Support) -> tuple[list[Reason], list[tuple[int, float]]]:
    """A claim the facts the sentence rests on only report ("is said to", "allegedly", "blamed
    ... for") or give in prospect ("faced being auctioned"), told as fact or as done, where no
    source states it plainly: every word may be the sources', yet the sentence says what they do
    not. The reasons, and the reporting fact as evidence."""
    resting = [i for i, _ in support.facts[:2]]
    found = unhedged(text, [index.facts[i].text for i in resting], [f.text for f in index.facts])
    if found is None:
        return [], []
    hedge, fact, kind = found
    at = next(i for i in resting if index.facts[i].text == fact)
    if kind == "prospect":
        detail = f"the sources give this as not yet done ('{hedge}'); keep '{hedge}' or a word such as 'could'"
    else:
        detail = f"the sources only report this ('{hedge}'); keep '{hedge}', or say who reports it"
    return [Reason(kind="attribution", text=text, detail=detail)], [(at, 1.0)]


def _named_source_reason(a: attr.Attribution, index: SourceIndex, support: Support) -> Reason | None:
    if not index.names.contains(a.who):
        return Reason(kind="attribution", text=a.text, detail=f"the sources do not mention '{a.who}'")
    # A named source must be the source of this claim, near the facts that support it.
    window = sorted({j for i, _ in support.facts[:2] for j in index.neighbours(i, 2)})
    if window and support.score >= SUPPORT_THRESHOLD \
            and not nm.NameIndex([index.facts[j].text for j in window]).contains(a.who):
        return Reason(kind="attribution", text=a.text, detail=f"the sources do not attribute this to '{a.who}'")
    return None


def check_attributions(text: str, index: SourceIndex, support: Support) -> list[Reason]:
    reasons = []
    for a in attr.extract(text):
        if a.who:
            reason = _named_source_reason(a, index, support)
            if reason is not None:
                reasons.append(reason)
        elif a.generic:
            s = attr.generic_stem(a.generic)
            if s not in index.all_stems and not any(x.startswith(s[:5]) for x in index.all_stems if len(s) >= 5):
                detail = f"the sources cite no {a.generic.split()[-1]}"
                reasons.append(Reason(kind="attribution", text=a.text, detail=detail))
    return reasons
