"""Whether a sentence is whole: a finite main verb with its subject, and nothing left dangling.

A cut that drops the verb ("A chiropractor accused of accepting sex as payment."), a subordinate
clause standing alone ("While he has received three responses."), or an end left hanging on a
conjunction or preposition reads as a fragment however true its words are. Writers and fixers ask
``fragment_reason`` before they ship a sentence they made; the editorial measures count them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..nlp import spacy_pipeline

_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBORDINATE = frozenset({"relcl", "acl", "advcl", "csubj"})
# A sentence never ends on these; a stranded preposition ("the scenario others alluded to") may.
_DANGLING_WORDS = frozenset({"and", "or", "but", "nor", "the", "a", "an", "of", "whose", "which", "because"})
_CLOSERS = "\"'”’)]"
_WORD = re.compile(r"[A-Za-z0-9]+")


def _main_clause_finite(doc: Any) -> bool:
    """Some finite verb or modal stands outside every relative, participle and adverbial clause.
    Asked of the whole parse rather than of its root alone, since a misparsed root ("party A Just
    Russia put forward ...") is common and a false fragment would throw away a true sentence."""
    for token in doc:
        if token.tag_ not in _FINITE_TAGS:
            continue
        node, subordinate = token, False
        while node.dep_ != "ROOT" and node.head is not node:
            if node.dep_ in _SUBORDINATE:
                subordinate = True
                break
            node = node.head
        if not subordinate:
            return True
    return any(_misread_main_verb(t) for t in doc)


def _misread_main_verb(token: Any) -> bool:
    """A past-tense main verb the tagger filed as a participle on a noun root ("The conference aimed
    to improve ..."): a past form, or a regular '-ed' form that takes an object or complement,
    which a reduced passive ("A chiropractor accused of ...") does not."""
    if token.dep_ != "acl" or token.head.dep_ != "ROOT" or token.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.tag_ == "VBD":
        return True
    return token.tag_ == "VBN" and token.text.lower().endswith("ed") and any(
        c.dep_ in ("dobj", "xcomp", "ccomp") for c in token.children)


def _last_word(text: str) -> str:
    words = _WORD.findall(text.rstrip(_CLOSERS + ".!?… "))
    return words[-1].lower() if words else ""


@lru_cache(maxsize=4096)
def fragment_reason(sentence: str) -> str | None:
    """Why ``sentence`` is not a whole sentence, or None when it is (or no parser is installed:
    then only a dangling last word is caught)."""
    text = sentence.strip()
    if not text:
        return "empty"
    if _last_word(text) in _DANGLING_WORDS:
        return f"ends on '{_last_word(text)}'"
    nlp = spacy_pipeline()
    if nlp is None:
        return None
    doc = nlp(text)
    if not _main_clause_finite(doc):
        return "no finite main verb"
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is not None and root.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" for c in root.children):
        return "a subordinate clause standing alone"
    return None


def is_whole(sentence: str) -> bool:
    return fragment_reason(sentence) is None
