"""Crossheads: the subheadings that break a long body into parts a reader can scan.

A body over ``BODY_PLAIN`` words runs on under the one "The Full Story" heading, which readers
(and Yoast's subheading distribution, at most 300 words a section) find hard to take in. Every
``SECTION_AIM`` words or so, at a paragraph boundary, the body gets a question asked of the
paragraph under it in its own words (``asking.questions_of``): a question makes no claim, names
nothing the sources do not, and is recorded as a no-claim part of the evidence map.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from ..models import Article, Crosshead, Evidence
from ..nlp import spacy_pipeline
from ..text import open_quote, split_sentences
from .asking import questions_of

# Words: a body this short reads well under its one heading; one up to Yoast's bound for a
# section may run on where a crosshead would leave too few subheadings naming the keyphrase (the
# seo stage's connectives can still take it over the bound).
BODY_PLAIN, SECTION_MAX = 250, 300
# Words a crosshead's part aims at, and the most it is given where the paragraphs just past the
# aim ask no fit question: under SECTION_MAX, as the seo stage's connectives add words. Few
# crossheads, since each that does not name the keyphrase thins the subheadings that do.
SECTION_AIM, SECTION_ROOM = 240, 280
FEWEST_NAMING = 0.3  # the share of subheadings that reflect the keyphrase, at least (Yoast's bound)
LAST_PART_LEAST = 40  # words: a crosshead over less than this at the body's end is clutter


def _words(text: str) -> int:
    return len(text.split())


# "What did Surrey skipper Gareth Batty say?": the speaker a crosshead asks of.
_SAID = re.compile(r"^What did (?P<who>.+) say\?$")
# A paragraph that opens on a quotation given to a name by a colon alone: 'Yorkshire captain Alex
# Lees: "We are all gutted. ..."' (no verb of saying, so the parse asks nothing of it).
_COLON_SPEAKER = re.compile(r"^(?P<who>[A-Z][^:\"“”.]{2,60}):\s+[\"“]")


def _colon_speaker(paragraph: str) -> str | None:
    """The name a paragraph's opening quotation is given to by a colon: words with no verb or
    pronoun that end on a name ("He told BBC Radio London:" is a report the parse asks of)."""
    found = _COLON_SPEAKER.match(paragraph)
    nlp = spacy_pipeline() if found else None
    if found is None or nlp is None:
        return None
    doc = nlp(found["who"])
    if any(t.pos_ in ("VERB", "AUX", "PRON") for t in doc) or doc[-1].pos_ != "PROPN":
        return None
    return found["who"]


def _asked(paragraph: str, name: str, taken: set[str]) -> list[str]:
    """The questions the paragraph's sentences answer, its first sentence's first, that no heading
    of the article asks yet."""
    found = [q for span in split_sentences(paragraph) for q in questions_of(span.text, name)]
    speaker = _colon_speaker(paragraph)
    if speaker:
        found.insert(0, f"What did {speaker} say?")
    return [q for q in dict.fromkeys(found) if q.lower() not in taken]


def _surname(question: str) -> str | None:
    said = _SAID.match(question)
    return said["who"].split()[-1].lower() if said else None


def _speakers_apart(body: list[str], heads: list[Crosshead], name: str, asked: set[str]) -> list[Crosshead]:
    """A crosshead that asks what someone said heads their words alone: where a later paragraph of
    its part gives another speaker's words (it asks what they said), that paragraph gets a
    crosshead of its own (Lees's quote had run on under "What did ... Gareth Batty say?")."""
    out = list(heads)
    for k, head in enumerate(heads):
        speaker = _surname(head.question)
        if speaker is None:
            continue
        end = heads[k + 1].before if k + 1 < len(heads) else len(body)
        for j in range(head.before + 1, end):
            other = next((q for q in _asked(body[j], name, asked) if _surname(q) not in (None, speaker)), None)
            if other and not _quote_runs_on(body[j - 1]):
                out.append(Crosshead(before=j, question=other))
                asked.add(other.lower())
                break
    return sorted(out, key=lambda c: c.before)


def _quote_runs_on(paragraph: str) -> bool:
    """Whether ``paragraph`` leaves a quotation open for the next one to go on with (news style
    closes a quote over paragraphs only at its last): a heading there would cut the quote. Marks
    are read as the splitter reads them (``text.open_quote``), not counted: 'Lees: "We are all
    gutted. "The bowlers ...' opens its quote again and leaves it open."""
    return open_quote(paragraph)


def _place(body: list[str], counts: list[int], start: int, i: int, ask: Callable[[int], list[str]],
           want: Callable[[str], bool]) -> tuple[int, str] | None:
    """Where the crosshead of the part that opens at paragraph ``start`` goes, and its question:
    the first paragraph from ``i`` on that keeps the part at most ``SECTION_ROOM`` words, else
    the nearest before ``i`` past half the aim, that gives a question ``want`` takes, else the first of them that
    gives any question; None where none does."""
    after = [j for j in range(i, len(body))
             if sum(counts[start:j]) <= SECTION_ROOM and sum(counts[j:]) >= LAST_PART_LEAST] or [i]
    places = after + [j for j in range(i - 1, start, -1) if sum(counts[start:j]) >= SECTION_AIM // 2]
    places = [j for j in places if not _quote_runs_on(body[j - 1])]
    fallback: tuple[int, str] | None = None
    for j in places:
        questions = ask(j)
        hit = next((q for q in questions if want(q)), None)
        if hit:
            return j, hit
        fallback = fallback or ((j, questions[0]) if questions else None)
    return fallback


def crossheads_for(body: list[str], name: str = "", taken: set[str] | None = None,
                   names: Callable[[str], bool] | None = None, headings: tuple[int, int] = (0, 0)) -> list[Crosshead]:
    """The crossheads of ``body``: none where it runs to ``BODY_PLAIN`` words or fewer, else one
    where the part since the last heading would pass ``SECTION_AIM`` words, before a paragraph
    that gives a question no other heading asks. ``taken`` holds the article's other headings
    (lower case); ``name`` is the keyphrase, by which a question asks of a person named by
    surname (see ``questions_of``). Where ``names`` tells a heading that reflects the keyphrase,
    and ``headings`` counts the page's other subheadings that do and all of them, each crosshead
    is a question that keeps about half the subheadings reflecting it, where the paragraphs up to
    ``SECTION_ROOM`` words on give one (search engines want some, not all); a body of at most
    ``SECTION_MAX`` words takes none that would leave under ``FEWEST_NAMING`` of them doing so."""
    counts = [_words(p) for p in body]
    if sum(counts) <= BODY_PLAIN:
        return []
    asked = {q.lower() for q in taken or set()}
    reflecting, total = headings
    out: list[Crosshead] = []
    start, i = 0, 1
    while i < len(body):
        if sum(counts[start : i + 1]) <= SECTION_AIM or sum(counts[i:]) < LAST_PART_LEAST:
            i += 1
            continue
        wanted = 2 * reflecting < total + 1  # under half, this one counted
        placed = _place(body, counts, start, i, lambda j: _asked(body[j], name, asked),
                        lambda q, w=wanted: names is None or names(q) == w)  # type: ignore[misc]
        if placed is None:
            i += 1
            continue
        if sum(counts) <= SECTION_MAX and names is not None and not names(placed[1]) \
                and reflecting < math.ceil(FEWEST_NAMING * (total + 1)):
            break  # the body may run on under its heading: this crosshead costs more than it gives
        start, question = placed
        out.append(Crosshead(before=start, question=question))
        asked.add(question.lower())
        reflecting += bool(names and names(question))
        total += 1
        i = start + 1
    return _speakers_apart(body, out, name, asked)


def _reflects(keyphrase: str) -> Callable[[str], bool] | None:
    from ..seo.forms import build_topic, percent_found

    topic = build_topic(keyphrase, None)
    if topic is None:
        return None
    return lambda text: percent_found(topic, text) > 50


def with_crossheads(article: Article) -> Article:
    """``article`` with the crossheads its body calls for (any it had are asked again), each in the
    evidence map as a no-claim part."""
    from ..seo.pages import page_from_article

    taken = {s.question.lower() for s in [*article.sections, *article.faq]}
    names = _reflects(article.keyphrase)
    subheadings = [b.text for b in page_from_article(article.model_copy(update={"crossheads": []})).headings
                   if b.kind in ("h2", "h3")]
    # The sources list the page will carry (briefpress.evidence) is one more subheading.
    counts = (sum(1 for h in subheadings if names(h)) if names else 0,
              len(subheadings) + any(s.url for s in article.sources))
    heads = crossheads_for(article.body, article.keyphrase, taken, names, counts)
    evidence = [e for e in article.evidence if not e.part.startswith("crossheads[")]
    evidence += [Evidence(part=f"crossheads[{k}].question", sentence=c.question, no_claim=True)
                 for k, c in enumerate(heads)]
    return article.model_copy(update={"crossheads": heads, "evidence": evidence})
