"""Passive to active voice, where the sentence itself names the doer.

"The camp was established in 2002 by the Bush administration" says who did it, so "The Bush
administration established the camp in 2002" says the same thing: the same words, the doer moved
to the front and one verb inflected for the tense the auxiliaries gave. Nothing is rewritten
where the doer is not named ("Four people were arrested" stays: the active voice would need a
doer the source does not give), where a pronoun in the rest could come to mean the new subject
("...over the methods it used"), or where the clause is negated, a question, or not the main
clause of the sentence.

One fixed phrase is also written in its active form: "is accused of" and "has been accused of"
as "stands accused of", which says the same and holds no passive verb.
"""

from __future__ import annotations

import re
from typing import Any

from ..nlp import spacy_pipeline
from .split import capitalised, inside_quotes

MAX_DOER_WORDS = 8  # a longer "by ..." phrase is rarely one noun phrase the parser got right

_SUBJECT_CASE = {"him": "he", "her": "she", "them": "they", "it": "it"}
_OBJECT_CASE = {"he": "him", "she": "her", "they": "them", "it": "it"}
# A third-person pronoun after the verb might refer to the old subject; with a new subject in
# front it could come to mean the doer instead.
_PRONOUNS = frozenset(
    "it its itself he him his himself she her hers herself they them their theirs themselves".split()
)
_MODALS = ("will", "would", "could", "can", "may", "might", "should", "must")
_ACCUSED = re.compile(r"\b(is|are|has been|have been) accused of\b")


def _is_plural(noun: Any) -> bool:
    if noun.lower_ in ("they", "them"):
        return True
    return noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in noun.children)


def inflect(verb: Any, tag: str) -> str | None:
    """The verb token in the form of Penn ``tag`` ("VBZ": "helps"), by lemminflect (ImportError where
    it is not installed); None where it knows no such form."""
    from lemminflect import getInflection, getLemma

    lemmas = getLemma(verb.lower_, upos="VERB")
    if not lemmas:
        return None
    forms = getInflection(lemmas[0], tag)
    return forms[0] if forms else None


def _verb_group(auxiliaries: list[str], verb: Any, plural: bool) -> str | None:
    """The active verb group for a passive one (auxiliaries without the last "be"/"been"/"being")."""
    aux = [a.lower() for a in auxiliaries]
    be_now = "are" if plural else "is"
    be_then = "were" if plural else "was"
    have = "have" if plural else "has"
    if aux in (["was"], ["were"]):
        return inflect(verb, "VBD")
    if aux in (["is"], ["are"]):
        return inflect(verb, "VBP" if plural else "VBZ")
    if aux in (["is", "being"], ["are", "being"]):
        ing = inflect(verb, "VBG")
        return f"{be_now} {ing}" if ing else None
    if aux in (["was", "being"], ["were", "being"]):
        ing = inflect(verb, "VBG")
        return f"{be_then} {ing}" if ing else None
    if aux in (["has", "been"], ["have", "been"]):
        return f"{have} {verb.lower_}"
    if aux == ["had", "been"]:
        return f"had {verb.lower_}"
    if len(aux) == 2 and aux[1] == "be" and aux[0] in _MODALS:
        base = inflect(verb, "VB")
        return f"{aux[0]} {base}" if base else None
    return None


