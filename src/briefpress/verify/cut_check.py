"""A sentence that is a source sentence cut short: every word of it is in the source, yet it may
say something the source does not ("reaffirmed the alliance as central" where the source has
"as central to her administration's security strategy"). Such a cut is judged as the writer's own
cuts are, where the cut parts a kept word from what it needs (``rewrite.whole.split_reason``:
an object, complement, negation or contrast). A dropped attribution ("..., Netflix said") is left
to the attribution check: the claim stays the source's."""

from __future__ import annotations

from ..rewrite.whole import split_reason
from .report import Reason
from .sources import SourceIndex

_LEAST_WORDS = 4  # shorter is a title or a label, not a cut claim


def check_cuts(text: str, index: SourceIndex) -> list[Reason]:
    kept = text.strip().rstrip(".!?").strip()
    if len(kept.split()) < _LEAST_WORDS:
        return []
    for fact in index.facts:
        full = fact.text.strip()
        rest = full[len(kept):]
        if not full.startswith(kept) or not rest.strip(" .!?\"'”’") or rest[:1].isalnum():
            continue  # not this source sentence cut at a word boundary
        reason = split_reason(full, kept)
        if reason:
            return [Reason(kind="statement", text=kept, detail=f"a cut of a source sentence that {reason}: '{full}'")]
    return []
