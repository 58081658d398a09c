"""The outline every engine writes to: lead, key points, keyphrase, and which facts answer which
question; and the slug built from the headline and keyphrase."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import Fact
from ..rewrite import compress
from ..rewrite.quotes import quote_pieces
from ..rewrite.refer import dangling, speaks_for_someone_before
from ..rewrite.whole import fragment_reason
from ..spec import OPENING_LABEL, OPENING_QUESTIONS, SECTION_MAX_WORDS, SECTIONS_MAX, SECTIONS_MIN
from ..storylines import as_told, is_result
from ..text import STOPWORDS, slugify, words
from .answering import tells_what_comes
from .heads import Part, ask, ends_on_statement, faq, section_part
from .keyphrase import keyphrase_from_facts
from .names import brief_facts, is_name
from .questions import Facet, facet_of, stock_question, topic_phrase
from .speakers import Named, named_facts, told_apart

_KEY_POINTS = 4
_RELATED_FACTS = 6  # facts of further sources that may support the sections and FAQ
# The words of evidence that make one more section worth a heading: fewer facts, fewer sections.
# It sizes how the facts are grouped, never pads a part (FORMAT.md's sizes are maxima).
_GROUP_WORDS = 60


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
    forward: Fact | None = None  # the fact that tells what happens next: the conclusion's to tell
    named: Named = field(default_factory=dict)  # facts whose "it", "the company", "her team" is named

    @property
    def summary_facts(self) -> list[Fact]:
        """The facts the summary tells: the lead, then the key points."""
        return [self.lead, *self.points]

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


def _by_facet(pool: list[Fact], follows: dict[str, str]) -> list[tuple[Facet, list[Fact]]]:
    """The facts grouped by the question their cues fit, groups in order of first appearance; a
    fact that goes on from another ("She said she would ...") right after it, in its group."""
    groups: dict[str, tuple[Facet, list[Fact]]] = {}
    for fact in pool:
        anchor = next((g for g in groups.values() for f in g[1] if f.id == follows.get(fact.id)), None)
        if anchor is not None:
            anchor[1].insert(next(i for i, f in enumerate(anchor[1]) if f.id == follows[fact.id]) + 1, fact)
            continue
        facet = facet_of(fact)
        groups.setdefault(facet.name, (facet, []))[1].append(fact)
    return list(groups.values())


def _opening_facts(lead: Fact, pool: list[Fact], wanted: int, follows: dict[str, str]) -> list[Fact]:
    """The lead, followed by the brief's next points while that answer is short and enough facts
    are left for the other sections, and by a point that goes on from the last ("She said she
    would ..." after "It is part of Ms Rochira's review"), which no other section could open."""
    opening = [lead]
    for fact in pool:
        goes_on = follows.get(fact.id) == opening[-1].id
        if goes_on and sum(_words(f) for f in [*opening, fact]) <= SECTION_MAX_WORDS:
            opening.append(fact)
            continue
        if sum(_words(f) for f in opening) >= _GROUP_WORDS:
            break
        if len([f for f in pool if f not in opening]) <= wanted - 1:
            break
        opening.append(fact)
    return opening


def _read_in_order(outline: Outline, facts: list[Fact]) -> list[Fact]:
    """The facts less each that goes on from one not told right before it: its "she" would be
    someone else, or no one (the body tells it after the sentence it goes on from)."""
    kept: list[Fact] = []
    for fact in facts:
        if outline.reads_after(fact, kept):
            kept.append(fact)
    return kept


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


def _sections(outline: Outline, pool: list[Fact], by_facet: list[tuple[Facet, list[Fact]]],
              asked: set[str]) -> list[Part]:
    """As many sections as the evidence fills at the format's section size (2-4). The lead answers
    "what happened"; the other facts are grouped by the question their cues fit, the smallest
    groups merged. Each is asked what one of its facts tells (``heads``): the opening keeps the
    lead first and gives later sections the facts its question does not fit."""
    lead, topic = outline.lead, outline.topic
    total = sum(_words(f) for f in [lead, *pool])
    wanted = max(SECTIONS_MIN, min(SECTIONS_MAX, total // _GROUP_WORDS)) if pool else 1
    opening_facts = ends_on_statement(_opening_facts(lead, pool, wanted, outline.follows))
    found = ask(opening_facts, asked, outline.keyphrase, first_stays=True)
    if found is None:  # the last resort: the lead gives no question
        opening = OPENING_QUESTIONS[0] if is_name(outline.keyphrase) else OPENING_QUESTIONS[1]
        found = stock_question(opening, topic), opening_facts
    asked.add(found[0])
    opening_facts = found[1]
    parts = [Part(found[0], opening_facts, label=OPENING_LABEL)]
    groups = [(facet, _read_in_order(outline, [f for f in facts if f not in opening_facts]))
              for facet, facts in by_facet]
    groups = [(facet, facts) for facet, facts in groups if facts]
    for facet, facts in _merge_smallest(groups, max(1, wanted - 1)):
        part = section_part(ends_on_statement(_within_size(facts)), facet, asked, outline.keyphrase, topic)
        earlier = next((p for p in parts if p.question == part.question), None)
        if earlier is None:
            parts.append(part)
        elif sum(map(_words, [*earlier.facts, *part.facts])) <= SECTION_MAX_WORDS:
            earlier.facts.extend(part.facts)  # the last resort asked already: one section tells both
    return parts


# Subjects that stand for the person or people the sentence before names.
_PRONOUN_OPENERS = frozenset({"he", "she", "they", "his", "her", "their"})


def build_outline(facts: list[Fact], keyphrase: str | None = None, max_body_paragraph_facts: int = 32) -> Outline:
    """Choose lead, points, keyphrase, and which facts answer which question."""
    named = named_facts(facts)  # the facts as the sources give them: each after the one before it
    lead_text = facts[0].text if facts else ""
    facts = [kept for f in facts if (kept := _as_told(f, lead_text)) is not None]
    title, brief = _title_and_brief(facts)
    lead = next((f for f in brief if f.role == "lead"), brief[0] if brief else facts[0])
    rest = [f for f in brief if f is not lead]
    points = ([f for f in rest if f.role == "point"] or rest[:_KEY_POINTS])[:_KEY_POINTS]
    # A source's line the splitter left without its main clause is not told on its own.
    story = [f for f in facts if not f.id.startswith("S1.") and f.role != "title" and fragment_reason(f.text) is None]
    told, told_as = _told_once([lead, *rest, *story])
    # A story that opens with the brief's own sentences gives them once: as the brief's facts. A
    # retelling that adds a word of its own ("Watson ... was arrested Thursday, Feb. 23, 2023")
    # may still answer a question.
    # A further source's sentence that goes on from the one before it ('"...," she said.') is told
    # after that one, in the body: at a section's head its "she" would be no one.
    follows = _antecedents(told, told_as, facts)
    body = _after_antecedents(told, follows)[:max_body_paragraph_facts]
    # The first coming event past the lead is the conclusion's to tell ("Talks are due to resume
    # on Monday"), for both engines: a section telling it too gives the reader it twice running.
    # (A key point stays in the sections: a thin brief's sections have too few facts without it.)
    forward = _forward(lead, points, body, named)
    # A quotation over several sentences is told whole, in the body alone (no part may cut it).
    extra = [f for f in _rank_related(story, [lead, *points])[:_RELATED_FACTS]
             if not _retells(f, told_as[f.id]) and not quote_pieces([f.text]) and f.id not in follows
             and f is not forward]

    kp = keyphrase.strip() if keyphrase else keyphrase_from_facts(compress.headline(lead.text), facts, lead)
    # A keyphrase the user gave is their subject; one the planner drew is checked against the facts.
    topic = topic_phrase(kp, [] if keyphrase else [f.text for f in brief_facts(facts)])
    outline = Outline(lead=lead, points=points, keyphrase=kp, topic=topic, title=title, follows=follows,
                      forward=forward, named=named)
    supporting = [f for f in rest if f not in points] + extra
    by_facet = _by_facet(points + supporting, follows)
    asked: set[str] = set()
    outline.sections = _sections(outline, points + supporting, by_facet, asked)
    others = [f for f in points + supporting if f is not lead]
    # Short of pairs, the FAQ asks of a given story's later facts before it asks the main news again.
    # Not the conclusion's fact: an answer telling it too would give the reader it twice running.
    others += [f for f in told if f not in others and not f.id.startswith("S1.") and not quote_pieces([f.text])
               and f is not forward]
    outline.faq = faq(outline, others, by_facet, asked)
    outline.body = body
    return outline


def _as_told(fact: Fact, lead_text: str) -> Fact | None:
    """``fact`` as the story tells it (``storylines.as_told``: no caption or live text, but for a
    match's result, which the report above it may not give); the lead as it is."""
    told = fact.text if fact.text == lead_text else as_told(fact.text)
    return None if told is None else fact if told == fact.text else fact.model_copy(update={"text": told})


def _forward(lead: Fact, points: list[Fact], body: list[Fact], named: Named) -> Fact | None:
    """The first fact past the lead that tells what happens next and is read alone after it (the
    conclusion is read after the whole article, which the lead opens): no question, no piece of a
    quotation over several sentences (told alone, it loses its speaker or its marks), nothing
    left pointing back once its speaker is named ("It added ..." is "A statement said ...")."""
    pieces = {facts[i].id for facts in (points, body) for i in quote_pieces([f.text for f in facts])}
    coming = next((f for f in [*points, *body] if f is not lead and tells_what_comes(f) and f.id not in pieces
                   and not f.text.rstrip().endswith("?")
                   and not dangling(told_apart(f, named), [lead.text])), None)
    # A match report's close is its result, where nothing is said to come: else the conclusion
    # restates the lead, which every part before it has told.
    return coming or next((f for f in body if f is not lead and is_result(f.text)), None)


def _told_once(facts: list[Fact]) -> tuple[list[Fact], dict[str, Fact]]:
    """The facts in order, less each that says again what an earlier one says (a source that
    opens with the brief's own sentences), and for every fact the kept one that tells it."""
    kept: list[Fact] = []
    seen: list[set[str]] = []
    told_as: dict[str, Fact] = {}
    for fact in facts:
        mine = _content_words(fact)
        same = next((k for k, other in zip(kept, seen, strict=True)
                     if mine and len(mine & other) >= 0.8 * min(len(mine), len(other))), None)
        if same is not None:
            told_as[fact.id] = same
            continue
        told_as[fact.id] = fact
        kept.append(fact)
        seen.append(mine)
    return kept, told_as


def _content_words(fact: Fact) -> set[str]:
    return {_stem(w) for w in words(fact.text) if w.lower() not in STOPWORDS}


def _retells(fact: Fact, kept: Fact) -> bool:
    """Whether ``fact`` says nothing that ``kept``, the fact told in its place, does not."""
    return kept is not fact and _content_words(fact) <= _content_words(kept)


def _antecedents(body: list[Fact], told_as: dict[str, Fact], facts: list[Fact]) -> dict[str, str]:
    """For each fact of ``body`` that opens on "he", "she" or "they" (or whose speaker is one:
    '"We are ready," he said.'), the fact of the body that tells the sentence its source puts
    before it (itself, or the brief's telling of it)."""
    before = {f.id: p for p, f in zip(facts, facts[1:], strict=False) if p.source == f.source}
    follows: dict[str, str] = {}
    for fact in body:
        first = fact.text.split(maxsplit=1)[0].lower() if fact.text.strip() else ""
        previous = before.get(fact.id)
        anchor = told_as.get(previous.id) if previous is not None else None
        if anchor is None or anchor is fact or anchor not in body:
            continue
        if first in _PRONOUN_OPENERS or speaks_for_someone_before(fact.text):  # '"...," he said.'
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
    anchor_words = set().union(*(_content_words(f) for f in anchors))
    scored = []
    for i, fact in enumerate(candidates):
        fact_words = _content_words(fact)
        overlap = len(fact_words & anchor_words) / (1 + len(fact_words)) ** 0.5
        if overlap > 0:
            scored.append((-overlap, i, fact))
    return [f for _, _, f in sorted(scored)]
