"""The outline every engine writes to: lead, key points, keyphrase, and which facts answer which
question; and the slug built from the headline and keyphrase."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from ..models import Fact
from ..rewrite import compress
from ..rewrite.whole import fragment_reason
from ..spec import (
    FAQ_MAX,
    FAQ_MIN,
    MAIN_NEWS_LABEL,
    MAIN_NEWS_QUESTION,
    OPENING_LABEL,
    OPENING_QUESTIONS,
    SECTION_MAX_WORDS,
    SECTIONS_MAX,
    SECTIONS_MIN,
    WHEN_LABEL,
    WHEN_QUESTION,
    WHEN_TOPIC_QUESTION,
)
from ..storylines import is_story_line
from ..text import STOPWORDS, slugify, whole_phrase, words
from .asking import questions_of
from .keyphrase import keyphrase_from_facts
from .names import TIME_WORD, brief_facts, is_name
from .questions import CONTEXT, FACETS, Facet, facet_of, stock_question, topic_phrase
from .speakers import fits_answer

_KEY_POINTS = 4
_RELATED_FACTS = 6  # facts of further sources that may support the sections and FAQ
# The words of evidence that make one more section worth a heading: fewer facts, fewer sections.
# It sizes how the facts are grouped, never pads a part (FORMAT.md's sizes are maxima).
_GROUP_WORDS = 60
# Yoast's subheading check: the keyphrase in at least this share of the H2/H3 headings, of which
# the rendered article has four beside the questions (FAQ, takeaways, conclusion, full story).
_NAMED_SHARE, _FIXED_HEADINGS = 0.3, 4


@dataclass
class Part:
    """One question and the facts that answer it, most direct first."""

    question: str
    facts: list[Fact]
    label: str = CONTEXT.label


@dataclass
class Outline:
    lead: Fact
    points: list[Fact]
    keyphrase: str
    topic: str
    sections: list[Part] = field(default_factory=list)
    faq: list[Part] = field(default_factory=list)
    body: list[Fact] = field(default_factory=list)
    title: Fact | None = None  # the brief's own headline, when it has one
    follows: dict[str, str] = field(default_factory=dict)  # fact id -> the fact its "he" points back to

    @property
    def keyphrase_is_name(self) -> bool:
        return is_name(self.keyphrase)

    def reads_after(self, fact: Fact, before: list[Fact]) -> bool:
        """Whether ``fact`` may be told right after ``before`` in one part: a sentence that opens
        on "he", "she" or "they" only right after the sentence it points back to."""
        anchor = self.follows.get(fact.id)
        return anchor is None or (bool(before) and before[-1].id == anchor)


def _words(fact: Fact) -> int:
    return len(fact.text.split())


def _stem(word: str) -> str:
    w = word.lower().strip(".’'")
    for suffix in ("’s", "'s"):
        if w.endswith(suffix):
            w = w[: -len(suffix)]
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def is_title(fact: Fact) -> bool:
    """A short line with no end punctuation: a heading, not a sentence."""
    text = fact.text.strip()
    return not re.search(r"[.!?][\"”’')\]]*$", text) and len(text.split()) <= 14


def make_slug(headline: str, keyphrase: str, max_length: int = 50) -> str:
    """A short URL slug: the keyphrase, then the headline's content words, without stop words."""
    key = slugify(keyphrase, max_length)
    rest = [w for w in slugify(headline, 200).split("-") if w not in STOPWORDS and w not in key.split("-")]
    slug = key
    for word in rest:
        if len(slug) + 1 + len(word) > max_length:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or "article"


def _title_and_brief(facts: list[Fact]) -> tuple[Fact | None, list[Fact]]:
    """The brief's headline, if it has one, and its other facts."""
    brief = [f for f in facts if f.id.startswith("S1.") and f.role != "title"]
    title = next((f for f in facts if f.id.startswith("S1.") and f.role == "title"), None)
    # A first line without end punctuation ("# Harbour ferry service", a page's <h1>) is a title.
    if len(brief) > 1 and is_title(brief[0]):
        title, brief = brief[0], brief[1:]
    return title, brief


