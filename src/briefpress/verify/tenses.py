"""Time: a deed the sources give as done, told as still to come. "Russia will announce a new
fast-track procedure for issuing Russian passports", for "The plan ... was announced in Sevastopol
on Thursday", holds the source's words, and the grounding check passes it; a reader learns of an
announcement that is yet to be made.

The check reads the sentence's verbs that "will" or "shall" put in the future and looks for the
same verb in the facts the sentence rests on. Where each of them tells the deed as done (a past
tense, no modal, no "to", no "if") and no source tells it in any other way, the sentence moves a
done deed into the future.

The other way round (``aim_told_as_done``): a deed the facts give only as the goal of a hope, bid
or plan ("Yorkshire were hoping to atone by reaching Lord's"), told as done ("... managed to reach
Lord's"), where no source tells it done.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..nlp import parse_one, stem
from ..text import STOPWORDS

if TYPE_CHECKING:
    from .sources import SourceIndex

_FUTURE = frozenset({"will", "shall", "'ll", "’ll"})
# What keeps a verb from telling a deed as done: a modal or "to" before it ("would speed up",
# "is expected to be announced"), or "if" ("if the bill is passed").
_NOT_DONE = frozenset({"will", "would", "shall", "may", "might", "can", "could", "should", "must", "to",
                       "'ll", "’ll", "if", "unless", "whether", "once", "until"})
# Verbs too general to name one deed ("the vote will be held", "it will have").
_GENERAL = frozenset(stem(w) for w in ("be", "have", "do", "get", "make", "take", "go", "come"))
SAME_DEED = 0.5  # the share of the future clause's content words a fact holds to tell the same deed


def _content(tokens: Any) -> set[str]:
    return {stem(t.text) for t in tokens if t.is_alpha and t.lower_ not in STOPWORDS}


def _done(verb: Any) -> bool:
    """Whether ``verb`` (a token of a fact) tells its deed as done: a past tense or participle
    with no modal, "to" or "if" on it."""
    if verb.tag_ not in ("VBD", "VBN"):
        return False
    if verb.tag_ == "VBN" and verb.dep_ in ("amod", "acl"):
        return False  # "the planned vote", "a vote announced for May": a description, no tense
    return not any(c.lower_ in _NOT_DONE for c in verb.children if c.dep_ in ("aux", "auxpass", "mark"))


def done_told_as_coming(doc: Any, index: SourceIndex, candidates: list[int]) -> str:
    """Why the sentence (``doc``) tells as still to come a deed the ``candidates`` facts give as
    done, or "" where it does not (or the sources leave it open)."""
    for verb in doc:
        if verb.pos_ != "VERB" or not any(c.lower_ in _FUTURE and c.dep_ == "aux" for c in verb.children):
            continue
        key = stem(verb.text)
        if key in _GENERAL:
            continue
        clause = _content(verb.subtree) - {key}
        told_done = ""
        for i in candidates[:3]:
            fact = parse_one(index.facts[i].text)
            if fact is None:
                return ""
            uses = [t for t in fact if t.pos_ in ("VERB", "AUX") and stem(t.text) == key]
            if not uses or not clause or len(clause & _content(fact)) / len(clause) < SAME_DEED:
                continue
            if not all(_done(t) for t in uses):
                return ""  # the fact itself tells the deed as coming too
            told_done = told_done or _phrase(uses[0])
        if told_done and not _told_otherwise(key, index):
            return f"in the sources this has happened ('{told_done}'); tell it as done"
    return ""


def _phrase(verb: Any) -> str:
    """The verb as the fact writes it, with its auxiliaries ("was announced")."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    return " ".join(t.text for t in sorted([*aux, verb], key=lambda t: t.i))


def _told_otherwise(key: str, index: SourceIndex) -> bool:
    """Whether any source tells the deed ``key`` names other than as done ("will announce ...
    next week" beside "announced on Monday")."""
    return _told_anywhere(key, index, lambda t: t.pos_ in ("VERB", "AUX") and not _done(t))


