"""Plan: from the facts to an outline every engine writes to.

The outline fixes the lead, the key points, the focus keyphrase, and which facts answer which
question. Questions come from a small set of templates whose only variable part is the topic, a
phrase taken from the facts, so a question never names anything the sources do not.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from . import compress
from .models import Fact
from .text import STOPWORDS, words

# The only words briefpress itself adds to an article (headings, question frames, labels, the
# meta description's reader benefit). Tests check that nothing else appears that the sources lack.
TEMPLATE_WORDS = frozenset(
    """frequently asked questions key takeaways conclusion what happened with the was reaction to
    who is involved in when did it happen happens next for what are numbers behind why does matter
    else known about say said figures statement reaction context detail main news what's
    here latest on and read facts how of key full story details at glance background""".split()
)


@dataclass(frozen=True)
class Facet:
    """One kind of question a fact can answer, recognised by cue words."""

    name: str
    label: str
    section_question: str  # {topic} is filled in
    faq_question: str
    cues: re.Pattern[str]


FACETS: tuple[Facet, ...] = (
    Facet(
        "figures",
        "Numbers",
        "What are the numbers behind {topic}?",
        "What are the key figures?",
        re.compile(r"\d|\b(?:percent|per cent|million|billion|trillion|half|double|tripled?)\b", re.I),
    ),
    Facet(
        "reaction",
        "Reaction",
        "What was the reaction to {topic}?",
        "How did others react?",
        re.compile(
            r"\b(?:react\w*|market\w*|shares?|stocks?|investors?|critics?|opposed|opposition|protest\w*|"
            r"welcomed|criticis\w*|criticiz\w*|praised|condemned|backlash)\b",
            re.I,
        ),
    ),
    Facet(
        "next",
        "Next steps",
        "What happens next for {topic}?",
        "What happens next?",
        re.compile(
            r"\b(?:will|plans?|planned|expected|expects|starts?|scheduled|next|upcoming|deadline|"
            r"by (?:the end|early|late|mid)|within)\b",
            re.I,
        ),
    ),
    Facet(
        "statement",
        "Statement",
        "What was said about {topic}?",
        "What was said?",
        re.compile(
            r"\b(?:said|says|told|stated|announced|conveyed|expressed|reaffirmed|emphasi[sz]ed|"
            r"stressed|pledged|vowed|warned|argued|noted|added)\b|[\"“]",
            re.I,
        ),
    ),
)
_CONTEXT = Facet(
    "context", "Details", "What else is known about {topic}?", "What else is known?", re.compile(r"$^")
)

_TIME = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|"
    r"June|July|August|September|October|November|December|yesterday|today|tonight|(?:19|20)\d\d)\b"
)


@dataclass
class Part:
    """One question and the facts that answer it, most direct first."""

    question: str
    facts: list[Fact]
    label: str = "Details"


@dataclass
class Outline:
    lead: Fact
    points: list[Fact]
    keyphrase: str
    topic: str
    sections: list[Part] = field(default_factory=list)
    faq: list[Part] = field(default_factory=list)
    body: list[Fact] = field(default_factory=list)


def _stem(word: str) -> str:
    w = word.lower().strip(".’'")
    for suffix in ("’s", "'s"):
        if w.endswith(suffix):
            w = w[: -len(suffix)]
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def choose_keyphrase(headline: str, facts: list[Fact]) -> str:
    """A phrase from the headline, weighted by how many facts mention its words.

    Candidates are runs of capitalised words (names) and runs of two or three lower-case content
    words (topics); a candidate that leaves out a name it belongs to is not offered.
    """
    doc_freq: Counter[str] = Counter()
    for fact in facts:
        doc_freq.update({_stem(w) for w in words(fact.text)})
    tokens = headline.split()
    candidates: list[list[str]] = []
    run: list[str] = []
    for i, tok in enumerate(tokens + ["."]):
        clean = tok.strip(",.;:!?\"“”()")
        is_name = clean[:1].isupper() and not _TIME.fullmatch(clean) and clean.lower() not in STOPWORDS
        joins = clean.lower() == "of" and run and i + 1 < len(tokens) and tokens[i + 1][:1].isupper()
        if is_name or (joins and run):
            run.append(clean)
        else:
            if run:
                candidates.append(run)
            run = []
    content = [
        t.strip(",.;:!?\"“”()")
        for t in tokens
    ]
    for n in (3, 2):
        for i in range(len(content) - n + 1):
            gram = content[i : i + n]
            if all(g and g.islower() and g not in STOPWORDS and g.isalpha() for g in gram):
                candidates.append(gram)
    if not candidates:
        fallback = [t for t in content if t and t.lower() not in STOPWORDS]
        return " ".join(fallback[:2]) or headline

    def score(gram: list[str]) -> float:
        return sum(doc_freq[_stem(g)] for g in gram if g.lower() != "of") + (1.0 if len(gram) > 1 else 0.0)

    best = max(candidates, key=lambda g: (score(g), -candidates.index(g)))
    return " ".join(best)


def topic_phrase(keyphrase: str) -> str:
    """The keyphrase as a noun phrase that reads inside a question."""
    return keyphrase if keyphrase[:1].isupper() else f"the {keyphrase}"


def facet_of(fact: Fact) -> Facet:
    for facet in FACETS:
        if facet.cues.search(fact.text):
            return facet
    return _CONTEXT


def build_outline(facts: list[Fact], keyphrase: str | None = None, max_body_paragraph_facts: int = 32) -> Outline:
    """Choose lead, points, keyphrase, and which facts answer which question."""
    brief = [f for f in facts if f.id.startswith("S1.") and f.role != "title"]
    lead = next((f for f in brief if f.role == "lead"), brief[0] if brief else facts[0])
    rest = [f for f in brief if f is not lead]
    points = [f for f in rest if f.role == "point"] or rest[:4]
    points = points[:4]
    extra = _rank_related([f for f in facts if not f.id.startswith("S1.")], [lead, *points])

    kp = keyphrase.strip() if keyphrase else choose_keyphrase(compress.headline(lead.text), facts)
    topic = topic_phrase(kp)
    outline = Outline(lead=lead, points=points, keyphrase=kp, topic=topic)

    # Sections: the lead answers "what happened"; other facts go to the question their cues fit.
    supporting = [f for f in rest if f not in points] + extra[:6]
    by_facet: dict[str, list[Fact]] = {}
    order: list[Facet] = []
    for fact in points + supporting:
        facet = facet_of(fact)
        if facet.name not in by_facet:
            by_facet[facet.name] = []
            order.append(facet)
        by_facet[facet.name].append(fact)
    first_follow_up = points[:1] if points and facet_of(points[0]) is _CONTEXT else []
    outline.sections.append(
        Part(f"What happened with {topic}?", [lead, *first_follow_up], label="What happened")
    )
    for facet in order:
        group = [f for f in by_facet[facet.name] if f not in first_follow_up]
        if group and len(outline.sections) < 4:
            outline.sections.append(Part(facet.section_question.format(topic=topic), group[:4], facet.label))
    if len(outline.sections) < 2:
        others = [f for f in points + supporting if f not in outline.sections[0].facts]
        outline.sections.append(Part(_CONTEXT.section_question.format(topic=topic), others[:4] or [lead], "Details"))

    # FAQ: questions that stand alone; each answer is complete without the article around it.
    outline.faq.append(Part(f"Who is involved in {topic}?", [lead]))
    timed = next((f for f in [lead, *points] if _TIME.search(f.text)), None)
    if timed is not None:
        outline.faq.append(Part("When did it happen?", [timed]))
    for facet in order:
        group = by_facet[facet.name]
        if len(outline.faq) < 5 and facet is not _CONTEXT:
            outline.faq.append(Part(facet.faq_question, group[:2], facet.label))

    outline.body = [lead, *[f for f in rest], *extra][: max_body_paragraph_facts]
    return outline


def _rank_related(candidates: list[Fact], anchors: list[Fact]) -> list[Fact]:
    """Facts of further sources, most related to the brief first (shared content words)."""
    anchor_words = {_stem(w) for f in anchors for w in words(f.text) if w.lower() not in STOPWORDS}
    scored = []
    for i, fact in enumerate(candidates):
        fact_words = {_stem(w) for w in words(fact.text) if w.lower() not in STOPWORDS}
        overlap = len(fact_words & anchor_words) / (1 + len(fact_words)) ** 0.5
        if overlap > 0:
            scored.append((-overlap, i, fact))
    return [f for _, _, f in sorted(scored)]