def _by_facet(pool: list[Fact]) -> list[tuple[Facet, list[Fact]]]:
    """The facts grouped by the question their cues fit, groups in order of first appearance."""
    groups: dict[str, tuple[Facet, list[Fact]]] = {}
    for fact in pool:
        facet = facet_of(fact)
        groups.setdefault(facet.name, (facet, []))[1].append(fact)
    return list(groups.values())


def _opening_facts(lead: Fact, pool: list[Fact], wanted: int) -> list[Fact]:
    """The lead, followed by the brief's next points while that answer is short and enough facts
    are left for the other sections."""
    opening = [lead]
    for fact in pool:
        if sum(_words(f) for f in opening) >= _GROUP_WORDS:
            break
        if len([f for f in pool if f not in opening]) <= wanted - 1:
            break
        opening.append(fact)
    return opening


def _merge_smallest(groups: list[tuple[Facet, list[Fact]]], most: int) -> list[tuple[Facet, list[Fact]]]:
    """Merge the smallest group into its neighbour until ``most`` are left; the bigger side names
    the question."""
    groups = list(groups)
    while len(groups) > most:
        i = min(range(len(groups)), key=lambda k: sum(_words(f) for f in groups[k][1]))
        j = i - 1 if i > 0 else 1
        (fa, a), (fb, b) = groups[min(i, j)], groups[max(i, j)]
        bigger = fa if sum(map(_words, a)) >= sum(map(_words, b)) else fb
        merged = a + b if bigger is fa else b + a
        groups[min(i, j)] = (bigger, merged)
        del groups[max(i, j)]
    return groups


def _within_size(facts: list[Fact]) -> list[Fact]:
    """The facts, in order, while the section stays within its largest size."""
    kept: list[Fact] = []
    for fact in facts:
        if kept and sum(map(_words, kept)) + _words(fact) > SECTION_MAX_WORDS:
            break
        kept.append(fact)
    return kept


def _asked_of(facts: list[Fact], stock: str, asked: set[str], name: str, once: bool = True) -> str:
    """The question the part's first fact answers, in its words ("Why has the ferry operator
    apologised?"), one no other part of the article asks and that fits every fact under it
    ("What did Tesco say?" only over Tesco's statements, see ``speakers``); the stock question
    where the fact gives none."""
    texts = [f.text for f in facts]
    found = questions_of(texts[0], name) if texts else ()
    question = next((q for q in found if fits_answer(q, texts, asked, once)), stock)
    asked.add(question)
    return question


def _answer_ends_on_statement(facts: list[Fact]) -> list[Fact]:
    """The facts less the trailing ones that are questions: in the text layout a line ending in
    "?" reads as a heading."""
    kept = list(facts)
    while len(kept) > 1 and kept[-1].text.rstrip().rstrip("\"”’'").endswith("?"):
        kept.pop()
    return kept