def _told_anywhere(key: str, index: SourceIndex, told: Callable[[Any], bool]) -> bool:
    """Whether a verb ``key`` names, in any source, is one ``told`` accepts (parsing only the
    facts that hold the word)."""
    for i, stems in enumerate(index.stem_sets):
        if key in stems:
            fact = parse_one(index.facts[i].text)
            if fact is not None and any(stem(t.text) == key and told(t) for t in fact):
                return True
    return False


# Verbs that set a goal, not a deed done: "were hoping to atone by reaching Lord's", "bid to win".
_AIMS = frozenset(stem(w) for w in """hope hoping hoped want wanting wanted aim aiming aimed bid bidding seek
    seeking sought try trying tried attempt attempting attempted plan planning planned intend intending intended
    strive striving strove""".split())
_NEGATED = frozenset({"not", "n't", "never", "no"})


# Verbs whose "to" clause tells a deed done: "managed to reach Lord's".
_ACHIEVED = frozenset(stem(w) for w in "manage managed managing succeed succeeded".split())


def _told_done(verb: Any) -> bool:
    """Whether the sentence tells ``verb``'s deed as done: no modal, "to", "if" or negation on
    it, save the "to" of "managed to"."""
    blockers = {c.lower_ for c in verb.children} & (_NOT_DONE | _NEGATED)
    if blockers == {"to"} and verb.dep_ == "xcomp" and stem(verb.head.text) in _ACHIEVED:
        return _told_done(verb.head)
    return not blockers


# The links from a goal up to the verb that aims at it: "hoping [to atone [by [reaching]]]".
_GOAL_LINKS = frozenset({"xcomp", "pcomp", "prep", "pobj"})


def _aimed(verb: Any) -> bool:
    """Whether ``verb`` (a token of a fact) is the goal of an aim verb above it ("hoping to atone
    by reaching"); not a clause beside it ("Having lost to Durham, they were hoping ...")."""
    token = verb
    while token.dep_ in _GOAL_LINKS and token.head is not token:
        token = token.head
        if token.pos_ in ("VERB", "AUX") and stem(token.text) in _AIMS:
            return True
    return False


def aim_told_as_done(doc: Any, index: SourceIndex, candidates: list[int]) -> str:
    """Why the sentence (``doc``) tells as done what the facts it rests on give only as an aim
    ("Yorkshire managed to reach Lord's" for "Yorkshire were hoping to atone by reaching Lord's"),
    or "" where it does not, or a source tells that deed as done."""
    for verb in doc:
        if verb.pos_ != "VERB" or _aimed(verb) or not _told_done(verb):
            continue
        key = stem(verb.text)
        if key in _GENERAL or key in _AIMS or key in _ACHIEVED:
            continue
        clause = _content(verb.subtree) - {key}
        for i in candidates[:3]:
            # Parse only a fact that holds the verb and an aim: a parse per fact and sentence
            # took the verifier from 61 to 40 sentences per CPU second.
            if not (key in index.stem_sets[i] and index.stem_sets[i] & _AIMS):
                continue
            fact = parse_one(index.facts[i].text)
            if fact is None or not clause or len(clause & _content(fact)) / len(clause) < SAME_DEED:
                continue
            uses = [t for t in fact if t.pos_ == "VERB" and stem(t.text) == key]
            if uses and all(_aimed(t) for t in uses) and not _done_elsewhere(key, index):
                aim = _aim_phrase(uses[0])
                return f"in the sources this is only hoped for or planned ('{aim}'); do not tell it as done"
    return ""


def _aim_phrase(verb: Any) -> str:
    aim = next(h for h in verb.ancestors if h.pos_ in ("VERB", "AUX") and stem(h.text) in _AIMS)
    return " ".join(t.text for t in aim.doc[aim.i: verb.i + 1])


def _done_elsewhere(key: str, index: SourceIndex) -> bool:
    """Whether any source tells the deed ``key`` names as done: a past tense with no modal, not
    an aim's goal ("we would have reached the target" is neither)."""
    return _told_anywhere(key, index, lambda t: t.pos_ == "VERB" and _done(t) and not _aimed(t))
