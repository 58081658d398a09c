"""The participle's doer: a phrase such as "spreading fear to global markets" gives its deed to
the subject of the clause it hangs on, which the sources may give to another."""

from __future__ import annotations

from typing import Any

from ..nlp import parse_one, stem

_RELATIVE = frozenset({"that", "which", "who"})


def participle_doer_swapped(text: str, facts: list[str]) -> bool:
    """Whether a participle phrase of ``text`` ("Shares fell by nearly 8%, [spreading globally]")
    gives its deed to the sentence's subject where the facts give it to another ("... a week of
    volatile trading [that spread fear to global markets]"). Held to the writer's own sentences:
    a writer may give a fall's effect to what fell ("wiping $1bn off the market")."""
    doc = parse_one(text)
    if doc is None:
        return False
    for verb in doc:
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if verb.tag_ != "VBG" or verb.dep_ != "advcl" or subject is None \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        mine = {stem(t.text) for t in subject.subtree if t.is_alpha and not t.is_stop}
        doers = [d for fact in facts for d in _doers(parse_one(fact), stem(verb.text))]
        if doers and not any(mine & d for d in doers):
            return True
    return False


def _doers(fact: Any, verb: str) -> list[set[str]]:
    """The content-word stems of who does ``verb`` in ``fact``: its subject, or the noun a
    relative clause ("trading that spread fear") or a participle hangs on."""
    out = []
    for t in fact or ():
        if t.pos_ != "VERB" or stem(t.text) != verb:
            continue
        subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in _RELATIVE and t.dep_ == "relcl":
            subject = t.head
        elif subject is None and t.dep_ in ("advcl", "acl", "relcl"):
            subject = t.head if t.dep_ != "advcl" else next((c for c in t.head.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            named = [w for w in subject.subtree if w.i <= subject.i]  # "volatile trading", not its clause
            out.append({stem(w.text) for w in named if w.is_alpha and not w.is_stop} or {subject.lower_})
    return out
