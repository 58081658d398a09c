"""Whom a deed with no object befell: "The Syrian government has come under heavy aerial
bombardment" where the sources say Aleppo has. The doer check (``roles``) reads a verb with an
object ("Ruiz opposed the plan"), the thing check (``deeds``) the object; a verb whose
complement is a phrase ("came under fire", "fell to its lowest level") has neither, and the
statement score finds every word, the other name among them, in another sentence of the sources.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..nlp import parse_one
from .deeds import deed_stems
from .sources import content_stems

if TYPE_CHECKING:
    from .sources import SourceIndex

# A verb with any of these has an object or a clause for what it did: the other checks read it.
_OBJECTS = frozenset({"dobj", "obj", "attr", "ccomp", "xcomp", "dative", "nsubjpass", "acomp", "oprd"})


def _name(token: Any) -> list[Any]:
    """The words of the name ``token`` heads ("Syrian government" of "The Syrian government")."""
    return [t for t in token.subtree
            if t.i == token.i or t.head.i == token.i and t.dep_ in ("compound", "flat", "amod")]


def _named(token: Any) -> bool:
    """Whether ``token`` heads a name: a proper noun, or a nation's ("the Syrian government")."""
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") for t in _name(token))


def _subject_in_fact(text: str, deed: set[str], phrase: set[str]) -> tuple[bool, Any | None]:
    """Whether a source sentence tells the deed with ``phrase`` in its words, and the subject it
    gives it: None where the parse finds none or it is a pronoun (the sentence's own name may be
    meant)."""
    fact = parse_one(text)
    if fact is None:
        return True, None
    for verb in fact:
        if verb.pos_ not in ("VERB", "AUX") or not deed_stems(verb) & deed:
            continue
        if not phrase <= set(content_stems(fact[verb.i : verb.right_edge.i + 1].text)):
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return True, None if subject is None or subject.pos_ == "PRON" else subject
    return False, None


def undergoer_swapped(doc: Any, index: SourceIndex, candidates: list[int]) -> str:
    """Why the sentence gives a deed with no object to a name the sources do not give it to: the
    facts that tell the verb with its phrase all give it to another name, none to this one; ""
    otherwise (or where a source leaves it open: a pronoun, a common noun that may be the name)."""
    for verb in doc:
        kids = list(verb.children)
        subject = next((c for c in kids if c.dep_ == "nsubj"), None)
        if verb.pos_ != "VERB" or subject is None or any(c.dep_ in _OBJECTS for c in kids) or not _named(subject):
            continue
        doer = set(content_stems(" ".join(t.text for t in _name(subject))))
        prep = next((c for c in kids if c.dep_ == "prep" and any(g.dep_ == "pobj" for g in c.children)), None)
        if prep is None or not doer or not doer <= index.all_stems:
            continue  # a name the sources lack: the names check reports it
        phrase = set(content_stems(doc[prep.i : prep.right_edge.i + 1].text))
        deed = deed_stems(verb)
        others: list[str] = []
        for i in candidates:
            if not (deed & index.stem_sets[i] and phrase <= index.stem_sets[i]):
                continue
            tells, theirs = _subject_in_fact(index.facts[i].text, deed, phrase)
            if not tells:
                continue
            if theirs is None or doer & set(content_stems(" ".join(t.text for t in theirs.subtree))):
                return ""
            if not _named(theirs):
                return ""  # "the city has come under ...": it may be the sentence's name
            others.append(" ".join(t.text for t in _name(theirs)))
        if others:
            start = min([verb.i, *(c.i for c in kids if c.dep_ in ("aux", "neg"))])
            deed_words = doc[start : prep.right_edge.i + 1].text
            return f"in the sources it is {others[0]} that {deed_words}, not {' '.join(t.text for t in _name(subject))}"
    return ""
