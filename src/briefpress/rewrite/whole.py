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


# What a cut may never drop: the arguments a kept word needs (objects, complements, a kept
# preposition's object), a negation, and the words that make a claim checkable.
_ARGUMENTS = frozenset({"dobj", "xcomp", "ccomp", "attr", "acomp", "oprd", "dative", "neg", "pobj", "pcomp", "agent"})
_KEPT_WORDS = frozenset({"not", "n't", "no", "never", "nor", "without", "said", "says", "told", "according"})
_KEPT_ENTITIES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "ORDINAL"})
# A quotation (more than a quoted name or title) is never cut.
_QUOTATION = re.compile(r"[\"“]([^\"“”]+)[\"”]")


@lru_cache(maxsize=2048)
def _parse(text: str) -> Any:
    nlp = spacy_pipeline()
    return nlp(text) if nlp is not None else None


def _drops_what_matters(token: Any, end: int) -> bool:
    if token.dep_ in _ARGUMENTS and token.head.idx < end:
        return True
    head = token.head
    if token.dep_ == "prep" and head.idx < end and head.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
        # What a kept noun is of ("the closure [of the camp]"), or what a bare abstract noun is
        # for or to ("respect [for his policies]"); "the suspects [for interrogation]" may go.
        bare = head.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in head.children)
        return token.lower_ == "of" or (token.lower_ in ("for", "to") and bare)
    if token.lower_ in _KEPT_WORDS:
        return True
    # A figure goes only with the phrase it is in: never cut from the noun it counts.
    return (token.like_num or token.ent_type_ in _KEPT_ENTITIES) and token.head.idx < end


def cut_reason(sentence: str, cut: str) -> str | None:
    """Why ``cut``, a prefix of ``sentence``, is not a safe shortening of it, or None when it is:
    it must be whole, and what it drops must be adjuncts only, never a kept word's object or
    complement, a negation, a figure, a date, an attribution or a quote."""
    reason = fragment_reason(cut.rstrip(".") + ".")
    if reason:
        return reason
    full = sentence.strip()
    kept = cut.strip().rstrip(".")
    if not full.startswith(kept):
        return None  # not a prefix: the caller's own deletion, judged by the whole-sentence check
    doc = _parse(full)
    if doc is None:
        return None
    end = len(kept)
    if any(len(q.split()) > 5 for q in _QUOTATION.findall(full[end:])) or full[end:].count('"') % 2:
        return "drops a quotation"
    for token in doc:
        if token.idx >= end and _drops_what_matters(token, end):
            return f"drops '{token.text}' ({token.dep_ or token.ent_type_})"
    return None
