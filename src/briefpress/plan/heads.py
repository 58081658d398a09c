"""The question each part of the outline asks: of its facts, in their words, where a fact gives one
its answer answers; a stock question only where none does and its answer holds what it asks for
(``answering``); and the FAQ's pairs, each asked of a fact no other pair tells.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import Fact
from ..rewrite.refer import speaks_for_someone_before
from ..spec import (
    FAQ_MAX,
    FAQ_MIN,
    MAIN_NEWS_LABEL,
    MAIN_NEWS_QUESTION,
    OPENING_LABEL,
    SAID_MORE,
    WHEN_LABEL,
    WHEN_TOPIC_QUESTION,
)
from ..text import whole_phrase
from .answering import answers, has_time
from .asking import questions_of
from .questions import CONTEXT, Facet, facet_of, stock_question, with_topic
from .speakers import Named, asked_speaker, fits_answer, said_by, same_speaker, told_apart

if TYPE_CHECKING:
    from .outline import Outline


@dataclass
class Part:
    """One question and the facts that answer it, most direct first."""

    question: str
    facts: list[Fact]
    label: str = CONTEXT.label


def fits(question: str, texts: list[str], asked: set[str], once: bool = True) -> bool:
    """Whether ``question`` may head the answer ``texts`` in an article that asks ``asked``: asked
    once, a speaker's question only over that speaker's words (``speakers.fits_answer``), and an
    answer that holds what it asks for (``answering.answers``)."""
    return fits_answer(question, texts, asked, once) and answers(question, texts)


def ends_on_statement(facts: list[Fact]) -> list[Fact]:
    """The facts less the trailing ones that are questions: in the text layout a line ending in
    "?" reads as a heading."""
    kept = list(facts)
    while len(kept) > 1 and kept[-1].text.rstrip().rstrip("\"”’'").endswith("?"):
        kept.pop()
    return kept


def ask(facts: list[Fact], asked: set[str], name: str, once: bool = True,
        first_stays: bool = False) -> tuple[str, list[Fact]] | None:
    """The question the part's facts answer, in a fact's words, and its facts: the first fact's
    question over them all; with ``first_stays`` (the opening, whose lead is the news), over the
    longest run of two or more it fits ("What did Lena Holt say?" over her two statements, the
    rest told in later sections; a lone statement would leave the other facts to a heading of no
    one's words, joined by filler); else a later fact's question, that fact put first (the first sentence answers the
    heading). None where no fact gives one."""
    texts = [f.text for f in facts]
    if not texts:
        return None
    first = questions_of(texts[0], name)
    found = next((q for q in first if fits(q, texts, asked, once)), None)
    if found is not None:
        return found, facts
    if first_stays:
        for k in range(len(facts) - 1, 1, -1):
            found = next((q for q in first if fits(q, texts[:k], asked, once)), None)
            if found is not None:
                return found, facts[:k]
        return None
    for i, fact in enumerate(facts[1:], start=1):
        moved = [fact, *facts[:i], *facts[i + 1:]]
        found = next((q for q in questions_of(fact.text, name) if fits(q, [f.text for f in moved], asked, once)), None)
        if found is not None:
            return found, moved
    return None


def section_part(facts: list[Fact], facet: Facet, asked: set[str], name: str, topic: str) -> Part:
    """A section asked of its facts; where none gives a question, its kind's stock question if
    the facts hold what it asks for, else the last resort "What else is there to know?"."""
    found = ask(facts, asked, name) or said_more(facts, asked, name)
    if found is None:
        stock = stock_question(facet.section_question, topic)
        if not fits(stock, [f.text for f in facts], asked):
            stock = stock_question(CONTEXT.section_question, topic)
        found = stock, facts
    asked.add(found[0])
    return Part(found[0], found[1], facet.label)


def faq(outline: Outline, others: list[Fact], by_facet: list[tuple[Facet, list[Fact]]], asked: set[str]) -> list[Part]:
    """Questions that stand alone, each asked of a fact and answered by it. The lead's own pair
    only where it asks what no section asks: the first section tells the lead, so "What is the
    main news?" would tell it again (kept only to reach the format's fewest pairs). Besides the
    lead's where the opening section tells the lead alone, at least the format's fewest pairs: the
    writer drops a pair whose answer a section gives."""
    lead, name = outline.lead, outline.keyphrase
    pairs: list[Part] = []
    main = ask([lead], asked, name, once=False)
    if main is not None:
        asked.add(main[0])
        pairs.append(Part(main[0], [lead], OPENING_LABEL))
    pairs += _when(outline, asked)

    def unused(facts: list[Fact]) -> list[Fact]:  # no fact told in two answers
        used = {f.id for p in pairs for f in p.facts} | {lead.id}
        return [f for f in facts if f.id not in used]

    # A fact that opens a section has had its question answered: its kind's stock question would
    # ask it again ("What are the key figures?" under "When did the hosts level?", "How did others
    # react?" under "What was the reaction?"), save where the pairs are too few without it.
    opened = {s.facts[0].id for s in outline.sections}
    for facet, group in by_facet:
        if len(pairs) < FAQ_MAX and facet is not CONTEXT and unused(group):
            pairs += _faq_part(facet, unused(group), asked, outline, opened=opened)
    # The lead's pair counts where the opening tells more than the lead: else its answer is the
    # opening's, and the writer drops it.
    alone = len(outline.sections[0].facts) == 1 if outline.sections else False
    while len([p for p in pairs if p.facts[0] is not lead or not alone]) < FAQ_MIN and len(pairs) < FAQ_MAX \
            and unused(others):
        rest = unused(others)
        # Short of pairs, a stock question may be asked that a section asks with its topic.
        part = _faq_part(facet_of(rest[0]), rest, asked, outline, True) or \
            _faq_part(CONTEXT, rest, asked, outline, True)
        if not part:
            break
        pairs += part
    if len(pairs) < FAQ_MIN:
        stock = stock_question(MAIN_NEWS_QUESTION, outline.topic)
        if stock not in asked:
            pairs.insert(0, Part(stock, [lead], MAIN_NEWS_LABEL))
    return pairs


def _when(outline: Outline, asked: set[str]) -> list[Part]:
    """"When?" gets its own pair where a point other than the lead says when its event happened."""
    timed = next((f for f in outline.points if has_time(f.text) and not speaks_for_someone_before(f.text)), None)
    if timed is None or has_time(outline.lead.text):
        return []
    when = [q for q in questions_of(timed.text, outline.keyphrase) if q.startswith("When ") and q not in asked]
    # The keyphrase is the question's subject only where the fact is about it: else the
    # question would ask when it did what someone else did.
    named = outline.topic and whole_phrase(outline.keyphrase).search(timed.text)
    # Not "When did it happen?": over a point that is not the lead, "it" reads as the news itself
    # ("... was last year accused of bugging ..." dated an arrest made this week).
    question = when[0] if when else WHEN_TOPIC_QUESTION.format(topic=outline.topic) if named else None
    if question is None or question in asked:
        return []
    asked.add(question)
    return [Part(question, [timed], WHEN_LABEL)]


def _faq_part(facet: Facet, group: list[Fact], asked: set[str], outline: Outline, short: bool = False,
              opened: set[str] | frozenset[str] = frozenset()) -> list[Part]:
    """The FAQ pair of a kind of fact: asked of the first of its facts that gives a question no
    other part asks, and answered by that fact alone (one or two sentences); else the kind's
    stock question where its first two facts hold what it asks for and (unless the FAQ is
    ``short`` of pairs) no section asks it with the topic, none of them ``opened`` (a fact that
    opens a section); else none. An answer is read alone,
    after the lead only: a fact that goes on from someone told before it ("He said Moscow
    ...", "It added ...") answers no pair."""
    group = [f for f in group if not speaks_for_someone_before(f.text)]
    for fact in group:
        if fact.text.rstrip().endswith("?"):
            continue
        # Told apart, "The company said ..." names the company (``Outline.named``): so does its question.
        text = told_apart(fact, outline.named)
        questions = questions_of(text, outline.keyphrase)
        found = next((q for q in questions if fits(q, [text], asked, once=False)), None)
        if found is not None:
            asked.add(found)
            return [Part(found, [fact], facet.label)]
    more = said_more(group[:1], asked, outline.keyphrase, outline.named)
    if more is not None:
        asked.add(more[0])
        return [Part(more[0], more[1], facet.label)]
    facts = ends_on_statement([f for f in group if f.id not in opened][:2])
    if not facts:
        return []
    stock = facet.faq_question
    again = not short and with_topic(stock, outline.topic) in asked
    # The answer's first sentence answers the question: a figure in the second fact alone left
    # "What are the key figures?" over a date, which the writer's answer told alone.
    if again or not fits(stock, [facts[0].text], asked, once=False):
        return []
    asked.add(stock)
    return [Part(stock, facts, facet.label)]


def said_more(facts: list[Fact], asked: set[str], name: str,
              named: Named | None = None) -> tuple[str, list[Fact]] | None:
    """"What else did Wallström say?" over a statement by a speaker another part has asked
    about already, where every fact is that speaker's (by the speaker ``named`` gives it, where
    it is "the company" or "she"): a speaker's question is asked once, and the stock "Who said
    what?" would name no one."""
    if not facts:
        return None
    texts = [told_apart(f, named) for f in facts]
    spoken = [who for q in asked if (who := asked_speaker(q))]
    for q in questions_of(texts[0], name):
        who = asked_speaker(q)
        if who and any(same_speaker(who, other) for other in spoken):
            question = SAID_MORE.format(speaker=who)
            if question not in asked and all(said_by(text, who) for text in texts):
                return question, facts
    return None
