"""A sentence that is a source sentence cut short: every word of it is in the source, yet it may
say something the source does not ("reaffirmed the alliance as central" where the source has
"as central to her administration's security strategy"). Such a cut is judged as the writer's own
cuts are, where the cut parts a kept word from what it needs (``rewrite.whole.split_reason``:
an object, complement, negation or contrast). A dropped attribution ("..., Netflix said") is left
to the attribution check: the claim stays the source's."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..rewrite.whole import split_reason
from .report import Reason
from .sources import SourceIndex

_LEAST_WORDS = 4  # shorter is a title or a label, not a cut claim


_JOINING = frozenset({"and", "but", "yet", "so", "or"})


def _words(text: str) -> list[str]:
    """The words, a dash between clauses left out (" - and a third ..." continues as "A third ...")."""
    return [w for w in re.findall(r"[\w'’%$£€-]+", text.lower()) if not set(w) <= {"-"}]


def continues(rest: str, following: str) -> bool:
    """Whether ``following`` (the next sentence of the part) tells ``rest``, what the cut left of
    its source sentence: word for word, its joining "but"/"and" kept or dropped. Then the two
    sentences are the source sentence split in two, not a cut of it."""
    theirs, mine = _words(following), _words(rest)
    if not mine or not theirs:
        return False
    return theirs == mine or (mine[0] in _JOINING and theirs == mine[1:])


def check_cuts(text: str, index: SourceIndex, following: Sequence[str] = ()) -> list[Reason]:
    """Why ``text`` is a cut of a source sentence that drops more than adjuncts, where it is one;
    a cut each of whose places is followed by the rest of its source sentence (``following``:
    the next sentence of the part at each place it stands) is a split of it and passes."""
    kept = text.strip().rstrip(".!?").strip()
    if len(kept.split()) < _LEAST_WORDS:
        return []
    for fact in index.facts:
        full = fact.text.strip()
        rest = full[len(kept):]
        if not full.startswith(kept) or not rest.strip(" .!?\"'”’") or rest[:1].isalnum():
            continue  # not this source sentence cut at a word boundary
        if following and all(continues(rest, after) for after in following):
            continue
        reason = split_reason(full, kept)
        if reason:
            return [Reason(kind="statement", text=kept, detail=f"a cut of a source sentence that {reason}: '{full}'")]
    return []