def _text(tokens: list[Any]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _first_lower(tokens: list[Any]) -> str:
    """A phrase that opened the sentence, as it reads inside one: "The camp" -> "the camp", but
    names keep their capital."""
    text = _text(tokens)
    first = tokens[0]
    if first.tag_ in ("NNP", "NNPS") or first.text == "I" or (first.text.isupper() and len(first.text) > 1):
        return text
    return text[:1].lower() + text[1:]


def _passive_parts(verb: Any) -> tuple[Any, Any, Any] | None:
    """The subject, the ``by`` phrase and its noun of a passive verb with one of each, else None."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    agents = [c for c in verb.children if c.dep_ == "agent"]
    if len(subjects) != 1 or len(agents) != 1 or any(c.dep_ == "neg" for c in verb.children):
        return None
    if any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in verb.children):
        return None  # "was passed by the Senate and signed by ...": the second verb shares the subject
    subject, agent = subjects[0], agents[0]
    doers = [c for c in agent.children if c.dep_ == "pobj"]
    if len(doers) != 1 or len(list(agent.children)) != 1:
        return None
    return subject, agent, doers[0]


def _clause_bounds(doc: Any, verb: Any) -> tuple[int, int] | None:
    """The clause: the whole sentence, or a reported clause that opens it ("X was done by Y, police said")."""
    if verb.dep_ == "ROOT":
        return 0, len(doc)
    if verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT" and verb.i < verb.head.i:
        start, end = verb.left_edge.i, verb.right_edge.i + 1
        return (start, end) if start == 0 else None
    return None


def _auxiliaries(doc: Any, subject: Any, verb: Any, start: int) -> tuple[list[Any], list[Any]] | None:
    """The auxiliaries and adverbs between an opening subject and its verb, where nothing else is."""
    if subject.left_edge.i != start or subject.lower_ in ("who", "which", "that", "what"):
        return None
    between = doc[subject.right_edge.i + 1 : verb.i]
    auxiliaries = [t for t in between if t.dep_ in ("aux", "auxpass")]
    adverbs = [t for t in between if t.dep_ == "advmod"]
    if len(auxiliaries) + len(adverbs) != len(between) or not auxiliaries:
        return None
    return auxiliaries, adverbs


def _doer_tokens(doc: Any, verb: Any, agent: Any, doer: Any) -> list[Any] | None:
    """The words of the ``by`` phrase after "by", where they make one short noun phrase that can lead."""
    doer_tokens = list(doc[agent.i + 1 : doer.right_edge.i + 1])
    if doer.left_edge.i != agent.i + 1 or agent.i < verb.i:
        return None
    if not 1 <= sum(1 for t in doer_tokens if t.is_alpha) <= MAX_DOER_WORDS:
        return None
    if any(t.is_punct and t.text not in ("-", "'", "’", ".") for t in doer_tokens):
        return None
    if any(t.dep_ == "prep" and t.lower_ != "of" for t in doer_tokens):
        return None  # "by both teams in Paris": where the match was played, or which teams?
    if doer.lower_ in ("i", "me", "we", "us", "you", "whom", "which", "who"):
        return None
    after = doc[doer.right_edge.i + 1 : doer.right_edge.i + 4]
    runs_on = len(after) > 1 and after[0].dep_ == "prep" and any(t.pos_ == "PROPN" for t in after[1:])
    if doer.pos_ == "PROPN" and runs_on:
        return None  # a name that runs on past the parse: "by al-Qaeda [in the Islamic Maghreb]" is one group
    return doer_tokens


def _pronoun_could_move(rest: list[Any], subject_span: Any, doer_tokens: list[Any]) -> bool:
    """Whether a pronoun in the rest of the clause, or inside a phrase that moves, could come to
    mean something else once subject and doer trade places."""
    if any(t.lower_ in _PRONOUNS for t in rest):
        return True
    for phrase in (subject_span, doer_tokens):
        if len(phrase) > 1 and any(t.lower_ in _PRONOUNS for t in phrase):
            return True  # "His book was praised by John": moved, "his" could come to mean John
    return False


def _active_sentence(words: list[str], rest: list[Any], trailing: list[Any]) -> str:
    """The new head (doer, adverbs, verb group, object) joined to what followed the clause."""
    head = " ".join(w for w in words if w)
    tail = _text(rest)
    if trailing:
        tail = (tail + "".join(t.text_with_ws for t in trailing)).strip() if tail else _text(trailing)
    if tail and tail[0] not in ".,;:!":
        head += " "
    # The doer's phrase leaves its space behind: "... on Thursday [by Mironov]." is "on Thursday."
    return re.sub(r"\s+([.,;:!?])(?=\s|$)", r"\1", re.sub(r"\s+", " ", head + tail)).strip()


def _rewrite(doc: Any, verb: Any) -> str | None:
    """``doc`` with the clause of the passive ``verb`` in the active voice, else None."""
    parts = _passive_parts(verb)
    bounds = _clause_bounds(doc, verb) if parts else None
    if parts is None or bounds is None:
        return None
    subject, agent, doer = parts
    start, end = bounds
    between = _auxiliaries(doc, subject, verb, start)
    if between is None:
        return None
    auxiliaries, adverbs = between
    doer_tokens = _doer_tokens(doc, verb, agent, doer)
    if doer_tokens is None:
        return None
    group = _verb_group([t.text for t in auxiliaries], verb, _is_plural(doer))
    if not group:
        return None
    rest = [t for t in doc[verb.i + 1 : end] if not agent.i <= t.i <= doer.right_edge.i]
    subject_span = doc[subject.left_edge.i : subject.right_edge.i + 1]
    if _pronoun_could_move(rest, subject_span, doer_tokens) or doc[-1].text == "?":
        return None
    new_subject = _text(doer_tokens)
    new_subject = _SUBJECT_CASE.get(new_subject.lower(), new_subject)
    old_subject = _first_lower(list(subject_span))
    old_subject = _OBJECT_CASE.get(old_subject.lower(), old_subject)
    adverb_text = " ".join(t.text for t in adverbs)
    words = [capitalised(new_subject), adverb_text, group, old_subject]
    return _active_sentence(words, rest, list(doc[end:]))


def to_active(sentence: str) -> str | None:
    """``sentence`` with its passive main clause in the active voice, where the ``by`` phrase
    names the doer; else with "is/has been accused of" as "stands accused of"; None where neither
    applies (or spaCy is not installed)."""
    nlp = spacy_pipeline()
    if nlp is None:
        return None
    doc = nlp(sentence)
    for verb in doc:
        if verb.tag_ == "VBN" and verb.dep_ in ("ROOT", "ccomp"):
            try:
                rewritten = _rewrite(doc, verb)
            except ImportError:  # lemminflect is not installed
                return None
            if rewritten:
                return rewritten
    accused = _ACCUSED.search(sentence)
    if accused and not inside_quotes(sentence, accused.start()):
        stands = "stands" if accused.group(1) in ("is", "has been") else "stand"
        return sentence[: accused.start()] + f"{stands} accused of" + sentence[accused.end() :]
    return None