def _sections(outline: Outline, pool: list[Fact], by_facet: list[tuple[Facet, list[Fact]]],
              asked: set[str]) -> list[Part]:
    """As many sections as the evidence fills at the format's section size (2-4). The lead answers
    "what happened"; the other facts are grouped by the question their cues fit, the smallest
    groups merged. Each is asked what its first fact tells."""
    lead, topic = outline.lead, outline.topic
    opening = stock_question(OPENING_QUESTIONS[0] if is_name(outline.keyphrase) else OPENING_QUESTIONS[1], topic)
    total = sum(_words(f) for f in [lead, *pool])
    wanted = max(SECTIONS_MIN, min(SECTIONS_MAX, total // _GROUP_WORDS)) if pool else 1
    opening_facts = _answer_ends_on_statement(_opening_facts(lead, pool, wanted))
    parts = [Part(_asked_of(opening_facts, opening, asked, outline.keyphrase), opening_facts, label=OPENING_LABEL)]
    groups = [(facet, [f for f in facts if f not in opening_facts]) for facet, facts in by_facet]
    groups = [(facet, facts) for facet, facts in groups if facts]
    for facet, facts in _merge_smallest(groups, max(1, wanted - 1)):
        kept = _answer_ends_on_statement(_within_size(facts))
        question = _asked_of(kept, stock_question(facet.section_question, topic), asked, outline.keyphrase)
        parts.append(Part(question, kept, facet.label))
    return parts


def _faq(outline: Outline, others: list[Fact], by_facet: list[tuple[Facet, list[Fact]]],
         asked: set[str]) -> list[Part]:
    """Questions that stand alone; each answer is complete without the article around it. A
    question is asked of its answer's first fact where that gives one no section asks."""
    lead = outline.lead
    stock = stock_question(MAIN_NEWS_QUESTION, outline.topic)
    main = _asked_of([lead], stock, asked, outline.keyphrase, once=False)
    # The main-news label marks the stock question, which a writer may rank below the others.
    faq = [Part(main, [lead], MAIN_NEWS_LABEL if main == stock else OPENING_LABEL)]
    # "When?" gets its own answer only when the lead, the first FAQ answer, does not say when.
    timed = next((f for f in [lead, *outline.points] if TIME_WORD.search(f.text)), None)
    if timed is not None and timed is not lead:
        when = [q for q in questions_of(timed.text, outline.keyphrase) if q.startswith("When ") and q not in asked]
        asked.update(when[:1])
        # The keyphrase is the question's subject only where the fact is about it: else the
        # question would ask when it did what someone else did.
        named = outline.topic and whole_phrase(outline.keyphrase).search(timed.text)
        stock = WHEN_TOPIC_QUESTION.format(topic=outline.topic) if named else WHEN_QUESTION
        faq.append(Part(when[0] if when else stock, [timed], WHEN_LABEL))
    for facet, group in by_facet:
        # No two answers open with the same fact: the second would tell it again.
        opened = {p.facts[0].id for p in faq if p.facts}
        group = [f for f in group if f.id not in opened] if group and group[0].id in opened else group
        if len(faq) < FAQ_MAX and facet is not CONTEXT and group:
            before = set(asked)
            faq += _unasked(_faq_part(facet, group, asked, outline.keyphrase), before)
    if len(faq) < FAQ_MIN and others:
        opened = {p.facts[0].id for p in faq if p.facts}
        # The format's fewest pairs come first: the last one may repeat a section's stock question.
        faq.append(_faq_part(CONTEXT, [f for f in others if f.id not in opened] or others, asked, outline.keyphrase))
    return faq


def _unasked(part: Part, asked: set[str]) -> list[Part]:
    """The pair, unless another part asked its question before it: with no topic to name, a
    section's stock question and the FAQ's read alike ("What else is there to know?")."""
    return [] if part.question in asked else [part]


def _faq_part(facet: Facet, group: list[Fact], asked: set[str], name: str) -> Part:
    """The FAQ pair of a kind of fact: asked of the first of its facts that gives a question no
    other part asks, and answered by that fact alone (one or two sentences); else the kind's stock
    question, answered by its first two facts."""
    for fact in group:
        found = questions_of(fact.text, name)
        question = next((q for q in found if fits_answer(q, [fact.text], asked, once=False)), None)
        if question is not None and not fact.text.rstrip().endswith("?"):
            asked.add(question)
            return Part(question, [fact], facet.label)
    facts = _answer_ends_on_statement(group[:2])
    stock = facet.faq_question
    if stock in asked:  # left for ``_unasked`` to drop: a section asks it already
        return Part(stock, facts, facet.label)
    return Part(_asked_of(facts, stock, asked, name, once=False), facts, facet.label)


def _name_in_enough_headings(outline: Outline) -> bool:
    """Where the questions asked of the facts name the keyphrase in fewer headings than Yoast's
    subheading check wants (30%, the set headings counted), the last sections go back to their
    kind's question, which names the topic: the facts then hold no question that names it.
    Whether one did."""
    named = whole_phrase(outline.keyphrase, re.I)
    parts = [*outline.sections, *outline.faq]
    wanted = math.ceil(_NAMED_SHARE * (len(parts) + _FIXED_HEADINGS))
    short = wanted - sum(1 for p in parts if named.search(p.question))
    changed = False
    for part in reversed(outline.sections[1:]):
        facet = next((f for f in FACETS if f.label == part.label), CONTEXT)
        stock = stock_question(facet.section_question, outline.topic)
        if short > 0 and not named.search(part.question) and named.search(stock):
            part.question, short, changed = stock, short - 1, True
    return changed


# Subjects that stand for the person or people the sentence before names.
_PRONOUN_OPENERS = frozenset({"he", "she", "they", "his", "her", "their"})


def build_outline(facts: list[Fact], keyphrase: str | None = None, max_body_paragraph_facts: int = 32) -> Outline:
    """Choose lead, points, keyphrase, and which facts answer which question."""
    lead_text = facts[0].text if facts else ""
    facts = [f for f in facts if f.text == lead_text or is_story_line(f.text)]
    title, brief = _title_and_brief(facts)
    lead = next((f for f in brief if f.role == "lead"), brief[0] if brief else facts[0])
    rest = [f for f in brief if f is not lead]
    points = ([f for f in rest if f.role == "point"] or rest[:_KEY_POINTS])[:_KEY_POINTS]
    # A source's line the splitter left without its main clause is not told on its own.
    story = [f for f in facts if not f.id.startswith("S1.") and fragment_reason(f.text) is None]
    extra = _rank_related(story, [lead, *points])

    kp = keyphrase.strip() if keyphrase else keyphrase_from_facts(compress.headline(lead.text), facts, lead)
    # A keyphrase the user gave is their subject; one the planner drew is checked against the facts.
    topic = topic_phrase(kp, [] if keyphrase else [f.text for f in brief_facts(facts)])
    outline = Outline(lead=lead, points=points, keyphrase=kp, topic=topic, title=title)
    supporting = [f for f in rest if f not in points] + extra[:_RELATED_FACTS]
    by_facet = _by_facet(points + supporting)
    asked: set[str] = set()
    outline.sections = _sections(outline, points + supporting, by_facet, asked)
    others = [f for f in points + supporting if f is not lead]
    outline.faq = _faq(outline, others, by_facet, asked)
    if _name_in_enough_headings(outline):
        # A section gave its question back, so an FAQ pair may ask it.
        outline.faq = _faq(outline, others, by_facet, {p.question for p in outline.sections})
    told, told_as = _told_once([lead, *rest, *story])
    outline.follows = _antecedents(told, told_as, facts)
    outline.body = _after_antecedents(told, outline.follows)[:max_body_paragraph_facts]
    return outline


def _told_once(facts: list[Fact]) -> tuple[list[Fact], dict[str, Fact]]:
    """The facts in order, less each that says again what an earlier one says (a source that
    opens with the brief's own sentences), and for every fact the kept one that tells it."""
    kept: list[Fact] = []
    seen: list[set[str]] = []
    told_as: dict[str, Fact] = {}
    for fact in facts:
        mine = {_stem(w) for w in words(fact.text) if w.lower() not in STOPWORDS}
        same = next((k for k, other in zip(kept, seen, strict=True)
                     if mine and len(mine & other) >= 0.8 * min(len(mine), len(other))), None)
        if same is not None:
            told_as[fact.id] = same
            continue
        told_as[fact.id] = fact
        kept.append(fact)
        seen.append(mine)
    return kept, told_as


def _antecedents(body: list[Fact], told_as: dict[str, Fact], facts: list[Fact]) -> dict[str, str]:
    """For each fact of ``body`` that opens on "he", "she" or "they", the fact of the body that tells
    the sentence its source puts before it (itself, or the brief's telling of it)."""
    before = {f.id: p for p, f in zip(facts, facts[1:], strict=False) if p.source == f.source}
    follows: dict[str, str] = {}
    for fact in body:
        first = fact.text.split(maxsplit=1)[0].lower() if fact.text.strip() else ""
        previous = before.get(fact.id)
        anchor = told_as.get(previous.id) if previous is not None else None
        if first in _PRONOUN_OPENERS and anchor is not None and anchor is not fact and anchor in body:
            follows[fact.id] = anchor.id
    return follows


def _after_antecedents(body: list[Fact], follows: dict[str, str]) -> list[Fact]:
    """The body with each sentence that opens on "he", "she" or "they" right after the sentence it
    points back to, where the brief told that one first: "He added: ..." after another speaker's
    sentence credits that speaker with the quote."""
    out = list(body)
    for fact in body:
        anchor = next((f for f in out if f.id == follows.get(fact.id)), None)
        if anchor is None or out.index(fact) == out.index(anchor) + 1:
            continue
        out.remove(fact)
        out.insert(out.index(anchor) + 1, fact)
    return out


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
