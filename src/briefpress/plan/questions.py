"""The questions an outline asks: the kinds of fact (facets) and the templates they fill.

A question's only variable part is the topic, a phrase taken from the facts, so a question never
names anything the sources do not. The wording itself lives in ``briefpress.spec``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..lexicon import STATING, alternation, forms
from ..models import Fact
from ..nlp import spacy_pipeline
from ..spec import FACET_QUESTIONS, MAIN_NEWS_QUESTION, OPENING_QUESTIONS, WHEN_QUESTION, WHEN_TOPIC_QUESTION
from ..text import whole_phrase
from .names import is_name


@dataclass(frozen=True)
class Facet:
    """One kind of question a fact can answer, recognised by cue words."""

    name: str
    label: str
    section_question: str  # {topic} is filled in
    faq_question: str
    cues: re.Pattern[str]


def _facet(name: str, cues: re.Pattern[str]) -> Facet:
    label, section_question, faq_question = FACET_QUESTIONS[name]
    return Facet(name, label, section_question, faq_question, cues)


# Monitors who "voiced their concern about the poll" react to it.
VOICED_CONCERN = r"(?:voiced|expressed|raised)\s+(?:\w+\s+)?(?:concerns?|alarm|dismay|outrage)"

# Order matters: a fact goes to the first facet whose cues it holds. Reaction comes before figures
# because "shares rose 5%" is a market reaction that happens to hold a number.
FACETS: tuple[Facet, ...] = (
    _facet(
        "reaction",
        # Shares and stocks are the market's reaction wherever the brief names them (a crash, the
        # arrests that answer it); an investor is one when investors act, not "a potential
        # investor"; people protesting react, the protest that is the news does not ("The protest
        # comes on the eve ...").
        re.compile(
            r"\b(?:react\w*|markets? (?:rose|fell|rallied|slumped)|shares|stocks?|investors (?:\w+ed)|"
            r"investor (?:confidence|sentiment)|critics?|opposed|opposition|protested|protest(?:ers|ors)|"
            r"welcomed|criticis\w*|criticiz\w*|praised|condemned|backlash|congratulated|" + VOICED_CONCERN + r")\b",
            re.I,
        ),
    ),
    _facet(
        "figures",
        re.compile(r"\d|\b(?:percent|per cent|million|billion|trillion|half|double|tripled?)\b", re.I),
    ),
    _facet(
        "next",
        re.compile(
            r"\b(?:will|plans?|planned|expected to|expects to|starts?|scheduled|next|upcoming|deadline|"
            r"by (?:the end|early|late|mid)|within)\b",
            re.I,
        ),
    ),
    _facet(
        "statement",
        re.compile(
            rf"\b{alternation(forms(STATING, base=False))}\b|[\"“]",
            re.I,
        ),
    ),
)
# The facet of a fact no cue claims; it never matches on its own.
CONTEXT = _facet("context", re.compile(r"$^"))

# Kinds of entity that name a subject (a demonym, "Syrian", is a NORP and qualifies one).
_NAMED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
_TOPIC_TAIL = re.compile(r"\s+(?:about|on|to|for|with)\s+\{topic\}\?$")


def facet_of(fact: Fact) -> Facet:
    for facet in FACETS:
        if facet.cues.search(fact.text):
            return facet
    return CONTEXT


def topic_phrase(keyphrase: str, texts: Sequence[str] = ()) -> str:
    """The keyphrase as a noun phrase that reads inside a question ("the Scottish government",
    "Tesco"); "" where, as ``texts`` (the facts) use it, it names no subject a question can be
    about: a word that qualifies another ("Syrian" of "the Syrian government"), a figure, a
    sentence's opening word ("Little is beyond their reach")."""
    span = _used(keyphrase, texts) if texts else None
    if re.search(r"\d", keyphrase) or (span is not None and not _is_subject(span[-1])):
        return ""
    if not is_name(keyphrase):
        return f"the {keyphrase}"
    if span is None:
        return keyphrase
    # A name takes no article; a capitalised phrase the facts give one does ("The Northern Irishman").
    after_the = span[0].i > 0 and span.doc[span[0].i - 1].lower_ == "the"
    common = span[-1].tag_ == "NN" and not span[-1].ent_type_
    return f"the {keyphrase}" if common or after_the else keyphrase


def _used(keyphrase: str, texts: Sequence[str]) -> Any | None:
    """The keyphrase where the first text that holds it uses it, parsed there."""
    nlp = spacy_pipeline()
    text = next((t for t in texts if whole_phrase(keyphrase).search(t)), None)
    if nlp is None or text is None:
        return None
    doc = nlp(text)
    at = whole_phrase(keyphrase).search(text)
    span = doc.char_span(at.start(), at.end(), alignment_mode="expand") if at else None
    return span if span is not None and len(span) else None


def _is_subject(last: Any) -> bool:
    """A name, or a noun that qualifies no noun after it ("German parliamentary committee"); a
    name stays one before a noun ("Tesco boss")."""
    if last.tag_ in ("NNP", "NNPS") or last.ent_type_ in _NAMED:
        return True
    return last.tag_ in ("NN", "NNS") and not (last.dep_ in ("compound", "amod") and last.head.i > last.i)


def _topic_forms() -> dict[str, str]:
    """Each question the planner writes without a topic, and its form that names one."""
    templates = [*OPENING_QUESTIONS, MAIN_NEWS_QUESTION, *(f.section_question for f in (*FACETS, CONTEXT))]
    forms = {_TOPIC_TAIL.sub("?", t): t for t in templates}
    # A FAQ question worded apart from its section's: it names the topic its own way.
    forms.update({f.faq_question: f.faq_question[:-1] + " to {topic}?" for f in FACETS
                  if f.faq_question not in forms and f.faq_question.endswith("react?")})
    return forms


def stock_question(template: str, topic: str) -> str:
    """A stock question naming ``topic``; where there is none, its topic-free form ("Who said
    what?")."""
    return template.format(topic=topic) if topic else _TOPIC_TAIL.sub("?", template)


def with_topic(question: str, topic: str) -> str | None:
    """A topic-less planner question naming ``topic`` ("What are the key figures?" -> "What are
    the key figures on X?"); None for any other question."""
    template = _topic_forms().get(question)
    return template.format(topic=topic) if template else None


def _stock_patterns() -> list[re.Pattern[str]]:
    templates = [*_topic_forms().values(), *_topic_forms(), WHEN_QUESTION, WHEN_TOPIC_QUESTION,
                 *(f.faq_question for f in (*FACETS, CONTEXT))]
    parts = [re.escape(t).replace(re.escape("{topic}"), ".+") for t in templates]
    return [re.compile(p) for p in dict.fromkeys(parts)]


def is_stock(question: str) -> bool:
    """Whether the question is one of the planner's stock questions (its facets' and the
    opening's), with or without a topic; a question asked of a fact is not."""
    return any(p.fullmatch(question) for p in _stock_patterns())
