"""The thing a deed was done to: a named doer may keep its verb and lose its object to another
name of the sources ("Ron Burkle runs Tesco" where the sources say Yucaipa "is run by
billionaire investor Ron Burkle"; Tesco is in another of their sentences). The statement score
finds every word, and the doer check (``roles``) finds the right doer, so neither sees it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..nlp import stem, verb_lemma

if TYPE_CHECKING:
    from .sources import SourceIndex

def _name(token: Any) -> list[Any]:
    """The words of the name ``token`` heads ("Ron Burkle"); none where it heads no name."""
    if token.pos_ != "PROPN":
        return []
    return [t for t in token.subtree if t.i == token.i or t.dep_ in ("compound", "flat")]


def _stems(name: list[Any]) -> set[str]:
    return {stem(t.text) for t in name if t.is_alpha and not t.is_stop}


def deed_stems(verb: Any) -> set[str]:
    """The stems a verb's deed is looked up by: its own and its base form's (the stems leave short
    words as they are: "runs", "run")."""
    return {stem(verb.text), stem(verb_lemma(verb.text))}


def _doer_and_thing(verb: Any) -> tuple[Any, Any] | None:
    """The named doer and the named thing of ``verb``: subject and object of an active verb, the
    "by" phrase and the subject of a passive one."""
    kids = list(verb.children)
    passive = next((c for c in kids if c.dep_ == "nsubjpass"), None)
    if passive is not None:
        agent = next((g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        return (agent, passive) if agent is not None else None
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    obj = next((c for c in kids if c.dep_ in ("dobj", "obj")), None)
    return (subj, obj) if subj is not None and obj is not None else None


def thing_swapped(doc: Any, index: SourceIndex, candidates: list[int]) -> str:
    """Why the sentence gives a named doer's deed another named thing than the sources do: the
    facts that tell the verb with that doer all name another thing, and no fact tells the verb
    with the sentence's thing; "" otherwise (or where the sources leave it open)."""
    for verb in doc:
        if verb.pos_ != "VERB":
            continue
        roles = _doer_and_thing(verb)
        if roles is None:
            continue
        doer_name, thing_name = (_name(t) for t in roles)
        # The thing by its head word: a source may name it shorter ("Sterling" for "Raheem Sterling").
        doer, thing = _stems(doer_name), _stems(thing_name[-1:])
        if not doer or not thing or not (doer | thing) <= index.all_stems:
            continue  # a name the sources lack: the names check reports it
        deed = deed_stems(verb)
        # The index's stems, as the guard below reads them: a verb of the stop list ("say", "have")
        # is in neither, so no verdict is given where the guard could not see the deed.
        with_doer = [s for s in (index.stem_sets[i] for i in candidates) if deed & s and doer <= s]
        if not with_doer or any(thing <= s for s in with_doer):
            continue
        if any(deed & s and thing <= s for s in index.stem_sets):
            continue  # some fact tells the deed with this thing: the statement score weighs it
        said = " ".join(t.text for t in doer_name), " ".join(t.text for t in thing_name)
        return f"no source ties '{said[1]}' to '{said[0]}' by '{verb_lemma(verb.text)}'"
    return ""
