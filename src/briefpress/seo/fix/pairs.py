"""FAQ pairs: a pair that only tells again, word for word, what another part tells goes, where the
article scores no lower for it (FORMAT.md's counts are 2 to 5 pairs, and an answer is never a copy
of another part's sentence)."""

from __future__ import annotations

from ...edit import EditableArticle
from ...spec import FAQ_MIN
from .judge import Grounded, always, both, readability_of, seo_of
from .sizes import sentences_of
from .transitions import fix_transitions


def _retold(draft: EditableArticle, i: int) -> bool:
    """Whether every sentence of FAQ answer ``i`` stands word for word in another part."""
    others = [text for part, text in draft.parts() if not part.startswith(f"faq[{i}].")]
    return all(any(s in text for text in others) for s in sentences_of(draft.data["faq"][i]["answer"]))


def drop_retold_pairs(draft: EditableArticle, grounded: Grounded = always) -> None:
    """The last FAQ pair first, while more than the fewest remain: a pair whose answer is retold
    goes where the article then reads no worse (connectives tried again, as the sentences counted
    have changed) and scores no lower for SEO. A dropped pair writes no sentence."""
    current = both(draft.article())
    for i in reversed(range(len(draft.data["faq"]))):
        if len(draft.data["faq"]) <= FAQ_MIN:
            break
        if not _retold(draft, i):
            continue
        saved = draft.snapshot()
        draft.data["faq"][i] = {"question": "", "answer": ""}
        draft.prune()
        fix_transitions(draft, grounded)
        trial = both(draft.article())
        if readability_of(trial) >= readability_of(current) and seo_of(trial) >= seo_of(current):
            current = trial
            draft.changes.append("faq pair")
        else:
            draft.restore(saved)
