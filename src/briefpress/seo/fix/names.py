"""Second references: a repeated keyphrase told again by its short form once the full form was just
given, as a news writer does ("Takaichi" after "Sanae Takaichi", "the activists" after "Activists in
London"). The short form names what the full form named and nothing more, so it adds no claim;
the seo stage still writes a sentence with it only where the verifier passes it.

Two short forms, and only where they cannot name anyone or anything else:

- a person's name of two or more words (spaCy tags its mentions in the facts PERSON) is told by its
  last word, where no other capitalised word stands before that surname in the facts (two people
  who share a surname keep their full names);
- a noun followed by a place or owner ("activists in London", "leader of Kazakhstan"), or a plural
  noun after a name's adjective ("Chinese shares"), is told by its noun ("the activists",
  "shares"), with no word added.

A mention inside a quotation is never changed: a quote keeps the speaker's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...nlp import spacy_pipeline
from ...rewrite.split import inside_quotes
from ...text import whole_phrase

# Titles that may stand before a surname without naming another person.
_TITLES = frozenset("Mr Mrs Ms Dr Sir Dame Lord Lady Prof Professor President Minister Premier PCC".split())
_OF_PLACE = re.compile(r"^(?P<head>[a-z][a-z-]+)\s+(?:in|of|from|at)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*$")
_PLACE_OF = re.compile(r"^[A-Z][a-z-]+\s+(?P<head>[a-z][a-z-]+s)$")  # "Chinese shares"
_SAMPLES = 20  # fact texts naming the keyphrase that are parsed for its entity label


def _is_person(phrase: str, texts: list[str]) -> bool:
    """Whether spaCy tags ``phrase`` a person in every text that names it (and it is named)."""
    nlp = spacy_pipeline()
    if nlp is None:
        return False
    labels = []
    for text in texts[:_SAMPLES]:
        doc = nlp(text)
        for m in whole_phrase(phrase).finditer(text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None:
                labels.append(span.root.ent_type_)
    return bool(labels) and all(label == "PERSON" for label in labels)


def _surname_is_theirs(phrase: str, texts: list[str]) -> bool:
    """Whether every capitalised word written before the surname in ``texts`` is the phrase's own
    first name(s) or a title: no one else in the story shares the surname."""
    *given, surname = phrase.split()
    for text in texts:
        for m in re.finditer(rf"(\S+)\s+{re.escape(surname)}(?![\w-])", text):
            before = m.group(1).strip("(,\"“")
            opens = not text[: m.start()].strip() or text[: m.start()].rstrip()[-1] in ".!?"
            if (before[:1].isupper() and not opens and before not in given
                    and before.rstrip(".") not in _TITLES):
                return False  # ("Substitute Yattara" opens its sentence: a capital that names no one)
    return True


def short_form(keyphrase: str, facts: Iterable[str]) -> str | None:
    """The short form of ``keyphrase`` (see the module's rules), or None where it has none."""
    phrase = keyphrase.strip()
    if (m := _OF_PLACE.match(phrase) or _PLACE_OF.match(phrase)) is not None:
        return m["head"]
    words = phrase.split()
    if len(words) < 2 or not all(re.fullmatch(r"[A-Z][\w'’.-]*", w) for w in words):
        return None
    naming = [t for t in facts if whole_phrase(phrase).search(t)]
    if not naming or not _is_person(phrase, naming) or not _surname_is_theirs(phrase, list(facts)):
        return None
    return words[-1]


def shortened(sentence: str, keyphrase: str, short: str) -> str | None:
    """``sentence`` with its first mention of ``keyphrase`` (outside quotes) told by ``short``,
    writing no word the sentence does not hold: a noun short form stands where a determiner
    precedes it ("The leader of Kazakhstan" becomes "The leader") or is a plural ("Chinese shares
    fell" becomes "Shares fell"). None where no mention can be."""
    for m in whole_phrase(keyphrase, re.IGNORECASE).finditer(sentence):
        if inside_quotes(sentence, m.start()):
            continue
        before = sentence[: m.start()]
        determined = re.search(r"(?:^|\s)(?:the|The|these|These|those|Those)\s$", before)
        if not (short[:1].isupper() or determined or short.endswith("s")):
            continue  # a singular noun would need a determiner the sentence does not hold
        new = short
        if not before.strip():
            new = new[:1].upper() + new[1:]
        return before + new + sentence[m.end():]
    return None
