"""Links: a relation between two things that no source states.

"President Bashar al-Assad leads the Syrian government" holds the sources' words, from "Syrian
President Bashar al-Assad's troops" in one sentence and "the Syrian government" in another, and
the statement score passes it ("lead" is an everyday verb it weighs lightly). It tells a relation
the sources never state: the writer drew it from a title.

The check reads each verb with a subject and an object (or a passive's subject and its "by"
phrase) that are things the sources name. Where the verb is the sentence's own (no source uses
it) and no source sentence names both ends, no source links them.

It judges the model engine's own sentences (``engines.repair``), not ``audit``'s: on the grounding
benchmarks a faithful summary often says in a verb of its own what the source tells across two
sentences ("Chelsea beat Stoke" where the source's "they" won), and 20 of the 77 summaries it fired
on were faithful. A writer given only the facts has no such licence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..nlp import parse_one, stem
from .sources import content_stems

if TYPE_CHECKING:
    from .sources import SourceIndex

_THINGS = frozenset({"NOUN", "PROPN"})


def _end(token: Any) -> set[str]:
    """The stems an end of the link is known by: its head word's."""
    return set(content_stems(token.text)) if token.pos_ in _THINGS else set()


def _ends(verb: Any) -> tuple[Any, Any] | None:
    """(subject, object) of an active verb, or (subject, agent) of a passive one."""
    children = list(verb.children)
    subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)
    other = next((c for c in children if c.dep_ == "dobj"), None)
    if other is None:
        agent = next((c for c in children if c.dep_ == "agent"), None)
        other = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    return (subject, other) if subject is not None and other is not None else None


def unstated_link(text: str, index: SourceIndex) -> str:
    """The words by which ``text`` links two things with a verb of its own where no fact of
    ``index`` names both; "" where it makes no such link."""
    doc = parse_one(text)
    if doc is None:
        return ""
    known, facts = index.all_stems, index.stem_sets
    for verb in doc:
        if verb.pos_ != "VERB" or stem(verb.text) in known:
            continue
        ends = _ends(verb)
        if ends is None:
            continue
        a, b = (_end(t) for t in ends)
        if not a or not b or not a <= known or not b <= known or a & b:
            continue
        if not any(a <= s and b <= s for s in facts):
            return doc[min(ends[0].i, verb.i, ends[1].i): max(ends[0].i, verb.i, ends[1].i) + 1].text
    return ""
